"""The map coloured by each grid's SLA for a period (on-time rate bands, overdue classes), with its
legend, chosen in the map's tool bar; the period holds the site's today (a fixed day here)."""

from __future__ import annotations

from datetime import date

import pytest

from app.context import SiteContext
from runtime.read.map import MapReads
from runtime.read.reports import ReportReads
from tests.runtime.reports.test_grid_sla import busy
from widgets.map.overlay import Colouring
from widgets.map.panel import MapPanel
from widgets.map.sla_colouring import NO_FIGURE, RATE_BANDS, rate_colour
from widgets.map.style import OVERLAY_RAMP, OVERLAY_ZERO

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


class FixedDay:
    def __init__(self, day: date) -> None:
        self.day = day

    def today(self) -> date:
        return self.day


def test_rate_bands():
    assert rate_colour(None) == NO_FIGURE
    assert rate_colour(1.0) == rate_colour(0.95) == RATE_BANDS[0][1]
    assert rate_colour(0.949) == RATE_BANDS[1][1]
    assert rate_colour(0.85) == RATE_BANDS[2][1] and rate_colour(0.0) == RATE_BANDS[3][1]


def test_the_map_colours_grids_by_their_sla_with_a_legend(qtbot, sqlite_db):
    busy(sqlite_db)
    site = SiteContext(sqlite_db)
    panel = MapPanel(MapReads(site), sla_reads=ReportReads(site))
    qtbot.addWidget(panel)
    panel.resize(1200, 800)
    panel.show()
    panel.paint.clock = FixedDay(date(2026, 11, 25))
    codes = {grid.code: grid_id for grid_id, grid in panel.scene.grids.items()}
    assert not panel.tools.sla_period_action.isVisible()

    panel.set_colouring(Colouring.SLA_ON_TIME)
    assert panel.tools.sla_period_action.isVisible()
    fills = panel.canvas.content.fills
    assert fills[codes["G1"]] == RATE_BANDS[0][1]  # its one closed ticket was on time
    assert fills[codes["G3"]] == NO_FIGURE  # nothing received in November
    assert panel.legend.isVisible() and panel.legend.title == "按时办结率 · 2026年11月"
    assert [e.text for e in panel.legend.entries][0] == "≥ 95%"
    assert "按时办结率 100.0%（1/1）· 超期" in panel.tooltip(codes["G1"])
    assert "本期无工单" in panel.tooltip(codes["G3"])

    panel.set_colouring(Colouring.SLA_OVERDUE)
    fills = panel.canvas.content.fills
    assert fills[codes["G2"]] in OVERLAY_RAMP and fills[codes["G1"]] in OVERLAY_RAMP  # G1's open one too
    assert fills[codes["G3"]] == OVERLAY_ZERO
    assert panel.legend.title.startswith("超期次数")

    panel.tools.sla_period_box.setCurrentIndex(panel.tools.sla_period_box.findData("week"))
    assert panel.legend.title.startswith("超期次数 · 2026年第48周")  # the week of the 25th: nothing overdue
    assert panel.canvas.content.fills[codes["G2"]] == OVERLAY_ZERO

    panel.set_colouring(Colouring.NONE)
    assert not panel.legend.isVisible() and not panel.tools.sla_period_action.isVisible()


def test_without_the_sla_reads_the_map_offers_only_the_counts(qtbot, sqlite_db):
    busy(sqlite_db)
    panel = MapPanel(MapReads(SiteContext(sqlite_db)))
    qtbot.addWidget(panel)
    box = panel.tools.colouring_box
    assert [box.itemData(i) for i in range(box.count())] == [
        "none",
        "open_tickets",
        "overdue_tickets",
        "alarms",
    ]
