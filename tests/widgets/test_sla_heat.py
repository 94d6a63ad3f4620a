"""The SLA heat table: the sub-grids of the scope over eight weeks, each cell the week's on-time rate
(or overdue count), coloured, with the week's figures on hover; the read behind it on both stores."""

from __future__ import annotations

from datetime import date

import pytest

from app.context import SiteContext
from runtime.read.reports import ReportReads
from tests.runtime.reports.test_grid_sla import busy
from widgets.jobs import Jobs
from widgets.map.sla_colouring import RATE_BANDS
from widgets.sla_heat import SlaHeatTable, opaque

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]
THE_25TH = date(2026, 11, 25)


class ReadsOn(ReportReads):
    """The site's reads with today fixed (the site clock's day of the test)."""

    def sla_heat(self, parent_code, today=None, weeks=8):
        return super().sla_heat(parent_code, THE_25TH, weeks)


def test_the_heat_read_gives_each_child_grid_a_figure_per_week(db):
    busy(db)
    heat = ReportReads(SiteContext(db)).sla_heat("C1", THE_25TH)
    assert [p.first for p in heat.periods][-4:] == [date(2026, 11, d) for d in (2, 9, 16, 23)]
    rows = {code: cells for code, _name, cells in heat.rows}
    assert list(rows) == ["G1", "G2"]
    week_of_2nd = [p.first for p in heat.periods].index(date(2026, 11, 2))
    assert rows["G1"][week_of_2nd].on_time_rate == 1.0 and rows["G1"][week_of_2nd].received == 2
    assert rows["G2"][week_of_2nd].on_time_rate is None and rows["G2"][week_of_2nd].received == 2
    # overdue steps count on the day each limit ran out (the sweep of the 20th found them)
    assert rows["G2"][week_of_2nd].overdue >= 1 and rows["G2"][week_of_2nd + 1].overdue >= 1
    assert rows["G2"][week_of_2nd + 2] is None
    assert rows["G1"][0] is None  # October: nothing
    streets = ReportReads(SiteContext(db)).sla_heat(None, THE_25TH)
    assert [code for code, _n, _c in streets.rows] == ["S1"]


def test_the_heat_table_colours_the_cells_and_switches_measure(qtbot, sqlite_db):
    busy(sqlite_db)
    table = SlaHeatTable(ReadsOn(SiteContext(sqlite_db)), Jobs())
    qtbot.addWidget(table)
    qtbot.waitUntil(lambda: table.heat is not None and table.scope.count() > 1, timeout=10_000)
    table.scope.setCurrentIndex(table.scope.findData("C1"))
    qtbot.waitUntil(lambda: table.table.rowCount() == 2, timeout=10_000)
    grid = table.table
    assert grid.verticalHeaderItem(0).text() == "幸福小区" and grid.columnCount() == 8
    week_of_2nd = [grid.horizontalHeaderItem(c).text() for c in range(8)].index("11-02")
    cell = grid.item(0, week_of_2nd)
    assert cell.text() == "100%" and cell.background().color() == opaque(RATE_BANDS[0][1])
    assert "受理 2" in cell.toolTip() and "按时办结 1/1" in cell.toolTip()
    assert grid.item(1, week_of_2nd).text() == "—"
    table.measure.setCurrentIndex(1)
    assert int(grid.item(1, week_of_2nd + 1).text()) >= 1 and grid.item(1, week_of_2nd + 2).text() == "0"
