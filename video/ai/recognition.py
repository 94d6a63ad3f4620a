"""Face embeddings from an SFace-format ONNX model: aligned 112x112 face in, 128-d vector out.

Pre-processing matches OpenCV's FaceRecognizerSF: RGB, NCHW, raw 0-255 values. Vectors are
L2-normalised here so a dot product is the cosine similarity (SFace's own threshold is 0.363).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.align import ALIGNED_SIZE, align_face
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Point


@dataclass(frozen=True)
class RecogniserSettings:
    model: str = ""
    match_threshold: float = 0.363  # cosine similarity above which two faces are the same person


class FaceRecogniser:
    """Turns a face (frame + landmarks) into a unit-length embedding."""

    def __init__(self, settings: RecogniserSettings, sessions: SessionCache) -> None:
        if not settings.model:
            raise ModelLoadError("未配置人脸识别模型 no face recognition model configured (recogniser.model)")
        self.settings = settings
        self._session = sessions.get(settings.model)
        inputs = self._session.get_inputs()
        shape = inputs[0].shape
        if len(inputs) != 1 or len(shape) != 4 or shape[1] != 3:
            raise ModelLoadError(
                f"人脸识别模型输入不符 recogniser {settings.model} must take one [1,3,112,112] input, has {shape}"
            )
        self._input = inputs[0].name
        self.dimensions = int(self._session.get_outputs()[0].shape[-1])

    def embed_aligned(self, aligned_bgr: np.ndarray) -> np.ndarray:
        rgb = cv2.cvtColor(aligned_bgr, cv2.COLOR_BGR2RGB).astype(np.float32)
        blob = rgb.transpose(2, 0, 1)[None]
        vector = self._session.run(None, {self._input: blob})[0].reshape(-1).astype(np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vector

    def embed(self, bgr: np.ndarray, landmarks: tuple[Point, ...]) -> np.ndarray | None:
        aligned = align_face(bgr, landmarks)
        if aligned is None or aligned.shape[:2] != (ALIGNED_SIZE, ALIGNED_SIZE):
            return None
        return self.embed_aligned(aligned)
