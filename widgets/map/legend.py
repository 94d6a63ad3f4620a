"""The colour key shown over the map's corner while grids are coloured by tickets or alarms."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from widgets.map.overlay import LegendEntry
from widgets.map.renderer import opaque_fill
from widgets.map.style import TEXT

ROW_PX = 20
SWATCH_PX = 14


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title = ""
        self.entries: list[LegendEntry] = []
        self.hide()

    def set_entries(self, title: str, entries: list[LegendEntry]) -> None:
        self.title, self.entries = title, entries
        width = (
            max(
                [self.fontMetrics().horizontalAdvance(title)]
                + [SWATCH_PX + 8 + self.fontMetrics().horizontalAdvance(e.text) for e in entries]
            )
            + 20
        )
        self.resize(width, ROW_PX * (len(entries) + 1) + 14)
        self.setVisible(bool(entries))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(36, 52, 79))
        painter.setBrush(QColor(14, 22, 36, 225))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.setPen(TEXT)
        painter.drawText(QRectF(10, 6, self.width() - 20, ROW_PX), Qt.AlignmentFlag.AlignVCenter, self.title)
        for row, entry in enumerate(self.entries, start=1):
            top = 6 + row * ROW_PX
            painter.setPen(QColor(255, 255, 255, 60))
            painter.setBrush(opaque_fill(entry.colour))
            painter.drawRect(QRectF(10, top + (ROW_PX - SWATCH_PX) / 2, SWATCH_PX, SWATCH_PX))
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(10 + SWATCH_PX + 8, top, self.width(), ROW_PX),
                Qt.AlignmentFlag.AlignVCenter,
                entry.text,
            )
        painter.end()
