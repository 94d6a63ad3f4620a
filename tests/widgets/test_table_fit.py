"""Tables that fit their dock, and status texts that keep their width while they change."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView

from app.site_clock import SiteClock
from widgets.accounts.account_actions import AccountActions
from widgets.plain_text import literal_html
from widgets.status_bar import MAX_INDICATOR_PX, IndicatorState, ShellStatusBar, StatusBoard
from widgets.table_fit import Column, FitColumns, dense_rows, share_widths

pytestmark = [pytest.mark.gui]

COLUMNS = (
    Column(140),
    Column(40),
    Column(96, 2),
    Column(80, 2, drop=1),
    Column(60, drop=2),
    Column(64, 1, drop=3),
)


def test_wide_tables_share_the_spare_width_by_weight_and_fill_it_exactly():
    widths = share_widths(COLUMNS, 1000)
    assert sum(widths) == 1000 and all(widths)
    assert widths[0] == 140 and widths[1] == 40 and widths[4] == 60  # no weight: their minimum
    assert abs((widths[2] - 96) - (widths[3] - 80)) <= 1


def test_narrow_tables_hide_the_least_needed_columns_first_never_the_kept_ones():
    assert share_widths(COLUMNS, 420) == [140, 40, 96 + 2, 80 + 2, 60, 0]  # 处理人 (rank 3) went first
    assert share_widths(COLUMNS, 300)[:3] == [140, 40, 120] and share_widths(COLUMNS, 300)[3:] == [0, 0, 0]
    assert share_widths(COLUMNS, 100)[:3] == [140, 40, 96]  # too narrow even so: the kept ones stay


def test_a_fitted_table_never_scrolls_sideways_and_refits_when_its_width_changes(qtbot):
    model = QStandardItemModel(30, len(COLUMNS))
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    dense_rows(table)
    FitColumns(table, COLUMNS)
    table.resize(440, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: table.isColumnHidden(5))
    shown = [c for c in range(len(COLUMNS)) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) == table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert table.rowHeight(0) == table.fontMetrics().height() + 8
    table.resize(1200, 300)
    qtbot.waitUntil(lambda: not table.isColumnHidden(5))


def test_the_clock_and_changing_indicators_keep_their_width(qtbot, shell_context):
    """As in the window: the site's name and the signed-in name sit beside the clock, and nothing on
    the right moves while the seconds and the indicators' texts change."""
    board = StatusBoard()
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ShellStatusBar(board, SiteClock(), window, site_name="幸福里社区")
    window.setStatusBar(bar)
    name = AccountActions(shell_context, window).name_label
    window.resize(1366, 200)
    window.show()
    qtbot.waitExposed(window)
    clock = bar._clock
    site = bar.findChild(QLabel, "statusSiteName")
    width = clock.width()

    def right_side():
        QApplication.processEvents()  # any relayout a change asked for happens before we look
        return [(w.x(), w.width()) for w in (site, clock, name)]

    placed = right_side()
    for text in ("2026-12-07 11:11:11", "2026-12-08 00:00:00", "2026-12-07 18:48:58"):
        clock.setText(text)
        bar._fix_clock_width()
        assert clock.width() == width and clock.minimumWidth() == clock.maximumWidth() == width
        assert right_side() == placed
    board.set_indicator("cameras", "摄像机 在线 21/21", IndicatorState.OK)
    qtbot.waitUntil(lambda: bar.label("cameras") is not None)
    label = bar.label("cameras")
    wide = label.minimumWidth()
    board.set_indicator("cameras", "摄像机 在线 1/21", IndicatorState.WARN)
    qtbot.waitUntil(lambda: label.text.text() == "摄像机 在线 1/21")
    assert label.minimumWidth() == wide  # a shorter text does not pull its neighbours left
    assert right_side() == placed and name.text() == "管理员 测试管理员"
    long_text = "摄像机 " + "很长的说明" * 30
    board.set_indicator("cameras", long_text, IndicatorState.ERROR)
    qtbot.waitUntil(lambda: label.text.text().endswith("…"))
    assert label.minimumWidth() <= MAX_INDICATOR_PX and label.toolTip() == literal_html(long_text)
    assert right_side() == placed
