"""The player's scrub bar: a slider in tenths of a second with the event's moment marked in red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

STEPS_PER_S = 10


class ScrubBar(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("clipSlider")
        self._mark: float | None = None

    def set_length(self, seconds: float | None) -> None:
        self.setRange(0, int((seconds or 0.0) * STEPS_PER_S))
        self.setEnabled(seconds is not None)

    def set_mark(self, seconds: float | None) -> None:
        """Where the event was, in seconds from the clip's start (None: no mark)."""
        self._mark = seconds
        self.update()

    @property
    def mark(self) -> float | None:
        return self._mark

    def show_position(self, seconds: float) -> None:
        if not self.isSliderDown():
            self.blockSignals(True)
            self.setValue(int(round(seconds * STEPS_PER_S)))
            self.blockSignals(False)

    def seconds(self) -> float:
        return self.value() / STEPS_PER_S

    def mark_x(self) -> int | None:
        """The mark's pixel column on the groove, or None without a mark or a length."""
        if self._mark is None or self.maximum() <= 0:
            return None
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), int(self._mark * STEPS_PER_S), span
        )
        return groove.x() + handle.width() // 2 + offset

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        super().paintEvent(event)
        x = self.mark_x()
        if x is None:
            return
        painter = QPainter(self)
        painter.setPen(QPen(QColor("#d32f2f"), 3))
        painter.drawLine(x, 2, x, self.height() - 2)
        painter.end()
