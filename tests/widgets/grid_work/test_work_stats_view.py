"""工作统计 on screen: the figures of the chosen grid and period are the core's `work_stats`."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate

from app.context import SiteContext
from app.demo.district import detailed_compound_code, district_layout
from app.grid_work.work_stats import work_stats
from widgets.grid_work.work_stats_view import WorkStatsDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


def _figure(dialog, name: str) -> str:
    for row in range(dialog.table.rowCount()):
        if dialog.table.item(row, 0).text() == name:
            return dialog.table.item(row, 1).text()
    raise AssertionError(f"no figure {name}")


def test_the_last_ninety_days_of_a_community_are_the_cores_figures(qtbot, demo_context, demo_db):
    dialog = WorkStatsDialog(demo_context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.stats is not None, timeout=10000)
    community = detailed_compound_code(district_layout(7))  # the demo's compound mapped in detail
    dialog.grid.setCurrentIndex(dialog.grid.findData(community))
    today = dialog.end.date()
    dialog.start.setDate(today.addDays(-90))
    dialog.stats = None
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.stats is not None and dialog.stats.grid_code == community, timeout=10000)
    start, end = dialog.period()
    assert end - start == timedelta(days=91)
    expected = work_stats(SiteContext(demo_db), community, start, end)
    assert dialog.stats == expected and expected.visits > 0
    assert _figure(dialog, "走访户数") == str(expected.households_visited)
    assert _figure(dialog, "问题转工单") == str(expected.findings_ticketed)
    assert _figure(dialog, "议事表决（已计票）") == str(expected.votes_held)


def test_a_reversed_period_is_refused_in_words(qtbot, demo_context):
    dialog = WorkStatsDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.start.setDate(QDate(2026, 5, 2))
    dialog.end.setDate(QDate(2026, 5, 1))
    dialog.refresh()
    assert dialog.status.text() == "开始日期不能晚于结束日期"
