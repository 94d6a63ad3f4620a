"""The popup's queue of open alarms: one row per alarm, most urgent then oldest first, each painted in
its priority's colour. It keeps the rows' sort keys beside them, so finding or placing a row is a
bisection, not a scan (a storm of alarms stays quick)."""

from __future__ import annotations

import bisect
from datetime import datetime

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from alarms.service import AlarmView
from runtime.types import AlarmState

PRIORITY_COLOURS = {1: ("#b3261e", "#ffffff"), 2: ("#e8710a", "#ffffff"), 3: ("#5f6b7a", "#ffffff")}
ACK_COLOURS = ("#fde7e4", "#3c1a17")
ID_ROLE = Qt.ItemDataRole.UserRole


def queue_key(view: AlarmView) -> tuple[int, datetime, int]:
    """Where an alarm stands in the queue: priority, then when it was raised, then its id."""
    return (view.priority, view.raised_at, view.id)


class QueueRowDelegate(QStyledItemDelegate):
    """Paints a queue row in its priority colour, selected or not; the selection is a thick amber frame."""

    PADDING = 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        painter.fillRect(rect, index.data(Qt.ItemDataRole.BackgroundRole) or QColor("#ffffff"))
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole).color())
        painter.setFont(option.font)
        text_rect = rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, index.data())
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#ffd54f"), 4))  # amber: visible on light and dark themes
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        lines = (index.data() or "").count("\n") + 1
        # CJK text falls back to a taller font than the metrics of the widget's own font say.
        return QSize(
            option.rect.width(), int(lines * option.fontMetrics.lineSpacing() * 1.4) + 2 * self.PADDING
        )


class AlarmQueue(QListWidget):
    """The rows of the stacked alarms in queue order; the views themselves stay with the popup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="alarmQueue")
        self.setMinimumWidth(300)
        self.setSpacing(2)
        self.setItemDelegate(QueueRowDelegate(self))
        self._order: list[tuple[int, datetime, int]] = []  # sort key of each row, in row order

    @property
    def ids(self) -> list[int]:
        """The alarms in queue order (most urgent, then oldest, first)."""
        return [key[2] for key in self._order]

    def insert(self, view: AlarmView) -> QListWidgetItem:
        """A new row for `view`, in its place; the caller styles it."""
        key = queue_key(view)
        row = bisect.bisect_left(self._order, key)
        self._order.insert(row, key)
        item = QListWidgetItem()
        item.setData(ID_ROLE, view.id)
        self.insertItem(row, item)
        return item

    def item_for(self, view: AlarmView) -> QListWidgetItem | None:
        """The row of an alarm already queued (its sort key never changes), or None."""
        key = queue_key(view)
        row = bisect.bisect_left(self._order, key)
        return self.item(row) if row < len(self._order) and self._order[row] == key else None

    def take(self, view: AlarmView) -> None:
        """Remove the alarm's row, if it has one."""
        item = self.item_for(view)
        if item is not None:
            row = self.row(item)
            self.takeItem(row)
            del self._order[row]

    def paint_row(self, item: QListWidgetItem, view: AlarmView, text: str) -> None:
        """Set a row's text and its priority's colours (acknowledged rows are pale)."""
        item.setText(text)
        background, foreground = PRIORITY_COLOURS.get(view.priority, PRIORITY_COLOURS[3])
        if view.state == AlarmState.ACKNOWLEDGED:
            background, foreground = ACK_COLOURS
        item.setBackground(QColor(background))
        item.setForeground(QColor(foreground))
