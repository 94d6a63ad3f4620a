"""The enrolment photo with what the detector found: the chosen face boxed with its five landmarks,
any other face boxed in red, so the operator confirms it is the right person before enrolling."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from video.ai.types import Detection
from widgets.ai.images import bgr_to_qimage

CHOSEN = QColor("#35c46a")
OTHER = QColor("#e5484d")
LANDMARK = QColor("#ffd43b")
BACKDROP = QColor("#0b121e")
PLACEHOLDER = QColor("#5b6f8c")


def fitted(size: tuple[int, int], area: QRectF) -> QRectF:
    """The rectangle a picture of `size` (width, height) takes when fitted, centred, into `area`."""
    width, height = size
    scale = min(area.width() / max(width, 1), area.height() / max(height, 1))
    w, h = width * scale, height * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


class FacePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facePreview")
        self.setMinimumSize(320, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._image: QImage | None = None
        self._faces: tuple[Detection, ...] = ()
        self._chosen: Detection | None = None
        self._placeholder = ""
        self._retranslate()

    def _retranslate(self) -> None:
        self._placeholder = self.tr("选择照片文件，或在视频墙的画面上右键“登记人脸”")
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_photo(self, bgr: np.ndarray | None) -> None:
        self._image = bgr_to_qimage(bgr) if bgr is not None else None
        self._faces, self._chosen = (), None
        self.update()

    def set_faces(self, faces: tuple[Detection, ...], chosen: Detection | None) -> None:
        self._faces, self._chosen = faces, chosen
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), BACKDROP)
        if self._image is None:
            painter.setPen(PLACEHOLDER)
            painter.drawText(
                QRectF(self.rect()).adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            return
        image = self._image
        target = fitted((image.width(), image.height()), QRectF(self.rect()).adjusted(4, 4, -4, -4))
        painter.drawImage(target, image)
        scale = target.width() / max(image.width(), 1)

        def at(x: float, y: float) -> QPointF:
            return QPointF(target.x() + x * scale, target.y() + y * scale)

        for face in self._faces:
            chosen = face is self._chosen
            painter.setPen(QPen(CHOSEN if chosen else OTHER, 2.5 if chosen else 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            box = face.box
            painter.drawRect(QRectF(at(box.x1, box.y1), at(box.x2, box.y2)))
            if chosen:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(LANDMARK)
                radius = max(2.5, box.width * scale / 40)
                for x, y in face.landmarks:
                    painter.drawEllipse(at(x, y), radius, radius)
