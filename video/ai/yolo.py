"""Person detection with a YOLO-family ONNX model (YOLOv5u/v8/v11 export) supplied by the operator.

Input [1, 3, S, S] RGB in [0, 1], letterboxed with grey 114; output [1, 4 + classes, N] with rows
(cx, cy, w, h, class scores...) in input pixels, the layout Ultralytics exports.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.nms import nms
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, Detection


@dataclass(frozen=True)
class YoloSettings:
    model: str = ""
    score_threshold: float = 0.4
    nms_threshold: float = 0.45
    person_class: int = 0  # COCO "person"


@dataclass(frozen=True)
class Letterbox:
    """How a frame was scaled and padded into the square model input, to map boxes back."""

    scale: float
    pad_x: float
    pad_y: float

    def to_frame(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (x - self.pad_x) / self.scale, (y - self.pad_y) / self.scale


def letterbox(bgr: np.ndarray, size: int) -> tuple[np.ndarray, Letterbox]:
    height, width = bgr.shape[:2]
    scale = min(size / width, size / height)
    new_w, new_h = round(width * scale), round(height * scale)
    pad_x, pad_y = (size - new_w) // 2, (size - new_h) // 2
    canvas = np.full((size, size, 3), 114, dtype=np.uint8)
    canvas[pad_y : pad_y + new_h, pad_x : pad_x + new_w] = cv2.resize(
        bgr, (new_w, new_h), interpolation=cv2.INTER_LINEAR
    )
    return canvas, Letterbox(scale, pad_x, pad_y)


class YoloPersonDetector:
    kind = "person"

    def __init__(self, settings: YoloSettings, sessions: SessionCache) -> None:
        if not settings.model:
            raise ModelLoadError("未配置人体检测模型 no YOLO model file configured (person_detector.model)")
        self.settings = settings
        self._session = sessions.get(settings.model)
        model_input = self._session.get_inputs()[0]
        shape = model_input.shape
        if len(shape) != 4 or shape[1] != 3 or not isinstance(shape[2], int) or shape[2] != shape[3]:
            raise ModelLoadError(
                f"YOLO 模型输入不符 YOLO model {settings.model} needs [1,3,S,S], has {shape}"
            )
        self._input = model_input.name
        self.size = int(shape[2])

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        canvas, box = letterbox(bgr, self.size)
        blob = cv2.cvtColor(canvas, cv2.COLOR_BGR2RGB).astype(np.float32).transpose(2, 0, 1)[None] / 255.0
        output = self._session.run(None, {self._input: blob})[0][0]
        rows, cols = output.shape
        if rows < 5 or (rows > cols >= 5):  # some exports give [N, 4 + classes]
            output = output.T
        scores = output[4 + self.settings.person_class]
        keep = scores >= self.settings.score_threshold
        if not np.any(keep):
            return []
        cx, cy, w, h = (output[i, keep] for i in range(4))
        x1, y1 = box.to_frame(cx - w / 2, cy - h / 2)
        x2, y2 = box.to_frame(cx + w / 2, cy + h / 2)
        rows = np.column_stack([x1, y1, x2, y2, scores[keep]])
        height, width = bgr.shape[:2]
        found = []
        for row in rows[nms(rows, self.settings.nms_threshold)]:
            frame_box = Box(*map(float, row[:4])).clipped(width, height)
            if frame_box.area > 0:
                found.append(Detection("person", frame_box, float(row[4])))
        return found
