"""The status bar's alarm count: open alarms on the site, red while one nobody acknowledged is waiting.

Recounted from the store a moment after each alarm change (this seat's or, relayed, another's), so a
burst of changes costs one count and the bar always says what the store holds.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.events import Topic
from widgets.shell_context import ShellContext
from widgets.status_bar import IndicatorState

INDICATOR = "alarms"
RECOUNT_DELAY_MS = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("AlarmIndicator", text)


class AlarmIndicator(QObject):
    def __init__(self, context: ShellContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.open = self.waiting = 0
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self.refresh)
        context.bridge.on(Topic.ALARM, lambda _change: self._recount.start(), self)

    def refresh(self) -> None:
        """Count the open and the unacknowledged alarms and say so in the status bar."""
        alarms = self.context.reads.stats.open_alarms()
        self.open, self.waiting = alarms.open, alarms.waiting
        self.retranslate()

    def retranslate(self) -> None:
        text = tr("告警 未处置 %1").replace("%1", str(self.open))
        if self.waiting:
            text += " · " + tr("待确认 %1").replace("%1", str(self.waiting))
        state = (
            IndicatorState.ERROR
            if self.waiting
            else (IndicatorState.WARN if self.open else IndicatorState.OK)
        )
        self.context.status.set_indicator(INDICATOR, text, state)
