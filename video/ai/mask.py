"""Mask / no-mask from an ONNX classifier on the face crop.

The model takes one [1, 3, H, W] RGB input scaled to [0, 1] and gives [1, 2] scores in the order
(mask, no mask); logits or probabilities both work (a softmax is applied when they do not sum to 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, MaskState


@dataclass(frozen=True)
class MaskSettings:
    model: str = ""
    threshold: float = 0.5  # probability of "mask" above which the face counts as masked
    alert: bool = False  # raise an event per unmasked track (otherwise only counted)


class MaskClassifier:
    def __init__(self, settings: MaskSettings, sessions: SessionCache) -> None:
        if not settings.model:
            raise ModelLoadError("未配置口罩模型 no mask model configured (mask.model)")
        self.settings = settings
        self._session = sessions.get(settings.model)
        model_input = self._session.get_inputs()[0]
        shape = model_input.shape
        if len(shape) != 4 or shape[1] != 3 or not all(isinstance(s, int) for s in shape[2:]):
            raise ModelLoadError(f"口罩模型输入不符 mask model {settings.model} needs [1,3,H,W], has {shape}")
        self._input = model_input.name
        self._size = (int(shape[3]), int(shape[2]))

    def classify(self, bgr: np.ndarray, face: Box) -> tuple[MaskState, float]:
        height, width = bgr.shape[:2]
        x1, y1, x2, y2 = face.clipped(width, height).as_int()
        if x2 - x1 < 4 or y2 - y1 < 4:
            return MaskState.UNKNOWN, 0.0
        crop = cv2.resize(bgr[y1:y2, x1:x2], self._size, interpolation=cv2.INTER_AREA)
        blob = cv2.cvtColor(crop, cv2.COLOR_BGR2RGB).astype(np.float32).transpose(2, 0, 1)[None] / 255.0
        scores = self._session.run(None, {self._input: blob})[0].reshape(-1)[:2].astype(np.float64)
        if not (np.all(scores >= 0) and abs(scores.sum() - 1.0) < 1e-3):
            exp = np.exp(scores - scores.max())
            scores = exp / exp.sum()
        p_mask = float(scores[0])
        state = MaskState.MASK if p_mask >= self.settings.threshold else MaskState.NO_MASK
        return state, p_mask
