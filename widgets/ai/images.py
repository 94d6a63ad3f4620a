"""Pictures between Qt and the AI: QImage and numpy BGR both ways, photo files, stored JPEGs."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtGui import QImage, QPixmap

ENROL_MAX_SIDE = 1600  # a phone photo is scaled to this for detection; the face keeps plenty of pixels


class PhotoError(Exception):
    """A photo that cannot be used; the message says which file and why."""


def qimage_to_bgr(image: QImage) -> np.ndarray:
    """A copy of a QImage as an OpenCV BGR array."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    rows = buffer.reshape(height, stride)[:, : width * 3].reshape(height, width, 3)
    return cv2.cvtColor(rows, cv2.COLOR_RGB2BGR)


def bgr_to_qimage(bgr: np.ndarray) -> QImage:
    """A QImage that owns a copy of a BGR (or grey) array."""
    if bgr.ndim == 2:
        bgr = cv2.cvtColor(bgr, cv2.COLOR_GRAY2BGR)
    bgr = np.ascontiguousarray(bgr)
    height, width = bgr.shape[:2]
    return QImage(bgr.data, width, height, bgr.strides[0], QImage.Format.Format_BGR888).copy()


def as_bgr(image: QImage | np.ndarray) -> np.ndarray:
    """A tile's snapshot as BGR, whether it came as a QImage or as a decoded frame."""
    if isinstance(image, QImage):
        if image.isNull():
            raise PhotoError("截图为空 the snapshot is empty")
        return qimage_to_bgr(image)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return np.ascontiguousarray(image[:, :, :3])


def read_photo(path: Path) -> np.ndarray:
    """A photo file as BGR (Chinese file names work; OpenCV's imread would fail on them on Windows)."""
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as error:
        raise PhotoError(f"无法读取照片 cannot read {path}: {error.strerror or error}") from error
    image = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if image is None:
        raise PhotoError(f"不是可识别的图片 not an image file: {path}")
    return image


def fit_for_enrolment(bgr: np.ndarray, max_side: int = ENROL_MAX_SIDE) -> np.ndarray:
    """A large photo scaled down so detection takes a fraction of a second on an office PC."""
    scale = max_side / max(bgr.shape[:2])
    if scale >= 1.0:
        return bgr
    return cv2.resize(bgr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


def jpeg_pixmap(data: bytes | None) -> QPixmap:
    """A stored JPEG (event snapshot, face crop) as a pixmap; a null pixmap when there is none."""
    pixmap = QPixmap()
    if data:
        pixmap.loadFromData(data, "JPG")
    return pixmap
