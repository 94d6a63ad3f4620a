"""Kiosk mode: PIN hashing, refusal of a wrong PIN, acceptance of the right one, screen choice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt

from app.events import Change, GridChanged, Topic
from widgets.kiosk import (
    DEMO_PIN,
    FREE_ATTEMPTS,
    PIN_KEY,
    KioskError,
    KioskWindow,
    PinStore,
    choose_screen,
    hash_pin,
    pin_matches,
)

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support"
    ),  # offscreen platform limits (raise, size hints)
]


def test_pin_is_stored_only_as_a_salted_pbkdf2_hash(shell_context):
    store = shell_context.settings.store()
    pins = PinStore(store)
    pins.set_pin("2468")
    stored = store.value(PIN_KEY)
    assert stored.startswith("pbkdf2_sha256$") and "2468" not in stored
    assert hash_pin("2468") != hash_pin("2468")  # a fresh salt each time
    assert pin_matches("2468", stored) and not pin_matches("2469", stored)
    assert "2468" not in shell_context.settings.path.read_text()


def test_short_or_non_digit_pins_are_refused(shell_context):
    pins = PinStore(shell_context.settings.store())
    for bad in ("12", "12ab", ""):
        with pytest.raises(ValueError):
            pins.set_pin(bad)


def test_guessing_locks_out_after_a_few_wrong_pins(shell_context):
    pins = PinStore(shell_context.settings.store())
    pins.set_pin("2468")
    for _ in range(FREE_ATTEMPTS):
        assert not pins.verify("0000")
    assert pins.seconds_locked() > 0
    assert not pins.verify("2468")  # even the right PIN waits out the lockout


def test_kiosk_without_a_pin_refuses_to_start(shell_context):
    with pytest.raises(KioskError, match="值班长密码"):
        KioskWindow(shell_context, view="stats")


@pytest.fixture
def kiosk(qtbot, shell_context):
    pins = PinStore(shell_context.settings.store())
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
    assert dialog.isVisible()
    assert dialog.error.text() == "密码错误，无法退出"
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
