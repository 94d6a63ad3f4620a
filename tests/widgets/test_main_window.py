"""The main window: every panel docked, navigation, language switching, remembered layout, status bar."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from widgets.main_window import MainWindow, PanelFailed
from widgets.panels import PANELS, UnderConstruction, under_construction
from widgets.site_status import describe_database

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
    assert window.context.settings.store().value("language") == "en"
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.docks["wall"].windowTitle() == "视频墙")
    assert roster.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_layout_is_saved_on_close_and_restored(qtbot, shell_context, languages, window):
    window.resize(780, 560)  # within the offscreen screen (800x600), which restoreGeometry clamps to
    qtbot.waitUntil(lambda: window.width() <= 800)
    saved_size = window.size()
    window.docks["alarms"].close()
    window.docks["stats"].setFloating(True)
    window.close()
    again = MainWindow(shell_context, languages, panels=light_panels())
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["alarms"].isVisible()
    assert again.docks["stats"].isFloating()
    assert again.size() == saved_size
    again.reset_layout()
    assert again.docks["alarms"].isVisible() and not again.docks["stats"].isFloating()


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


def test_database_description_masks_the_password():
    label, where = describe_database("postgresql+psycopg://gcc:s3cret@db.example:5432/site")
    assert label == "PostgreSQL · db.example:5432/site"
    assert "s3cret" not in where and "***" in where
    assert describe_database("sqlite:////var/lib/gcc/gcc.sqlite")[0] == "SQLite · gcc.sqlite"
