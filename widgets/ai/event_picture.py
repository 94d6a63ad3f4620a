"""A stored picture of an AI event (the snapshot, the best face crop) scaled to its label."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class Picture(QLabel):
    """A stored picture scaled to the label, keeping its shape; a note when there is none."""

    def __init__(self, minimum: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("picture")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pixmap = QPixmap()
        self._note = ""

    def show_picture(self, pixmap: QPixmap, note: str) -> None:
        self._pixmap, self._note = pixmap, note
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            self.setPixmap(QPixmap())
            self.setText(self._note)
            return
        self.setPixmap(
            self._pixmap.scaled(
                self.size() - QSize(4, 4),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
