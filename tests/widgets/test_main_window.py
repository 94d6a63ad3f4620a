"""The main window: every panel docked, navigation, language switching, remembered layout, status bar."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QTabBar

from widgets.main_window import MainWindow, PanelFailed
from widgets.panels import PANELS, UnderConstruction, under_construction

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support"
    ),  # offscreen platform limits (raise, size hints)
]

KEYS = ["wall", "map", "tickets", "alarms", "ai", "roster", "stats"]


def light_panels():
    """PANELS with the other areas' heavy panels (cameras, map) as placeholders: the shell's own tests
    need the docks, not live video."""
    own = ("roster", "stats")
    return [p if p.key in own else replace(p, factory=under_construction(p.title)) for p in PANELS]


@pytest.fixture
def window(qtbot, shell_context, languages):
    window = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_panel_becomes_a_dock_in_chinese(qtbot, shell_context, languages):
    window = MainWindow(shell_context, languages)  # the real panels of every area
    qtbot.addWidget(window)
    assert [p.key for p in PANELS] == KEYS
    assert not any(isinstance(w, PanelFailed) for w in window.panel_widgets.values())
    assert set(window.docks) == set(KEYS)
    titles = {key: dock.windowTitle() for key, dock in window.docks.items()}
    assert titles == {
        "wall": "视频墙",
        "map": "网格地图",
        "tickets": "工单",
        "alarms": "告警",
        "ai": "AI识别",
        "roster": "居民花名册",
        "stats": "统计",
    }
    assert window.windowTitle() == "网格指挥中心"
    assert [m.title() for m in (window.file_menu, window.view_menu, window.tools_menu, window.help_menu)] == [
        "文件",
        "视图",
        "工具",
        "帮助",
    ]
    assert all(not isinstance(window.panel_widgets[k], UnderConstruction) for k in ("roster", "stats"))


def test_navigation_rail_brings_a_panel_to_the_front(qtbot, window):
    window.docks["roster"].close()
    window._nav_actions["roster"].trigger()
    assert window.docks["roster"].isVisible()
    assert window._nav_actions["roster"].isChecked()
    window.activateWindow()
    window.panel_widgets["stats"].setFocus()  # working in a panel marks it on the rail
    qtbot.waitUntil(lambda: window._nav_actions["stats"].isChecked())


def test_switching_language_retranslates_the_open_window(qtbot, window):
    roster = window.panel_widgets["roster"]
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Grid Command Centre")
    assert window.docks["wall"].windowTitle() == "Video wall"
    assert window.file_menu.title() == "File"
    assert window._nav_actions["roster"].text() == "Residents"
    assert roster.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert roster.search_box.placeholderText().startswith("Search")
    assert window.context.seat_state.value("language") == "en"  # remembered by this seat, in the site
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.docks["wall"].windowTitle() == "视频墙")
    assert roster.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_layout_is_saved_on_close_and_restored(qtbot, shell_context, languages, window):
    # Within the offscreen screen (800x600), which restoreGeometry clamps to, as far as the status bar's
    # whole indicators let it be narrow.
    window.resize(780, 560)
    qtbot.waitUntil(lambda: window.height() <= 600)
    saved_size = window.size()
    window.docks["alarms"].close()
    window.docks["stats"].setFloating(True)
    window.close()
    again = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["alarms"].isVisible()
    assert again.docks["stats"].isFloating()
    # The same size, but no wider than the screen (restoreGeometry clamps; the test screen is 800 px wide)
    screen_width = again.screen().availableGeometry().width()
    assert again.height() == saved_size.height()
    assert abs(again.width() - min(saved_size.width(), screen_width)) <= 2
    again.reset_layout()
    assert again.docks["alarms"].isVisible() and not again.docks["stats"].isFloating()


def _tabs_of(window: MainWindow, key: str) -> set[str]:
    dock = window.docks[key]
    return {key} | {k for k, d in window.docks.items() if d in window.tabifiedDockWidgets(dock)}


def _shown_tab_bars(window: MainWindow) -> int:
    """The dock tab bars on screen (a stale one from an earlier arrangement would be drawn over a panel)."""
    bars = window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return sum(1 for bar in bars if bar.isVisible() and bar.count())


def test_a_wide_window_has_three_columns(qtbot, window):
    window.resize(1900, 1000)
    window.reset_layout()
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    assert not window.compact
    assert window.dockWidgetArea(window.docks["map"]) == left
    assert _tabs_of(window, "map") == {"map", "roster"}
    assert _tabs_of(window, "alarms") == {"alarms", "ai"}
    assert window.dockWidgetArea(window.docks["stats"]) == right
    qtbot.waitUntil(lambda: _shown_tab_bars(window) == 2)


def test_a_laptop_window_moves_the_map_behind_the_alarms_tabs(qtbot, window):
    """1366x768: three columns would not fit, so the map and roster join the alarms' tabs, the alarms
    in front, and the wall's column gets about two thirds of the width."""
    window.resize(1366, 768)
    window.apply_default_sizes()  # what the first show and the screenshot command do
    right = Qt.DockWidgetArea.RightDockWidgetArea
    assert window.compact
    assert _tabs_of(window, "alarms") == {"alarms", "ai", "map", "roster"}
    assert all(window.dockWidgetArea(window.docks[k]) == right for k in ("map", "roster", "stats"))
    qtbot.waitUntil(lambda: not window.docks["alarms"].visibleRegion().isEmpty())
    assert window.docks["map"].visibleRegion().isEmpty()  # behind the alarms' tab
    assert _shown_tab_bars(window) == 1
    qtbot.waitUntil(lambda: window.docks["wall"].width() > 1.5 * window.docks["alarms"].width())
    window._nav_actions["map"].trigger()  # the rail still brings the map up with one click
    qtbot.waitUntil(lambda: not window.docks["map"].visibleRegion().isEmpty())
    window.resize(1900, 1000)
    window.reset_layout()  # back to three columns once the window is wide again
    assert window.dockWidgetArea(window.docks["map"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    qtbot.waitUntil(lambda: _shown_tab_bars(window) == 2)  # none left over from the compact arrangement


def test_a_panel_that_fails_to_build_does_not_stop_the_window(qtbot, shell_context, languages):
    def broken(_context):
        raise RuntimeError("camera driver missing")

    panels = [replace(p, factory=broken) if p.key == "wall" else p for p in light_panels()]
    window = MainWindow(shell_context, languages, panels=panels, remember_layout=False)
    qtbot.addWidget(window)
    texts = " ".join(label.text() for label in window.panel_widgets["wall"].findChildren(QLabel))
    assert "视频墙无法加载" in texts and "camera driver missing" in texts
    assert isinstance(window.docks["map"], QDockWidget)


def test_status_bar_shows_database_and_device_defaults(qtbot, window):
    board = window.context.status
    qtbot.waitUntil(lambda: board.indicator("db") is not None)
    db = board.indicator("db")
    assert db.state == "ok" and "SQLite" in db.text and "site.sqlite" in db.text
    assert board.indicator("cameras").text == "摄像机 在线 0/0"
    board.set_indicator("cameras", "摄像机 在线 12/21", "warn")
    qtbot.waitUntil(lambda: window.status.label("cameras").text.text() == "摄像机 在线 12/21")
    window.site_status.report_device_defaults()  # an area's report is not overwritten by the defaults
    assert board.indicator("cameras").text == "摄像机 在线 12/21"


def test_the_settings_menu_opens_the_sensor_dialog(qtbot, window):
    action = next(a for a in window.menu("settings").actions() if a.objectName() == "settings.sensors")
    assert action.text() == "传感器…"
    dialog = window.menus.open_sensor_settings()
    qtbot.waitUntil(lambda: not dialog.jobs.busy())
    assert dialog.form_view.state.text() == "新传感器"  # a site without sensors: a new sensor's form
    assert dialog.sensor_table.rowCount() == 0 and not dialog.delete_button.isEnabled()
    dialog.close()


def test_a_laptop_shows_eight_ticket_rows_and_whole_alarm_rows(qtbot, shell_context, languages):
    """1366x768: the ticket queue gets the height for eight rows and more; the alarm list's columns
    share its width (eliding, the least needed hidden) instead of being cut after 告警."""
    real = ("tickets", "alarms", "roster", "stats")
    panels = [p if p.key in real else replace(p, factory=under_construction(p.title)) for p in PANELS]
    window = MainWindow(shell_context, languages, panels=panels, remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.apply_default_sizes()
    tickets = window.panel_widgets["tickets"].table
    qtbot.waitUntil(lambda: tickets.viewport().height() >= 8 * tickets.verticalHeader().defaultSectionSize())
    alarms = window.panel_widgets["alarms"].table
    qtbot.waitUntil(lambda: not alarms.visibleRegion().isEmpty())
    shown = [c for c in range(alarms.model().columnCount()) if not alarms.isColumnHidden(c)]
    assert shown[:4] == [0, 1, 2, 3]  # time, level, alarm, address always
    assert sum(alarms.columnWidth(c) for c in shown) == alarms.viewport().width()
    assert not alarms.horizontalScrollBar().isVisible()


def test_a_first_start_opens_maximised_and_a_later_one_on_the_screen_it_closed_on(
    qtbot, shell_context, languages
):
    from widgets.main_window import SCREEN_KEY

    window = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(window)
    window.show_on_start()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowMaximized))
    window.close()
    assert shell_context.seat_state.value(SCREEN_KEY) == window.screen().name()
    again = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(again)
    assert again._remembered_screen() is window.screen()
    again.show_on_start()
    qtbot.waitUntil(lambda: bool(again.windowState() & Qt.WindowState.WindowMaximized))


def test_the_layout_is_remembered_per_seat_in_the_sites_database(qtbot, shell_context, languages, tmp_path):
    from app.config import Seat
    from widgets.shell_context import ShellSettings, build_shell_context

    window = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(window)
    window.show()
    window.close()  # saves the layout
    assert shell_context.seat_state.value("window/state").size() > 0
    assert not (tmp_path / "window.ini").exists() or "window" not in (tmp_path / "window.ini").read_text()
    same_seat = build_shell_context(
        shell_context.db, ShellSettings(path=tmp_path / "other.ini"), shell_context.seat
    )
    other_seat = build_shell_context(
        shell_context.db,
        ShellSettings(path=tmp_path / "other.ini"),
        Seat("operator", f"{shell_context.seat.host}-2"),
    )
    try:
        again = MainWindow(same_seat, languages, panels=light_panels())
        qtbot.addWidget(again)
        assert again.restore_layout()  # the same seat finds its layout, even from another settings file
        elsewhere = MainWindow(other_seat, languages, panels=light_panels())
        qtbot.addWidget(elsewhere)
        assert not elsewhere.restore_layout()  # another seat of the site starts from the default
    finally:
        same_seat.bridge.close()
        other_seat.bridge.close()
