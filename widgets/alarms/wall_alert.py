"""The kiosk wall's alarm overlay: every P1/P2 alarm nobody has acknowledged covers the whole wall, with a
flashing frame and band in its colour and the alarm sound, until someone acknowledges it.

A wall has no signed-in operator: an operator acknowledges at a seat (the overlay follows every alarm
change, this seat's or relayed), or the supervisor does so here with the kiosk's PIN, and the service
audits it as any acknowledgement. What it shows is re-read from the store after every change (off the
GUI thread), so a restart, or an alarm acknowledged elsewhere, always leaves the wall showing what the
store holds: the most urgent, then oldest, alarm first.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from alarms.service import AlarmService
from alarms.values import AlarmError, AlarmView
from app.events import Change, Topic
from runtime.read.alarm_places import AlarmPlace, AlarmPlaces
from runtime.types import Priority
from widgets.alarms.sound import AlarmSound
from widgets.alarms.wall_card import PRIORITY_COLOURS, WallAlarmCard
from widgets.bridge import QtBridge
from widgets.jobs import Jobs
from widgets.plain_text import plain

log = logging.getLogger(__name__)

SHOWN_UP_TO_PRIORITY = Priority.P2  # P1 and P2 cover the wall; P3 (maintenance) only counts in the status bar
FLASH_MS = 500
RETRY_MS = 5000  # the store did not answer: ask again, the wall must not miss an alarm
ACK_NOTE = "值守大屏确认（值班长密码）"  # stored with the acknowledgement: where and how it was made
BACKDROP = QColor("#0b0f17")
DIM_FACTOR = 260  # the flash's dark phase: the priority colour darkened this much (QColor.darker)


class PinCheck(Protocol):
    """The site's supervisor PIN (app.access.kiosk_pin.KioskPin): a check with a lockout against guessing."""

    def verify(self, pin: str) -> bool: ...

    def seconds_locked(self) -> int: ...


class WallAlert(QWidget):
    """Covers its parent (the kiosk window) while a P1/P2 alarm waits; `refresh()` re-reads the store."""

    updated = Signal()  # a read of the store has been applied (tests wait on it)

    def __init__(
        self,
        service: AlarmService,
        places: AlarmPlaces,
        bridge: QtBridge,
        pins: PinCheck,
        parent: QWidget,
        *,
        sound: AlarmSound | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallAlert")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # covers the wall: nothing under it paints
        self.service = service
        self.places = places
        self.pins = pins
        self.sound = sound or AlarmSound(self)
        self.jobs = Jobs(self)
        self.alarms: list[AlarmView] = []  # unacknowledged P1/P2, most urgent then oldest first
        self._places: dict[int, AlarmPlace] = {}
        self._pin_for: int | None = None  # the alarm on screen when the supervisor began typing the PIN
        self._flash_on = True
        self._stopped = False
        self._flash = QTimer(self, interval=FLASH_MS)
        self._flash.timeout.connect(self._on_flash)
        self._build()
        self.hide()
        parent.installEventFilter(self)
        bridge.on(Topic.ALARM, self._on_change, self)
        self._retranslate()

    # -- layout ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.band = QLabel(objectName="wallAlertBand", alignment=Qt.AlignmentFlag.AlignCenter)
        plain(self.band)
        self.card = WallAlarmCard(self.places.clock, self)
        self.ack_button = QPushButton(objectName="wallAlertAck", clicked=self.ask_for_pin)
        self.pin_edit = QLineEdit(objectName="wallAlertPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(12)
        self.pin_edit.returnPressed.connect(self.confirm_with_pin)
        self.pin_ok = QPushButton(objectName="wallAlertPinOk", clicked=self.confirm_with_pin)
        self.pin_cancel = QPushButton(objectName="wallAlertPinCancel", clicked=self.close_pin_entry)
        self.error = QLabel(objectName="wallAlertError")
        plain(self.error)
        self.error.setWordWrap(True)
        self.error.hide()  # shown with a reason only: an empty line would leave a gap in the card
        self.hint = QLabel(objectName="wallAlertHint", alignment=Qt.AlignmentFlag.AlignCenter)
        plain(self.hint)
        self.hint.setWordWrap(True)
        self.pin_row = QWidget(objectName="wallAlertPinRow")
        pin_layout = QHBoxLayout(self.pin_row)
        pin_layout.setContentsMargins(0, 0, 0, 0)
        pin_layout.addWidget(self.pin_edit, 1)
        pin_layout.addWidget(self.pin_ok)
        pin_layout.addWidget(self.pin_cancel)
        self.pin_row.hide()
        self.card.actions.addWidget(self.ack_button)
        self.card.actions.addWidget(self.pin_row)
        self.card.actions.addWidget(self.error)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.card, 100)
        centred.addStretch(1)
        self._outer = QVBoxLayout(self)
        self._outer.addWidget(self.band)
        self._outer.addStretch(1)
        self._outer.addLayout(centred)
        self._outer.addStretch(1)
        self._outer.addWidget(self.hint)
        self._outer.addSpacing(12)

    def _retranslate(self) -> None:
        self.ack_button.setText(self.tr("确认告警（需值班长密码）"))
        self.pin_edit.setPlaceholderText(self.tr("值班长密码"))
        self.pin_ok.setText(self.tr("确认"))
        self.pin_cancel.setText(self.tr("取消"))
        self.hint.setText(self.tr("告警在任一值班席确认后，此提示自动消失"))
        shown = self.shown
        if shown is not None:
            band = self.tr("一级告警") if shown.priority == Priority.P1 else self.tr("二级告警")
            self.band.setText(f"⚠  {band}  ⚠")

    def _rescale(self) -> None:
        """Sizes for the screen the wall is on: 1.0 on 1920x1080, smaller on a 1366x768 wall."""
        scale = max(0.5, min(self.width() / 1920, self.height() / 1080, 1.6))
        frame = self._frame_width()
        self._outer.setContentsMargins(frame, frame, frame, frame)
        self.card.set_scale(scale, self.width())
        px = {size: max(12, round(size * scale)) for size in (22, 30, 48)}
        self.setStyleSheet(
            f"QLabel#wallAlertBand {{ color:#ffffff; background:transparent; font-size:{px[48]}px;"
            f" font-weight:bold; padding:{round(14 * scale)}px; }}"
            f"QLabel#wallAlertHint {{ color:#8fa3bf; background:transparent; font-size:{px[22]}px; }}"
            f"QLabel#wallAlertError {{ color:#ff8a80; background:transparent; font-size:{px[30]}px;"
            f" font-weight:bold; }}"
            f"QPushButton {{ font-size:{px[30]}px; padding:{round(12 * scale)}px {round(28 * scale)}px; }}"
            f"QPushButton#wallAlertAck, QPushButton#wallAlertPinOk {{ background:#2f8cff; border-color:#2f8cff; color:#ffffff;"
            f" font-weight:bold; }}"
            f"QLineEdit#wallAlertPin {{ font-size:{px[30]}px; padding:{round(10 * scale)}px; }}"
        )

    def _frame_width(self) -> int:
        return max(10, round(self.height() / 54))

    # -- following the store ---------------------------------------------------------------------------
    @property
    def shown(self) -> AlarmView | None:
        """The alarm on screen: the most urgent, then oldest, of those waiting."""
        return self.alarms[0] if self.alarms else None

    def refresh(self) -> None:
        """Re-read the unacknowledged P1/P2 alarms (and where the new ones are) off the GUI thread."""
        if self._stopped:
            return
        known = frozenset(self._places)
        self.jobs.submit("pending", lambda: self._read(known), self._apply, self._read_failed)

    def _read(self, known: frozenset[int]) -> tuple[list[AlarmView], dict[int, AlarmPlace]]:
        pending = [a for a in self.service.unacknowledged() if a.priority <= SHOWN_UP_TO_PRIORITY]
        return pending, self.places.describe(a for a in pending if a.id not in known)

    def _apply(self, answer: tuple[list[AlarmView], dict[int, AlarmPlace]]) -> None:
        pending, places = answer
        if self._stopped:
            return
        ids = {a.id for a in pending}
        self._places = {i: p for i, p in self._places.items() if i in ids} | places
        self.alarms = pending
        self._render()
        self.updated.emit()

    def _read_failed(self, error: Exception) -> None:
        log.error("the wall's alarm overlay cannot read the alarms: %s", error)
        QTimer.singleShot(RETRY_MS, self, self.refresh)

    def _on_change(self, change: Change) -> None:
        self.refresh()  # raised, acknowledged, handled or escalated, here or at another seat

    def _render(self) -> None:
        shown = self.shown
        if shown is None:
            self.close_pin_entry()
            self._flash.stop()
            self.sound.stop()
            self.hide()
            return
        if not self.pin_row.isHidden() and self._pin_for != shown.id:
            self._pin_for = shown.id  # a more urgent alarm took the screen while the PIN was typed
            self.pin_edit.clear()
            self._say(self.tr("显示的告警已变更，请看清后重新输入密码"))
        self.card.show_alarm(shown, self._places.get(shown.id), self.alarms[1:], self.service.clock())
        self._retranslate()
        self._cover()
        if not self._flash.isActive():
            self._flash.start()
        self.sound.start()

    def _cover(self) -> None:
        """Over the whole kiosk window, above the wall and the status bar, with the keyboard's focus."""
        was_hidden = self.isHidden()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        if was_hidden:
            self.ack_button.setFocus()

    # -- acknowledging with the supervisor PIN ---------------------------------------------------------
    def ask_for_pin(self) -> None:
        self._pin_for = self.shown.id if self.shown else None
        self._say("")
        self.ack_button.hide()
        self.pin_row.show()
        self.pin_edit.setFocus()

    def close_pin_entry(self) -> None:
        self._pin_for = None
        self.pin_edit.clear()
        self._say("")
        self.pin_row.hide()
        self.ack_button.show()

    def confirm_with_pin(self) -> None:
        """Acknowledge the alarm on screen when the PIN is right; say why not when it is wrong."""
        shown = self.shown
        if shown is None:
            return
        pins, pin = self.pins, self.pin_edit.text()  # checked on a job thread: Argon2id takes ~0.3 s
        self.jobs.submit(
            "pin",
            lambda: (pins.verify(pin), pins.seconds_locked()),
            lambda result: self._pin_checked(shown, *result),
            lambda error: self._say(self.tr("确认失败：") + str(error)),
        )

    def _pin_checked(self, shown: AlarmView, right: bool, locked: int) -> None:
        current = self.shown
        if current is None or current.id != shown.id:
            return  # a more urgent alarm came meanwhile: its PIN entry starts afresh
        if not right:
            self.pin_edit.clear()
            self._say(
                self.tr("错误次数过多，请 %1 秒后再试").replace("%1", str(locked))
                if locked
                else self.tr("密码错误，告警未确认")
            )
            return
        try:
            self.service.acknowledge(shown.id, note=ACK_NOTE)
        except AlarmError:
            log.info("alarm %s was acknowledged elsewhere first", shown.id)  # the re-read drops it
        except Exception as error:  # the store: say so, keep the alarm on the wall
            self.pin_edit.clear()
            self._say(self.tr("确认失败：") + str(error))
            return
        self.close_pin_entry()
        self.alarms = [a for a in self.alarms if a.id != shown.id]
        self._render()  # the next one at once; the re-read after the change confirms it
        self.refresh()

    def _say(self, reason: str) -> None:
        self.error.setText(reason)
        self.error.setVisible(bool(reason))

    # -- flashing, ticking, following the window -------------------------------------------------------
    def _on_flash(self) -> None:
        self._flash_on = not self._flash_on
        self.card.tick(self.service.clock())
        frame, band = self._frame_width(), self.band.geometry()
        width, height = self.width(), self.height()
        for strip in (
            QRect(0, 0, width, band.bottom() + 1),
            QRect(0, height - frame, width, frame),
            QRect(0, 0, frame, height),
            QRect(width - frame, 0, frame, height),
        ):
            self.update(strip)
        self.raise_()  # a panel may have opened a child of the window since: the alarm stays on top

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        shown = self.shown
        if shown is None:
            return
        colour = QColor(PRIORITY_COLOURS.get(shown.priority, PRIORITY_COLOURS[1]))
        if not self._flash_on:
            colour = colour.darker(DIM_FACTOR)
        frame, band = self._frame_width(), self.band.geometry()
        painter.fillRect(QRect(0, 0, self.width(), band.bottom() + 1), colour)
        painter.fillRect(QRect(0, self.height() - frame, self.width(), frame), colour)
        painter.fillRect(QRect(0, 0, frame, self.height()), colour)
        painter.fillRect(QRect(self.width() - frame, 0, frame, self.height()), colour)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and not self.isHidden():
            self.setGeometry(self.parentWidget().rect())
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rescale()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def stop(self) -> None:
        """The kiosk is closing: silence, stop following the alarms, wait for a read still running."""
        self._stopped = True
        self.jobs.cancel("pending")
        self.jobs.wait()
        self.alarms = []
        self._render()
