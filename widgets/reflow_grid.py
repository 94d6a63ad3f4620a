"""Widgets in equal cells, as many columns as the width holds: a block of buttons that wraps onto more
rows in a narrow pane instead of making the pane scroll sideways (a laptop's ticket dock, English labels).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ReflowGrid(QWidget):
    """Holds widgets in reading order in at most `max_columns` columns; fewer when narrower."""

    def __init__(self, max_columns: int, spacing: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_columns = max(1, max_columns)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._widgets: list[QWidget] = []
        self._columns = 0

    def add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._columns = 0  # place them all again: all columns until it is shown and has its width
        self._place(self.columns_for(self.width()) if self.isVisible() else self._max_columns)

    @property
    def columns(self) -> int:
        return self._columns

    def columns_for(self, width: int) -> int:
        """How many cells of the widest widget's preferred width fit side by side in `width`."""
        spacing = self._grid.horizontalSpacing()
        fitting = (width + spacing) // (self._cell_width() + spacing)
        return max(1, min(self._max_columns, fitting))

    def minimumSizeHint(self) -> QSize:
        """One cell wide, so the pane around it can shrink; as high as the rows now in use."""
        return QSize(self._cell_width(), self._grid.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.columns_for(event.size().width()))

    def _cell_width(self) -> int:
        return max((widget.sizeHint().width() for widget in self._widgets), default=1)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for position, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, position // columns, position % columns)
        for column in range(self._max_columns):  # equal cells in the columns in use, none elsewhere
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._columns = columns
        self.updateGeometry()  # the rows changed: the pane lays its height out again
