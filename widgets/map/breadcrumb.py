"""The drill-down path above the map: 全区 › 街道 › 社区 › 小区; any step flies back up to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget


class Breadcrumb(QWidget):
    chosen = Signal(object)  # a grid id, or None for the whole district

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapBreadcrumb")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.buttons: list[QToolButton] = []
        self.set_chain([])

    def set_chain(self, chain: list[tuple[int, str]]) -> None:
        """Show the path from the district down to the grid drilled into (root first)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []
        steps: list[tuple[int | None, str]] = [(None, self.tr("全区")), *chain]
        for index, (grid_id, name) in enumerate(steps):
            if index:
                separator = QLabel("›")
                separator.setObjectName("mapBreadcrumbSeparator")
                self._layout.addWidget(separator)
            button = QToolButton()
            button.setText(name)
            button.setAutoRaise(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setEnabled(index < len(steps) - 1)  # the last step is where we are
            button.clicked.connect(lambda _=False, g=grid_id: self.chosen.emit(g))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self._layout.addStretch(1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange and self.buttons:
            self.buttons[0].setText(self.tr("全区"))  # the rest are the grids' own names
        super().changeEvent(event)

    def names(self) -> list[str]:
        return [button.text() for button in self.buttons]
