"""The statistics panel counts the site from the store."""

from __future__ import annotations

from datetime import datetime

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


def test_the_months_work_is_counted_from_the_first_in_site_time(small_site):
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    from app.grid_work.work_stats import work_stats
    from widgets.stats import month_so_far, work_figures

    start, end = month_so_far(ZoneInfo("Asia/Shanghai"))
    beijing = start + timedelta(hours=8)
    assert (beijing.day, beijing.hour, beijing.minute) == (1, 0, 0) and timedelta(
        0
    ) <= end - start <= timedelta(days=31)
    visited = datetime(2026, 10, 8, 9, 30)  # the small site's one visit
    stats = work_stats(SiteContext(small_site.db), None, visited, visited + timedelta(days=1))
    figures = {f.name: f.value for f in work_figures(stats)}
    assert (figures["本月走访户数"], figures["本月志愿服务时长"], figures["本月办结工单"]) == (1, 0, 0)
