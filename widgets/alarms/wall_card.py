"""The card in the middle of the kiosk wall's alarm overlay: one alarm in letters read from across a room.

What it is (kind, title), where (address, device, grids), when it was raised in the site's time zone and
how long ago (ticking), and the alarms queued behind it. Sizes follow the screen (`set_scale`), so one
card reads the same on a 1920x1080 wall and a 1366x768 one.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from alarms.values import AlarmView
from app.site_clock import SHORT_SECONDS, SiteClock
from runtime.read.alarm_places import AlarmPlace
from runtime.types import ALARM_KIND_ZH
from widgets.alarms.alarm_words import alarm_title

KIND_ZH = ALARM_KIND_ZH  # an unknown kind shows as it is stored
SOURCE_ZH = {"sensor": "传感器", "care_rule": "关怀规则", "camera": "视频AI", "manual": "人工上报"}
PRIORITY_COLOURS = {1: "#d32f2f", 2: "#ef7c00"}  # red, amber: the popup's P1/P2 hues, brighter for a wall
NEXT_SHOWN = 3  # queued alarms listed under the card by title; the rest only counted
CARD_WIDTH_SHARE = 0.72


class WallAlarmCard(QFrame):
    """Shows one alarm and what waits behind it; `show_alarm` fills it, `tick` moves the "ago" on."""

    def __init__(self, clock: SiteClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wallAlarmCard")
        self.clock = clock
        self._view: AlarmView | None = None
        self._place: AlarmPlace | None = None
        self._queued: list[AlarmView] = []
        self._now = clock.utcnow()
        self._scale, self._screen_width = 1.0, 1920
        self._styled_for: tuple[float, int, int] | None = None  # (scale, width, priority) of the style sheet
        self.kind = self._label("wallAlarmKind")
        self.title = self._label("wallAlarmTitle")
        self.address = self._label("wallAlarmAddress")
        self.grid = self._label("wallAlarmGrid")
        self.raised = self._label("wallAlarmRaised")
        self.elapsed = self._label("wallAlarmElapsed")
        self.waiting = self._label("wallAlarmWaiting")
        self.next_alarms = self._label("wallAlarmNext")
        layout = QVBoxLayout(self)
        for label in (self.kind, self.title, self.address, self.grid):
            layout.addWidget(label)
        layout.addSpacing(12)
        for label in (self.raised, self.elapsed):
            layout.addWidget(label)
        layout.addSpacing(12)
        layout.addWidget(self.waiting)
        layout.addWidget(self.next_alarms)
        layout.addSpacing(16)
        self.actions = QVBoxLayout()  # the overlay puts its acknowledge controls here
        layout.addLayout(self.actions)

    def _label(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def show_alarm(
        self, view: AlarmView, place: AlarmPlace | None, queued: list[AlarmView], now: datetime
    ) -> None:
        """The alarm on screen, where it is, and the alarms behind it (most urgent first)."""
        self._view, self._place, self._queued, self._now = view, place, queued, now
        self._restyle()
        self._retranslate()

    def tick(self, now: datetime) -> None:
        self._now = now
        if self._view is not None:
            self.elapsed.setText(self.tr("已过去 %1").replace("%1", self._ago(self._view)))

    def set_scale(self, scale: float, screen_width: int) -> None:
        """Font sizes for this screen: 1.0 is a 1920x1080 wall."""
        self._scale, self._screen_width = scale, screen_width
        self._restyle()

    def _restyle(self) -> None:
        """The style sheet for this screen and priority (re-polishing only when either changed)."""
        priority = self._view.priority if self._view else 1
        if self._styled_for == (self._scale, self._screen_width, priority):
            return
        self._styled_for = (self._scale, self._screen_width, priority)
        scale = self._scale
        self.setMaximumWidth(int(self._screen_width * CARD_WIDTH_SHARE))
        accent = PRIORITY_COLOURS.get(priority, PRIORITY_COLOURS[1])
        px = {size: max(12, round(size * scale)) for size in (22, 26, 30, 36, 44, 64)}
        self.setStyleSheet(
            f"QFrame#wallAlarmCard {{ background:#151b26; border:{max(2, round(4 * scale))}px solid {accent};"
            f" border-radius:{round(16 * scale)}px; padding:{round(28 * scale)}px; }}"
            f"QLabel#wallAlarmRaised, QLabel#wallAlarmAddress {{ color:#e8edf5; font-size:{px[30]}px; }}"
            f"QLabel#wallAlarmKind {{ color:{accent}; font-size:{px[36]}px; font-weight:bold; }}"
            f"QLabel#wallAlarmTitle {{ color:#ffffff; font-size:{px[64]}px; font-weight:bold; }}"
            f"QLabel#wallAlarmAddress {{ font-size:{px[44]}px; }}"
            f"QLabel#wallAlarmGrid {{ color:#9fb0c8; font-size:{px[30]}px; }}"
            f"QLabel#wallAlarmElapsed {{ color:{accent}; font-size:{px[44]}px; font-weight:bold; }}"
            f"QLabel#wallAlarmWaiting {{ color:#ffd54f; font-size:{px[30]}px; font-weight:bold; }}"
            f"QLabel#wallAlarmNext {{ color:#c3cfdf; font-size:{px[26]}px; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- texts -----------------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        view = self._view
        if view is None:
            return
        kind = self.tr(KIND_ZH[view.kind]) if view.kind in KIND_ZH else view.kind
        source = self.tr(SOURCE_ZH[view.source]) if view.source in SOURCE_ZH else view.source
        escalated = f"  ·  {self.tr('已上报')}" if view.escalated_at else ""
        self.kind.setText(f"P{view.priority}  ·  {kind}  ·  {source}{escalated}")
        self.title.setText(alarm_title(view))
        address, grid = self._where(view, self._place)
        self.address.setText(address)
        self.grid.setText(grid)
        self.grid.setVisible(bool(grid))
        self.raised.setText(
            self.tr("报警时间 %1").replace("%1", self.clock.text(view.raised_at, SHORT_SECONDS))
        )
        self.tick(self._now)
        self._show_queue()

    def _where(self, view: AlarmView, place: AlarmPlace | None) -> tuple[str, str]:
        """(the address line, the grid and device line) in words; coordinates when nothing else is known."""
        address = place.address if place else str(view.detail.get("address") or "")
        device = place.device if place else str(view.detail.get("sensor") or "")
        below = "  ·  ".join(part for part in ((place.grid if place else ""), device) if part)
        if not address and view.lon is not None and view.lat is not None:
            address = (
                self.tr("经纬度 %1, %2").replace("%1", f"{view.lon:.5f}").replace("%2", f"{view.lat:.5f}")
            )
        if not address:
            address, below = (below, "") if below else (self.tr("位置未知"), "")
        return address, below

    def _show_queue(self) -> None:
        if not self._queued:
            self.waiting.setText(self.tr("没有其他待确认的告警"))
            self.next_alarms.clear()
            self.next_alarms.hide()
            return
        self.waiting.setText(self.tr("另有 %1 条告警等待确认").replace("%1", str(len(self._queued))))
        lines = [
            f"P{other.priority}  {alarm_title(other)}  ·  {self.clock.text(other.raised_at, SHORT_SECONDS)}"
            for other in self._queued[:NEXT_SHOWN]
        ]
        if len(self._queued) > NEXT_SHOWN:
            lines.append(self.tr("……及其他 %1 条").replace("%1", str(len(self._queued) - NEXT_SHOWN)))
        self.next_alarms.setText("\n".join(lines))
        self.next_alarms.show()

    def _ago(self, view: AlarmView) -> str:
        seconds = max(0, int((self._now - view.raised_at).total_seconds()))
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return self.tr("%1小时%2分").replace("%1", str(hours)).replace("%2", f"{minutes:02d}")
        if minutes:
            return self.tr("%1分%2秒").replace("%1", str(minutes)).replace("%2", f"{seconds:02d}")
        return self.tr("%1秒").replace("%1", str(seconds))
