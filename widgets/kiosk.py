"""Kiosk mode: one panel frameless and full screen on a chosen monitor; leaving needs the supervisor PIN.

The PIN is the site's (app/access/kiosk_pin.py: an Argon2id hash in the site's database, a lockout
shared by every wall and kept across restarts). Demo sites get the documented PIN 123456. A P1/P2
alarm nobody has acknowledged covers the kiosk (widgets/alarms/wall_alert.py); the same PIN
acknowledges it there.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
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
from app.access import PermissionDenied
from app.access.kiosk_pin import KioskPin, PinRefused
from widgets.alarms.sound import AlarmSound
from widgets.alarms.wall_alert import WallAlert
from widgets.jobs import Jobs
from widgets.panels import panel as find_panel
from widgets.plain_text import plain
from widgets.shell_context import ShellContext, site_title
from widgets.shortcuts import key_for
from widgets.site_status import SiteStatusReporter
from widgets.status_bar import ShellStatusBar


def tr(text: str) -> str:
    return QCoreApplication.translate("Kiosk", text)


class PinDialog(QDialog):
    """Asks for the supervisor PIN; stays open and says so when it is wrong."""

    def __init__(self, pins: KioskPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pins = pins
        self.jobs = Jobs(self)
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
        """The PIN is checked on a job thread (Argon2id takes ~0.3 s): the wall keeps painting."""
        pins, pin = self.pins, self.pin_edit.text()
        self.pin_edit.setEnabled(False)
        self.jobs.submit(
            "pin", lambda: (pins.verify(pin), pins.seconds_locked()), self._checked, self._failed
        )

    def _failed(self, error: Exception) -> None:
        self.pin_edit.setEnabled(True)
        self.error.setText(f"{type(error).__name__}: {error}")

    def _checked(self, result: tuple[bool, int]) -> None:
        self.pin_edit.setEnabled(True)
        self.pin_edit.setFocus()
        right, locked = result
        if right:
            self.accept()
            return
        if locked:
            self.error.setText(tr("错误次数过多，请 {n} 秒后再试").replace("{n}", str(locked)))
        else:
            self.error.setText(tr("密码错误，无法退出"))
        self.pin_edit.clear()


class SetPinDialog(QDialog):
    """Sets the supervisor PIN; asks for the current one first when a PIN is already set."""

    def __init__(self, pins: KioskPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pins = pins
        self.jobs = Jobs(self)
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
        """Check the current PIN and store the new one on a job thread (two Argon2id runs)."""
        if self.new.text() != self.again.text():
            self.error.setText(tr("两次输入的新密码不一致"))
            return
        pins, current, new = self.pins, self.current.text(), self.new.text()

        def work() -> bool:
            if pins.is_set and not pins.verify(current):
                return False
            pins.set_pin(new)
            return True

        self.jobs.submit("save", work, self._saved, self._refused)

    def _saved(self, stored: bool) -> None:
        if stored:
            self.accept()
        else:
            self.error.setText(tr("当前密码错误"))

    def _refused(self, error: Exception) -> None:
        known = isinstance(error, (PinRefused, PermissionDenied))
        self.error.setText(str(error) if known else f"{type(error).__name__}: {error}")


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
        pins: KioskPin | None = None,
        *,
        alarm_sound: AlarmSound | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("kioskWindow")
        self.context = context
        self.pins = pins or KioskPin(context.db, context.seat)
        if not self.pins.is_set:
            raise KioskError(
                "未设置值班长密码，无法进入值守模式：请值班长在主窗口“工具 → 设置值班长密码”中设置"
                " / no supervisor PIN is set: set one in the main window under Tools first"
            )
        self.view = view
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setCentralWidget(find_panel(view).factory(context))
        self.setStatusBar(
            ShellStatusBar(context.status, context.site.clock, self, site_name=context.site.name)
        )
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
