"""A combo box that gives way in a narrow row: it asks for its current choice's room, but shrinks to a
few letters when the row is short, its text then cut with "…" and said whole in its tooltip. Qt's own
combo clips its text without a sign and will not shrink below its widest item (or below the width of
its first language's words), so a row of them in English pushes the rest out of a 1366-wide window."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

SHORTEST_CHARACTERS = 6  # Latin letters' room (three Chinese characters) still shown before "…"


class ElidingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None, shortest: int = SHORTEST_CHARACTERS) -> None:
        super().__init__(parent)
        self._shortest = shortest
        self._own_tip = ""
        self.currentIndexChanged.connect(lambda _index: self._choice_changed())
        self.model().dataChanged.connect(lambda *_: self._choice_changed())  # an item worded again

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for the current choice (its words change length with the language); the list that
        drops down is as wide as its widest item whatever the box's width."""
        return self._framed(_width(self, self.currentText()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """Room for `shortest` letters and "…", or for the whole choice when that is shorter."""
        shortest = self._framed(_width(self, "…" + "x" * self._shortest))
        return shortest.boundedTo(self.sizeHint())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self._fitted(option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._say_whole()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._say_whole()

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """The box's own tooltip, said after the whole choice when that is cut short."""
        self._own_tip = text
        self._say_whole()

    def is_elided(self) -> bool:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self._fitted(option) != self.currentText()

    def _fitted(self, option: QStyleOptionComboBox) -> str:
        """The current choice as it fits the label's room, cut with "…" when it does not."""
        room = self._text_room(option)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, room)

    def _text_room(self, option: QStyleOptionComboBox) -> int:
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return max(0, field.width() - 2)  # the label is drawn 1 px in from either side

    def _framed(self, text_width: int) -> QSize:
        """The box's size around a text `text_width` wide: as the style frames it, widened until the
        field the label is drawn in holds that text (a style sheet's padding is not always counted)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(text_width, self.fontMetrics().height()), self
        )
        option.rect = QRect(QPoint(0, 0), size)
        short_by = text_width - self._text_room(option)
        return QSize(size.width() + max(0, short_by), size.height())

    def _choice_changed(self) -> None:
        self.updateGeometry()
        self._say_whole()

    def _say_whole(self) -> None:
        """The tooltip says the whole choice while it is cut short, then the box's own tooltip."""
        whole = self.currentText() if self.is_elided() else ""
        super().setToolTip("\n".join(part for part in (whole, self._own_tip) if part))


def _width(widget: QWidget, text: str) -> int:
    """A text's width in whole pixels, rounded up: elision measures the fractional width, so a room
    of the rounded-down advance would cut the very text it was made for."""
    return math.ceil(QFontMetricsF(widget.font()).horizontalAdvance(text)) + 1
