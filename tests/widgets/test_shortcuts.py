"""One shortcut map: no key on two actions where both could fire, every key the window binds comes
from the table, 帮助 → 快捷键 lists it, and the rail's keys and highlight do what they say."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from widgets import shortcuts
from widgets.help_menu import ShortcutsDialog
from widgets.main_window import MainWindow
from widgets.panels import PANELS, under_construction
from widgets.shortcuts import SHORTCUTS, Context, Shortcut, clashes
from widgets.tickets.detail import BUTTONS

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

WIDGETS = Path(__file__).resolve().parents[2] / "widgets"


def test_no_two_actions_share_a_key_where_both_could_fire():
    assert clashes() == [], [(a.action, b.action, a.key) for a, b in clashes()]
    assert len({s.action for s in SHORTCUTS}) == len(SHORTCUTS)  # ids are unique too


def test_a_clash_is_found_in_one_context_and_between_the_window_and_a_panel(monkeypatch):
    extra = (
        Shortcut("test.same_panel", "Ctrl+F", Context.TICKETS, "重复", "duplicate"),
        Shortcut("test.window_over_panel", "Alt+1", Context.WINDOW, "重复", "duplicate"),
        Shortcut("test.other_window", "Ctrl+N", Context.ALARM_POPUP, "弹窗另算", "popup is its own window"),
    )
    monkeypatch.setattr(shortcuts, "SHORTCUTS", SHORTCUTS + extra)
    found = {(a.action, b.action) for a, b in shortcuts.clashes()}
    assert found == {("tickets.queue1", "test.window_over_panel"), ("tickets.search", "test.same_panel")}


def test_the_ticket_lists_action_keys_are_the_tables():
    for action, key in BUTTONS:
        if key:
            assert shortcuts.shortcut(f"tickets.{action.value}").key == key


def test_the_alarm_popups_button_mnemonics_are_the_tables():
    source = (WIDGETS / "alarms" / "popup.py").read_text(encoding="utf-8")
    mnemonics = {f"Alt+{letter}" for letter in re.findall(r"\(&([A-Z])\)", source)}
    table = {s.key for s in SHORTCUTS if s.context == Context.ALARM_POPUP and s.key.startswith("Alt+")}
    assert mnemonics == table


def with_real_tickets():
    """The shell's own panels and the real ticket panel (the one that used to take the rail's keys)."""
    real = ("roster", "stats", "tickets")
    return [p if p.key in real else replace(p, factory=under_construction(p.title)) for p in PANELS]


@pytest.fixture
def window(qtbot, shell_context, languages):
    window = MainWindow(shell_context, languages, panels=with_real_tickets(), remember_layout=False)
    qtbot.addWidget(window)
    window.resize(1900, 1000)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def test_every_key_the_window_binds_is_in_the_table(window):
    table = {QKeySequence(s.key).toString() for s in SHORTCUTS}
    bound = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    bound |= {s.key().toString() for s in window.findChildren(QShortcut)}
    assert bound and bound <= table, bound - table


def test_ctrl_number_switches_panels_even_with_the_ticket_panel_open(qtbot, window):
    """Ctrl+2 and Ctrl+3 did nothing: the ticket panel bound them too and Qt gave up on both."""
    window.show_panel("roster")  # the map's tab partner in front
    qtbot.waitUntil(lambda: window.docks["map"].visibleRegion().isEmpty())
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.docks["map"].visibleRegion().isEmpty())
    assert window._nav_actions["map"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tickets = window.panel_widgets["tickets"]
    qtbot.waitUntil(lambda: tickets.isAncestorOf(window.focusWidget()))  # the keyboard is in the queue
    assert window._nav_actions["tickets"].isChecked()


def test_alt_number_switches_the_ticket_queues_while_the_keyboard_is_in_them(qtbot, window):
    tickets = window.panel_widgets["tickets"]
    window.show_panel("tickets")
    qtbot.waitUntil(lambda: tickets.isAncestorOf(window.focusWidget()))
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert tickets.queue_tabs.currentIndex() == 2


def test_the_rail_follows_the_focus_and_is_right_after_restoring_the_layout(qtbot, window):
    window.show_panel("stats")
    assert window._nav_actions["stats"].isChecked()
    window.panel_widgets["roster"].search_box.setFocus()  # the roster is behind the map's tab at first
    window.show_panel("roster")
    qtbot.waitUntil(lambda: window._nav_actions["roster"].isChecked())
    window.reset_layout()  # the roster goes behind the map's tab again: the rail must not keep it lit
    qtbot.waitUntil(lambda: window._nav_actions["wall"].isChecked())
    assert window.panel_widgets["wall"].isAncestorOf(window.focusWidget()) or window.focusWidget() is None


def test_the_help_lists_every_shortcut_in_the_interfaces_language(qtbot):
    dialog = ShortcutsDialog("zh_CN")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(SHORTCUTS)
    rows = {(dialog.table.item(r, 0).text(), dialog.table.item(r, 2).text()) for r in range(len(SHORTCUTS))}
    assert ("Ctrl+2", "切换到网格地图") in rows and ("Alt+1", "工单队列：我的待办") in rows
    english = ShortcutsDialog("en")
    qtbot.addWidget(english)
    assert english.table.item(0, 2).text() == "Go to the video wall"


def test_clicking_a_panels_tab_lights_it_on_the_rail(qtbot, window):
    from PySide6.QtWidgets import QTabBar

    def roster_tab() -> tuple[QTabBar, int] | None:
        for bar in window.findChildren(QTabBar):
            for index in range(bar.count()):
                if bar.tabText(index) == "居民花名册" and bar.isVisible():
                    return bar, index
        return None

    qtbot.waitUntil(lambda: roster_tab() is not None)
    assert not window._nav_actions["roster"].isChecked()
    bar, index = roster_tab()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: not window.docks["roster"].visibleRegion().isEmpty())
    assert window._nav_actions["roster"].isChecked()
