"""Face recognisers: a face (frame + 5 landmarks) in, a unit-length embedding out.

Two kinds, chosen by `[recogniser] type` in ai.toml:
- "dlib" (the default): dlib's ResNet face descriptor (128-d), weights from the PyPI package
  `face-recognition-models`, run by dlib (`dlib-bin`); see video/ai/dlib_face.py.
- "sface": an SFace/ArcFace-format ONNX file named by `model` (aligned 112x112 RGB in, vector out).
A config that names a `model` file and no type keeps meaning "sface", as before the type existed.

Vectors are L2-normalised so a dot product is the cosine similarity. Each kind has its own calibrated
match threshold (resources/models/README.md says how it was measured) and bounds an office may move
it within; `model_tag` names the exact weights, and the gallery keeps it with every template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from video.ai.align import ALIGNED_SIZE, align_face
from video.ai.provenance import sha256
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Point


@dataclass(frozen=True)
class ThresholdRange:
    default: float  # calibrated on the project's labelled set (resources/models/README.md)
    low: float  # below this nearly everyone matches everyone
    high: float  # above this the same person in another photo is mostly refused
    confident: float | None = None  # one face this similar to a watch-list entry raises its alarm alone


# Cosine similarities of unit vectors. dlib's own rule (Euclidean distance 0.6 on its raw vectors,
# whose length is ~1.4) sits near 0.91 here; on our labelled set 0.93 makes no false non-match between
# different photos and one false match in 1152 (tools/calibrate_thresholds.py), and from 0.95 no false
# match at all (a quarter of the same person's other photos fall below it: those wait for the track's
# majority). SFace's published cosine threshold is 0.363; with no calibration of our own for SFace, a
# watch-list track there always waits for its majority.
THRESHOLDS = {
    "dlib": ThresholdRange(0.93, 0.80, 0.97, confident=0.95),
    "sface": ThresholdRange(0.363, 0.2, 0.8),
}


@dataclass(frozen=True)
class RecogniserSettings:
    type: str = ""  # "dlib", "sface" or "none"; empty: "sface" when a model file is named, else "dlib"
    model: str = ""  # the ONNX file for "sface"
    match_threshold: float = 0.0  # cosine similarity above which two faces are one person; 0: calibrated

    def kind(self) -> str:
        return self.type or ("sface" if self.model else "dlib")

    def threshold(self) -> float:
        """The match threshold in force; ValueError (in both languages) when it is out of bounds."""
        if self.kind() == "none":
            return 1.0
        limits = THRESHOLDS.get(self.kind())
        if limits is None:
            known = ", ".join(sorted(THRESHOLDS))
            raise ValueError(
                f"未知的人脸识别类型 unknown recogniser type {self.kind()!r} (known: {known}, none)"
            )
        if not self.match_threshold:
            return limits.default
        if not limits.low <= self.match_threshold <= limits.high:
            raise ValueError(
                f"识别阈值超出范围 [recogniser] match_threshold {self.match_threshold} is outside "
                f"{limits.low}..{limits.high} for {self.kind()} (calibrated: {limits.default})"
            )
        return self.match_threshold

    def confident_threshold(self) -> float | None:
        """The similarity from which one watch-list face decides a track (never below the match
        threshold in force); None when this kind has no calibrated one."""
        limits = THRESHOLDS.get(self.kind())
        if limits is None or limits.confident is None:
            return None
        return max(limits.confident, self.threshold())


class Recogniser(Protocol):
    """What the gallery and the pipeline need of a recogniser, whatever its kind."""

    model_tag: str  # which weights made a vector: templates from other weights cannot be compared
    match_threshold: float
    dimensions: int

    def embed(self, bgr: np.ndarray, landmarks: tuple[Point, ...]) -> np.ndarray | None: ...


def file_tag(path: Path) -> str:
    """A model's name and the start of its SHA-256: a retrained file under the same name differs."""
    return f"{path.stem}@{sha256(path)[:12]}"


def unit(vector: np.ndarray) -> np.ndarray:
    vector = vector.reshape(-1).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


class FaceRecogniser:
    """SFace-format ONNX: pre-processing matches OpenCV's FaceRecognizerSF (RGB, NCHW, raw 0-255)."""

    def __init__(self, settings: RecogniserSettings, sessions: SessionCache) -> None:
        if not settings.model:
            raise ModelLoadError("未配置人脸识别模型 no face recognition model configured (recogniser.model)")
        self.settings = settings
        self.match_threshold = _threshold(settings)
        self._session = sessions.get(settings.model)
        inputs = self._session.get_inputs()
        shape = inputs[0].shape
        if len(inputs) != 1 or len(shape) != 4 or shape[1] != 3:
            raise ModelLoadError(
                f"人脸识别模型输入不符 recogniser {settings.model} must take one [1,3,112,112] input, has {shape}"
            )
        self._input = inputs[0].name
        self.dimensions = int(self._session.get_outputs()[0].shape[-1])
        self.model_tag = file_tag(Path(settings.model))

    def embed_aligned(self, aligned_bgr: np.ndarray) -> np.ndarray:
        rgb = cv2.cvtColor(aligned_bgr, cv2.COLOR_BGR2RGB).astype(np.float32)
        blob = rgb.transpose(2, 0, 1)[None]
        return unit(self._session.run(None, {self._input: blob})[0])

    def embed(self, bgr: np.ndarray, landmarks: tuple[Point, ...]) -> np.ndarray | None:
        aligned = align_face(bgr, landmarks)
        if aligned is None or aligned.shape[:2] != (ALIGNED_SIZE, ALIGNED_SIZE):
            return None
        return self.embed_aligned(aligned)


def _threshold(settings: RecogniserSettings) -> float:
    try:
        return settings.threshold()
    except ValueError as error:
        raise ModelLoadError(str(error)) from error
