"""The statistics panel counts the site from the store."""

from __future__ import annotations

import pytest

from app.context import SiteContext
from runtime.read.stats import SiteStats
from widgets.stats import StatsPanel, site_figures

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def test_figures_count_the_small_site(small_site):
    counts = SiteStats(SiteContext(small_site.db)).counts()
    figures = {figure.name: figure.value for figure in site_figures(counts)}
    assert figures["未办结工单"] == 0 and figures["未处置告警"] == 0
    assert (figures["一级网格"], figures["微网格"]) == (1, 1)
    assert figures["网格长与网格员"] == 5  # four leaders and one grid worker; the county leader is not staff
    assert (figures["户数"], figures["居民"]) == (3, 4)
    assert (figures["党员"], figures["独居老人"], figures["残疾人"]) == (1, 1, 1)


def test_panel_shows_a_tile_per_figure_and_reflows(qtbot, shell_context):
    panel = StatsPanel(shell_context)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    assert len(panel.tiles) == len(panel.figures)
    assert panel.tiles[2].value.text() == "1"  # level-1 grids
    wide = panel._per_row
    panel.resize(300, 600)
    qtbot.waitUntil(lambda: panel._per_row < wide)
