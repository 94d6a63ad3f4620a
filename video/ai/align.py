"""Face alignment: a similarity transform from the detector's 5 landmarks onto a model's template.

The default template is the 112x112 one SFace / ArcFace models were trained with (OpenCV's
FaceRecognizerSF uses it); dlib's recogniser brings its own (video/ai/dlib_face.py).
"""

from __future__ import annotations

import cv2
import numpy as np

from video.ai.types import Point

ALIGNED_SIZE = 112
TEMPLATE = np.array(
    [
        [38.2946, 51.6963],
        [73.5318, 51.5014],
        [56.0252, 71.7366],
        [41.5493, 92.3655],
        [70.7299, 92.2041],
    ],
    dtype=np.float32,
)


def align_face(
    bgr: np.ndarray,
    landmarks: tuple[Point, ...],
    template: np.ndarray = TEMPLATE,
    size: int = ALIGNED_SIZE,
) -> np.ndarray | None:
    """The face warped onto the template (size x size BGR), or None when the landmarks cannot be fitted."""
    if len(landmarks) != 5:
        return None
    src = np.asarray(landmarks, dtype=np.float32)
    matrix, _ = cv2.estimateAffinePartial2D(src, template, method=cv2.LMEDS)
    if matrix is None:
        return None
    return cv2.warpAffine(bgr, matrix, (size, size), borderMode=cv2.BORDER_REPLICATE)
