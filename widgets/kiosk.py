"""Kiosk mode: one panel frameless and full screen on a chosen monitor; leaving needs the supervisor PIN.

The PIN is kept only as a PBKDF2 hash in the window settings. Demo sites get the documented PIN 1234.
A P1/P2 alarm nobody has acknowledged covers the kiosk (widgets/alarms/wall_alert.py); the same PIN
acknowledges it there.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from alarms.service import AlarmService
from widgets.alarms.sound import AlarmSound
from widgets.alarms.wall_alert import WallAlert
from widgets.panels import panel as find_panel
from widgets.plain_text import plain
from widgets.shell_context import ShellContext, site_title
from widgets.shortcuts import key_for
from widgets.site_status import SiteStatusReporter
from widgets.status_bar import ShellStatusBar

PIN_KEY = "kiosk/supervisor_pin"
PBKDF2_ITERATIONS = 200_000
DEMO_PIN = "1234"
MIN_PIN_LENGTH = 4
# After this many wrong PINs in a row, each further try waits LOCKOUT_SECONDS.
FREE_ATTEMPTS = 5
LOCKOUT_SECONDS = 30


def tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), bytes.fromhex(salt), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


class PinStore:
    """The supervisor PIN's hash in the window settings, with a lockout against guessing."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings
        self._failures = 0
        self._locked_until = 0.0

    @property
    def is_set(self) -> bool:
        return bool(self._settings.value(PIN_KEY, ""))

    def set_pin(self, pin: str) -> None:
        if len(pin) < MIN_PIN_LENGTH or not pin.isdigit():
            raise ValueError(tr("密码须为至少4位数字"))
        self._settings.setValue(PIN_KEY, hash_pin(pin))
        self._settings.sync()

    def ensure_demo_pin(self) -> None:
        if not self.is_set:
            self.set_pin(DEMO_PIN)

    def seconds_locked(self) -> int:
        return max(0, int(self._locked_until - time.monotonic() + 0.999))

    def verify(self, pin: str) -> bool:
        if self.seconds_locked():
            return False
        if pin_matches(pin, str(self._settings.value(PIN_KEY, ""))):
            self._failures = 0
            return True
        self._failures += 1
        if self._failures >= FREE_ATTEMPTS:
            self._locked_until = time.monotonic() + LOCKOUT_SECONDS
        return False


class PinDialog(QDialog):
    """Asks for the supervisor PIN; stays open and says so when it is wrong."""

    def __init__(self, pins: PinStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pins = pins
        self.setWindowTitle(tr("退出值守模式"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        message = QLabel(tr("请输入值班长密码以退出值守模式"))
        message.setObjectName("dialogMessage")
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.setPlaceholderText(tr("值班长密码"))
        self.error = QLabel()
        plain(self.error)
        self.error.setObjectName("dialogError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(message)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def check(self) -> None:
        if self.pins.verify(self.pin_edit.text()):
            self.accept()
            return
        locked = self.pins.seconds_locked()
        if locked:
            self.error.setText(tr("错误次数过多，请 {n} 秒后再试").replace("{n}", str(locked)))
        else:
            self.error.setText(tr("密码错误，无法退出"))
        self.pin_edit.clear()


class SetPinDialog(QDialog):
    """Sets the supervisor PIN; asks for the current one first when a PIN is already set."""

    def __init__(self, pins: PinStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pins = pins
        self.setWindowTitle(tr("设置值班长密码"))
        form = QFormLayout(self)
        self.current = self._pin_field()
        self.new = self._pin_field()
        self.again = self._pin_field()
        if pins.is_set:
            form.addRow(tr("当前密码"), self.current)
        form.addRow(tr("新密码"), self.new)
        form.addRow(tr("确认新密码"), self.again)
        self.error = QLabel()
        plain(self.error)
        self.error.setObjectName("dialogError")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _pin_field() -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(12)
        return field

    def save(self) -> None:
        if self.pins.is_set and not self.pins.verify(self.current.text()):
            self.error.setText(tr("当前密码错误"))
            return
        if self.new.text() != self.again.text():
            self.error.setText(tr("两次输入的新密码不一致"))
            return
        try:
            self.pins.set_pin(self.new.text())
        except ValueError as error:
            self.error.setText(str(error))
            return
        self.accept()


class KioskError(Exception):
    """Kiosk mode cannot start (no such screen, no PIN set): said in plain words."""


def choose_screen(index: int):
    screens = QGuiApplication.screens()
    if not 0 <= index < len(screens):
        raise KioskError(
            f"屏幕 {index} 不存在：本机共有 {len(screens)} 个屏幕（编号 0 到 {len(screens) - 1}）"
            f" / screen {index} does not exist: {len(screens)} screen(s), numbered 0 to {len(screens) - 1}"
        )
    return screens[index]


class KioskWindow(QMainWindow):
    """One panel, frameless, full screen; Esc or Ctrl+Q asks for the supervisor PIN before closing.

    P1/P2 alarms nobody has acknowledged cover it (`alarm_overlay`) until acknowledged, at any seat or
    here with the supervisor PIN.
    """

    def __init__(
        self,
        context: ShellContext,
        view: str = "wall",
        pins: PinStore | None = None,
        *,
        alarm_sound: AlarmSound | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.context = context
        self.pins = pins or PinStore(context.settings.store())
        if not self.pins.is_set:
            raise KioskError(
                "未设置值班长密码，无法进入值守模式：请先在主窗口“工具 → 设置值班长密码”中设置"
                " / no supervisor PIN is set: set one in the main window under Tools first"
            )
        self.view = view
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setCentralWidget(find_panel(view).factory(context))
        self.setStatusBar(ShellStatusBar(context.status, context.site.clock, self, site_name=context.site.name))
        self.site_status = SiteStatusReporter(context, self)
        self.alarm_overlay = WallAlert(
            AlarmService(context.db, context.hub, context.seat),
            context.reads.alarm_places,
            context.bridge,
            self.pins,
            self,
            sound=alarm_sound,
        )
        self.alarm_overlay.refresh()  # the alarms already waiting when the wall starts
        self.unlocked = False
        self.pin_dialog: PinDialog | None = None
        for action in ("kiosk.leave", "kiosk.quit"):  # keys from the one table, widgets/shortcuts.py
            QShortcut(
                key_for(action),
                self,
                activated=self.ask_to_leave,
                context=Qt.ShortcutContext.ApplicationShortcut,
            )
        self.setWindowTitle(site_title(context.site.name, tr("网格指挥中心 · 值守模式")))

    def show_on_screen(self, index: int) -> None:
        screen = choose_screen(index)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def ask_to_leave(self) -> None:
        if self.pin_dialog is not None and self.pin_dialog.isVisible():
            return
        self.pin_dialog = PinDialog(self.pins, self)
        self.pin_dialog.accepted.connect(self._leave)
        self.pin_dialog.open()

    def _leave(self) -> None:
        self.unlocked = True
        self.close()  # the bridge stays open: a kiosk opened from the main window's wall shares it

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.unlocked:
            self.alarm_overlay.stop()  # a closed wall neither sounds nor follows the alarms any more
            super().closeEvent(event)
            return
        event.ignore()
        self.ask_to_leave()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(site_title(self.context.site.name, tr("网格指挥中心 · 值守模式")))
            self.site_status.refresh()
        super().changeEvent(event)
