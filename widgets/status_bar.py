"""The status bar: database, scheduler and devices at a glance, set by whichever part knows.

`StatusBoard` is a plain QObject the other areas call (from any thread): `set_indicator(key, text,
state)`. `ShellStatusBar` draws it. Keeping the model apart lets a panel report before the window exists.
Keys in use: "db" (the shell), "scheduler" (the site scheduler), "cameras" (the wall: live/total), "ai"
(the AI cameras analysed), "dongles" (serial and MQTT receivers), "alarms" (open alarms); any other
key is shown after them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QWidget

from app.site_clock import SECONDS, SiteClock
from widgets.plain_text import literal_html, plain


class IndicatorState(StrEnum):
    OK = "ok"
    WARN = "warn"
    ERROR = "error"
    IDLE = "idle"


STATE_COLOURS = {
    IndicatorState.OK: "#35c27a",
    IndicatorState.WARN: "#f0b429",
    IndicatorState.ERROR: "#ef5350",
    IndicatorState.IDLE: "#7a8699",
}

MAX_INDICATOR_PX = 320  # an indicator's widest; a longer text is cut short with … (whole in the tooltip)
CLOCK_SAMPLE = "0000-00-00 00:00:00"  # the clock is as wide as this in the widest digit, whatever the time

# The order the known indicators appear in; any other key is appended after them.
KNOWN_ORDER = ("db", "scheduler", "cameras", "ai", "dongles", "alarms")


@dataclass(frozen=True)
class Indicator:
    key: str
    text: str
    state: IndicatorState
    tooltip: str = ""


class StatusBoard(QObject):
    """The current indicators; `changed` fires on the GUI thread whoever calls `set_indicator`."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._indicators: dict[str, Indicator] = {}

    def set_indicator(self, key: str, text: str, state: str = IndicatorState.OK, tooltip: str = "") -> None:
        """Show `text` with a coloured dot for `state` (ok, warn, error, idle) under `key`."""
        indicator = Indicator(key, text, IndicatorState(state), tooltip)
        with self._lock:
            self._indicators[key] = indicator
        self.changed.emit(indicator)

    def indicator(self, key: str) -> Indicator | None:
        with self._lock:
            return self._indicators.get(key)

    def indicators(self) -> list[Indicator]:
        with self._lock:
            return list(self._indicators.values())


class IndicatorLabel(QWidget):
    """A coloured dot and a short text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        self.dot = QLabel("●")
        self.dot.setObjectName("statusDot")
        self.text = QLabel()
        plain(self.text)
        self.text.setObjectName("statusText")
        layout.addWidget(self.dot)
        layout.addWidget(self.text)
        layout.addStretch(1)  # the room it keeps from a longer text stays after the text, not inside
        margins = layout.contentsMargins()
        self._max_text = MAX_INDICATOR_PX - margins.left() - margins.right() - 6 - self.dot.sizeHint().width()

    def show_indicator(self, indicator: Indicator) -> None:
        self.dot.setStyleSheet(f"color: {STATE_COLOURS[indicator.state]};")
        self.text.setText(indicator.text)
        self.setToolTip(literal_html(indicator.tooltip or indicator.text))
        self.setProperty("state", indicator.state.value)
        # QStatusBar squeezes its items to their old size hint: claim the room the new text needs, but
        # never give it back (the indicators beside it would jump left and right as texts change) and
        # never more than MAX_INDICATOR_PX (the full text is in the tooltip).
        self.text.setText(
            self.text.fontMetrics().elidedText(indicator.text, Qt.TextElideMode.ElideRight, self._max_text)
        )
        self.setMinimumWidth(min(max(self.minimumWidth(), self.sizeHint().width()), MAX_INDICATOR_PX))


class ShellStatusBar(QStatusBar):
    """Draws a StatusBoard, one label per indicator, and a clock on the right."""

    def __init__(
        self, board: StatusBoard, clock: SiteClock, parent: QWidget | None = None, *, site_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shellStatusBar")
        self.setSizeGripEnabled(False)
        self.board = board
        self.clock = clock  # the site's wall clock, the same at every seat whatever its computer's zone
        self._labels: dict[str, IndicatorLabel] = {}
        self._clock = QLabel()
        self._clock.setObjectName("statusClock")
        self._clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if site_name:  # which site this seat is on, beside its clock (a kiosk has no title bar)
            self.addPermanentWidget(QLabel(site_name, objectName="statusSiteName"))
        self.addPermanentWidget(self._clock)
        board.changed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        for indicator in board.indicators():
            self._show(indicator)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        self._tick()

    def label(self, key: str) -> IndicatorLabel | None:
        return self._labels.get(key)

    @Slot(object)
    def _show(self, indicator: Indicator) -> None:
        label = self._labels.get(indicator.key)
        if label is None:
            label = IndicatorLabel(self)
            label.setObjectName(f"indicator_{indicator.key}")
            self._labels[indicator.key] = label
            self._place(indicator.key, label)
        label.show_indicator(indicator)

    def _place(self, key: str, label: IndicatorLabel) -> None:
        rank = KNOWN_ORDER.index(key) if key in KNOWN_ORDER else len(KNOWN_ORDER)
        before = sum(
            1
            for other in self._labels
            if other != key
            and (KNOWN_ORDER.index(other) if other in KNOWN_ORDER else len(KNOWN_ORDER)) <= rank
        )
        self.insertWidget(before, label)

    def _tick(self) -> None:
        self._clock.setText(self.clock.now().strftime(SECONDS))
        self._fix_clock_width()

    def _fix_clock_width(self) -> None:
        """A fixed width, so a second's new digits never relay out the status bar (digits differ in
        width in most fonts); set again when the theme's font arrives."""
        metrics = self._clock.fontMetrics()
        digit = max((str(d) for d in range(10)), key=metrics.horizontalAdvance)
        margins = self._clock.contentsMargins()
        width = (
            metrics.horizontalAdvance(CLOCK_SAMPLE.replace("0", digit)) + margins.left() + margins.right() + 8
        )
        if (self._clock.minimumWidth(), self._clock.maximumWidth()) != (width, width):
            self._clock.setFixedWidth(width)
