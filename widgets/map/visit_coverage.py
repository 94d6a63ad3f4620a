"""The map's visit coverage (走访覆盖): when switched on, the grids are coloured by how many of their
households have had no home visit in the last N days, instead of the ticket or alarm colouring; it
re-reads when a visit is recorded, corrected or voided. A layer of its own so the map panel only asks
it for the counts to paint."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QSpinBox

DEFAULT_DAYS = 90


def tr(text: str) -> str:
    return QCoreApplication.translate("GridWork", text)


class VisitCoverage(QObject):
    changed = Signal()

    def __init__(
        self, read: Callable[[int], Mapping[int, int]], bridge=None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._counts: Mapping[int, int] = {}
        self.switch = QCheckBox()
        self.switch.setObjectName("mapVisitCoverage")
        self.days = QSpinBox()
        self.days.setRange(7, 730)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setEnabled(False)
        self.switch.toggled.connect(self._toggled)
        self.days.valueChanged.connect(lambda _days: self.refresh())
        if bridge is not None:
            bridge.on("visit", lambda _change: self.refresh(), self)
        self.retranslate()

    def retranslate(self) -> None:
        self.switch.setText(tr("走访覆盖"))
        self.switch.setToolTip(tr("按N天内未走访的户数着色"))
        self.days.setSuffix(tr(" 天未访"))

    @property
    def active(self) -> bool:
        return self.switch.isChecked()

    def counts(self) -> Mapping[int, int]:
        return self._counts

    def label(self) -> str:
        return tr("{n}天未走访户数").replace("{n}", str(self.days.value()))

    def refresh(self) -> None:
        if self.active:
            self._counts = self._read(self.days.value())
            self.changed.emit()

    def _toggled(self, on: bool) -> None:
        self.days.setEnabled(on)
        self._counts = self._read(self.days.value()) if on else {}
        self.changed.emit()
