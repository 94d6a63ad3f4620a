"""Kiosk mode: the site's PIN (not the window file's), refusal of a wrong PIN, acceptance of the right
one, screen choice. The PIN's hashing and lockout are tested in tests/app/access/test_kiosk_pin.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt

from app.access.kiosk_pin import DEMO_PIN, KioskPin
from app.events import Change, GridChanged, Topic
from app.store import Database
from widgets.kiosk import KioskError, KioskWindow, SetPinDialog, choose_screen

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support"
    ),  # offscreen platform limits (raise, size hints)
]


@pytest.fixture
def shell_context(qapp, sqlite_db, tmp_path):
    """A site of its own: the PIN is the site's, so one test's PIN must not leak into the next."""
    from tests.widgets.conftest import ADMIN_SEAT
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    yield context
    context.bridge.close()


def test_the_pin_set_in_the_dialog_is_the_sites_not_the_window_files(qtbot, shell_context):
    dialog = SetPinDialog(KioskPin(shell_context.db, shell_context.seat))
    qtbot.addWidget(dialog)
    dialog.new.setText("1234")
    dialog.again.setText("1234")
    dialog.save()
    qtbot.waitUntil(lambda: "6" in dialog.error.text())  # four digits fell to brute force: six at least
    dialog.new.setText("246810")
    dialog.again.setText("246810")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted)
    ini = shell_context.settings.path
    assert not ini.exists() or "pin" not in ini.read_text().lower()
    another_seat = KioskPin(Database(shell_context.db.url), shell_context.seat)
    assert another_seat.verify("246810")


def test_kiosk_without_a_pin_refuses_to_start(shell_context):
    with pytest.raises(KioskError, match="值班长密码"):
        KioskWindow(shell_context, view="stats")


@pytest.fixture
def kiosk(qtbot, shell_context):
    pins = KioskPin(shell_context.db, shell_context.seat)
    pins.ensure_demo_pin()
    window = KioskWindow(shell_context, view="stats", pins=pins)
    qtbot.addWidget(window)
    window.show_on_screen(0)
    qtbot.waitExposed(window)
    return window


def test_kiosk_is_frameless_full_screen_without_menus(kiosk):
    assert kiosk.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert kiosk.isFullScreen()
    assert kiosk.menuWidget() is None


def test_escape_asks_for_the_pin_and_a_wrong_pin_is_refused(qtbot, kiosk):
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    dialog = kiosk.pin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pin_edit, "9999")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.error.text() == "密码错误，无法退出")
    assert dialog.isVisible()
    assert kiosk.isVisible() and not kiosk.unlocked


def test_closing_is_refused_until_the_right_pin(qtbot, kiosk):
    kiosk.close()  # Alt+F4 or a window manager close: refused, asks for the PIN
    assert kiosk.isVisible()
    dialog = kiosk.pin_dialog
    qtbot.keyClicks(dialog.pin_edit, DEMO_PIN)
    dialog.check()
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    assert kiosk.unlocked


def test_leaving_a_kiosk_keeps_the_seat_listening_to_changes(qtbot, kiosk, shell_context):
    """A kiosk opened from the main window's wall shares its bridge: leaving must not deafen the window."""
    heard = []
    listener = QObject()
    shell_context.bridge.on(Topic.GRID, heard.append, listener)
    kiosk.ask_to_leave()
    qtbot.keyClicks(kiosk.pin_dialog.pin_edit, DEMO_PIN)
    kiosk.pin_dialog.check()
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    shell_context.hub.publish(Change(Topic.GRID, (), GridChanged(updated=1)))
    qtbot.waitUntil(lambda: len(heard) == 1)


def test_a_screen_that_does_not_exist_is_a_clear_error(qapp):
    assert choose_screen(0) is not None
    with pytest.raises(KioskError, match="屏幕 7 不存在"):
        choose_screen(7)
