"""A snapshot's watermark: the core's band (`video/watermark_band.py`, the one every export carries)
blended over a QImage."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from video.watermark_band import watermarked as band_over


def watermarked(image: QImage, text: str) -> QImage:
    """A copy of `image` with the band across its foot."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    rows = np.frombuffer(rgb.constBits(), np.uint8, stride * height).reshape(height, stride)
    marked = np.ascontiguousarray(band_over(rows[:, : width * 3].reshape(height, width, 3), text))
    return QImage(marked.data, width, height, marked.strides[0], QImage.Format.Format_RGB888).copy()
