"""YuNet face detection with 5 landmarks as compiled into libfacedetection (PyPI `yuface`, BSD-3-Clause).

libfacedetection (Shiqi Yu) is the library YuNet comes from; its CNN weights are static arrays in its
C sources, so the package's native library carries them and nothing else is needed. It finds faces
behind surgical masks that MTCNN misses (figures in resources/models/README.md, "Face detection").

Two things about the native library decide how it is called here:
- it is built with OpenMP: left alone it starts a thread per core and busy-waits on them, which
  costs more CPU than the work itself on a shared machine. OpenMP reads OMP_NUM_THREADS once, when
  the library loads, so it is set to 1 just around the import (the package bundles its own OpenMP).
- it keeps the GIL for the whole call, so other Python threads wait for each detection (about
  30 ms on a whole 640x360 frame, a few ms on a moving region). Where the site's smallest face is
  larger than a masked face needs to be found, the frame is shrunk first, which cuts that time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, Detection

# On the test photos YuNet scores bare faces of 16 px and up at 0.85 or more, but a masked face needs
# more: at 48 px light masks score 0.77-0.88 (dark ones are often missed even there, which is why
# the default adds MTCNN), at 31 px most are missed. Frames are never shrunk below this.
SMALLEST_RELIABLE_FACE = 48


@dataclass(frozen=True)
class LibfacedetectionSettings:
    """The frame is shrunk only so far that a `min_face_size` face keeps SMALLEST_RELIABLE_FACE pixels
    (at 40, the default, not at all): the larger the smallest face a site needs, the cheaper."""

    min_face_size: int = 40
    min_score: float = 0.6


def load_detect() -> Callable[[np.ndarray], np.ndarray]:
    """The package's native detect function, loaded with one OpenMP thread."""
    previous = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        from yuface.yuface import detect
    except ImportError as error:
        raise ModelLoadError(
            "未安装 libfacedetection 人脸检测 libfacedetection face detector missing: pip install yuface==2023.5.1"
        ) from error
    finally:
        if previous is None:
            del os.environ["OMP_NUM_THREADS"]
        else:
            os.environ["OMP_NUM_THREADS"] = previous
    return detect


class LibfacedetectionFaceDetector:
    """Finds faces, masked or not, and their 5 landmarks (eyes, nose, mouth corners) in a BGR frame."""

    kind = "face"

    def __init__(self, settings: LibfacedetectionSettings, sessions: SessionCache) -> None:
        del sessions  # native code, not onnxruntime
        if settings.min_face_size < 1 or not 0.0 < settings.min_score < 1.0:
            raise ModelLoadError(
                "libfacedetection 设置无效 invalid settings: min_face_size >= 1, 0 < min_score < 1"
            )
        self.settings = settings
        self._detect = load_detect()

    def scale(self) -> float:
        """How much the frame is shrunk before detection (1.0: not at all)."""
        return min(1.0, SMALLEST_RELIABLE_FACE / self.settings.min_face_size)

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        scale = self.scale()
        image = bgr
        if scale < 1.0:
            image = cv2.resize(bgr, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        # rows: score (0..100), x, y, width, height, then five (x, y) landmarks, in `image` pixels
        rows = self._detect(np.ascontiguousarray(image)).astype(np.float32)
        found = []
        for row in rows[rows[:, 0] >= self.settings.min_score * 100]:
            x, y, w, h = row[1:5] / scale
            points = row[5:15] / scale
            landmarks = tuple((float(points[2 * i]), float(points[2 * i + 1])) for i in range(5))
            box = Box(float(x), float(y), float(x + w), float(y + h))
            found.append(Detection("face", box, float(row[0]) / 100, landmarks))
        return found
