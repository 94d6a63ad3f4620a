"""The watermark line (site, camera, event time, who exported, when) drawn in the operator's font: as
RGBA pixels the exporter blends over every frame, and straight onto a snapshot."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

BAND_SHARE = 16  # the band is a sixteenth of the picture's height (at least 14 pixels)


def band_height(picture_height: int) -> int:
    return max(14, picture_height // BAND_SHARE)


def _paint_band(painter: QPainter, rect: QRect, text: str) -> None:
    painter.fillRect(rect, QColor(0, 0, 0, 150))
    font = QFont()
    font.setPixelSize(max(9, int(rect.height() * 0.62)))
    painter.setFont(font)
    painter.setPen(QColor(255, 255, 255, 235))
    painter.drawText(
        rect.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
    )


def watermark_pixels(text: str, width: int, height: int) -> np.ndarray:
    """The band for a picture `width` x `height`: an (h, width, 4) RGBA array, straight alpha."""
    band = QImage(width, band_height(height), QImage.Format.Format_RGBA8888)
    band.fill(Qt.GlobalColor.transparent)
    painter = QPainter(band)
    _paint_band(painter, band.rect(), text)
    painter.end()
    band = band.convertToFormat(QImage.Format.Format_RGBA8888)  # un-premultiplied for the blend
    pixels = np.frombuffer(band.constBits(), np.uint8, band.sizeInBytes())
    rows = pixels.reshape(band.height(), band.bytesPerLine())[:, : width * 4]
    return rows.reshape(band.height(), width, 4).copy()


def watermarked(image: QImage, text: str) -> QImage:
    """A copy of `image` with the band across its foot."""
    out = image.convertToFormat(QImage.Format.Format_RGB888)
    painter = QPainter(out)
    height = band_height(out.height())
    _paint_band(painter, QRect(0, out.height() - height, out.width(), height), text)
    painter.end()
    return out
