"""The idle lock: after the site's idle time without a key or mouse press at this seat, a lock screen
covers the main window (every panel, so no personal data shows) and the alarm popup stops offering
actions and hides the household card; alarms keep sounding and stay listed. The signed-in user's
password opens the seat again (checked by the core, with its lockout); 注销 signs out instead."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from app.access import User
from app.access.accounts import Accounts, SignInRefused
from widgets.accounts.texts import tr
from widgets.jobs import Jobs

CHECK_MS = 5_000
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    """Covers the window: who is signed in, the alarms waiting (count), the password field."""

    def __init__(self, window: QMainWindow, user: User) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockScreen { background: #10151c; } QLabel { color: #e8edf2; font-size: 18px; }")
        self.title = QLabel(tr("席位已锁定"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(tr("{name} 已登录，请输入密码解锁").replace("{name}", user.name))
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.alarms = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="lockAlarms")
        self.password = QLineEdit(objectName="unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(320)
        self.error = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="unlockError")
        self.unlock_button = QPushButton(tr("解锁"), objectName="unlockButton")
        self.sign_out_button = QPushButton(tr("注销"), objectName="lockSignOut")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.who, self.alarms, self.password, self.error):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.password.returnPressed.connect(self.unlock_button.click)

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the application's input; locks `window` after `minutes` idle. `popup` is the alarm popup."""

    def __init__(self, window: QMainWindow, accounts: Accounts, user: User, minutes: int, popup=None) -> None:
        super().__init__(window)
        self.window, self.accounts, self.user, self.popup = window, accounts, user, popup
        self.idle_seconds = minutes * 60
        self.last_input = time.monotonic()
        self.locked = False
        self.jobs = Jobs(self)
        self.screen = LockScreen(window, user)
        self.screen.hide()
        self.screen.unlock_button.clicked.connect(self.try_unlock)
        self.timer = QTimer(self, interval=CHECK_MS, timeout=self.check)
        self.timer.start()
        QApplication.instance().installEventFilter(self)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in INPUT_EVENTS and not self.locked:
            self.last_input = time.monotonic()
        if watched is self.window and event.type() == QEvent.Type.Resize and self.locked:
            self.screen.setGeometry(self.window.rect())
        return False

    def check(self) -> None:
        if not self.locked and time.monotonic() - self.last_input >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        self.locked = True
        self.screen.password.clear()
        self.screen.error.clear()
        self.show_alarm_count()
        self.screen.cover()
        if self.popup is not None:
            self.popup.set_locked(True)

    def show_alarm_count(self) -> None:
        waiting = len(self.popup.alarm_ids()) if self.popup is not None else 0
        self.screen.alarms.setText(
            tr("待处理告警 {n} 条，请解锁后处理").replace("{n}", str(waiting)) if waiting else ""
        )

    def try_unlock(self) -> None:
        password, accounts, name = self.screen.password.text(), self.accounts, self.user.name
        self.screen.unlock_button.setEnabled(False)
        self.jobs.submit("unlock", lambda: accounts.sign_in(name, password), self._unlocked, self._refused)

    def _unlocked(self, _user: User) -> None:
        self.screen.unlock_button.setEnabled(True)
        self.locked = False
        self.last_input = time.monotonic()
        self.screen.hide()
        if self.popup is not None:
            self.popup.set_locked(False)

    def _refused(self, error: Exception) -> None:
        self.screen.unlock_button.setEnabled(True)
        self.screen.password.clear()
        self.screen.error.setText(
            str(error) if isinstance(error, SignInRefused) else f"{type(error).__name__}: {error}"
        )

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
