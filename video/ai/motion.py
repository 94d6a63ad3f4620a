"""Frigate-style motion gating: a small grey copy of each frame against a running-average background.

It decides whether the detector runs at all (a still scene costs one resize and a few small array
operations) and where: the changed areas, grown into regions that the detector then sees instead of
the whole frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from video.ai.types import Box


@dataclass(frozen=True)
class MotionSettings:
    enabled: bool = True
    frame_height: int = 90  # height of the grey copy the differencing runs on
    threshold: int = 25  # grey-level change that counts as motion
    contour_area: int = 8  # smallest changed blob, in grey-copy pixels
    frame_alpha: float = 0.1  # how fast the background follows the picture
    lightning_fraction: float = 0.8  # more than this changed at once: relearn the background, no motion
    region_margin: float = 0.35  # regions grow by this share of their size on each side
    min_region: int = 96  # regions are at least this many frame pixels wide and high
    full_scan_s: float = 30.0  # look at the whole frame this often anyway (and at start): still people


class MotionGate:
    """Remembers one camera's background; `update` returns the boxes (frame pixels) that moved."""

    def __init__(self, settings: MotionSettings) -> None:
        self.settings = settings
        self._background: np.ndarray | None = None
        self._kernel = np.ones((3, 3), np.uint8)

    def update(self, bgr: np.ndarray) -> list[Box]:
        height, width = bgr.shape[:2]
        small_h = self.settings.frame_height
        small_w = max(1, round(width * small_h / height))
        small = cv2.resize(bgr, (small_w, small_h), interpolation=cv2.INTER_AREA)
        grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (3, 3), 0).astype(np.float32)
        if self._background is None or self._background.shape != grey.shape:
            self._background = grey
            return []
        delta = cv2.absdiff(grey, self._background)
        mask = (delta > self.settings.threshold).astype(np.uint8)
        cv2.accumulateWeighted(grey, self._background, self.settings.frame_alpha)
        changed = float(mask.mean())
        if changed == 0.0:
            return []
        if changed > self.settings.lightning_fraction:
            self._background = grey
            return []
        mask = cv2.dilate(mask, self._kernel, iterations=2)
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        sx, sy = width / small_w, height / small_h
        boxes = []
        for contour in contours:
            if cv2.contourArea(contour) < self.settings.contour_area:
                continue
            x, y, w, h = cv2.boundingRect(contour)
            boxes.append(Box(x * sx, y * sy, (x + w) * sx, (y + h) * sy))
        return boxes


def detection_regions(boxes: list[Box], width: int, height: int, settings: MotionSettings) -> list[Box]:
    """Grow the moving boxes by a margin, make them at least `min_region`, and merge the ones that overlap."""
    grown = []
    for box in boxes:
        mx, my = box.width * settings.region_margin, box.height * settings.region_margin
        cx, cy = box.centre
        half_w = max(box.width / 2 + mx, settings.min_region / 2)
        half_h = max(box.height / 2 + my, settings.min_region / 2)
        grown.append(Box(cx - half_w, cy - half_h, cx + half_w, cy + half_h).clipped(width, height))
    merged = True
    while merged and len(grown) > 1:
        merged = False
        for i in range(len(grown)):
            for j in range(i + 1, len(grown)):
                a, b = grown[i], grown[j]
                if a.x1 <= b.x2 and b.x1 <= a.x2 and a.y1 <= b.y2 and b.y1 <= a.y2:
                    grown[i] = Box(min(a.x1, b.x1), min(a.y1, b.y1), max(a.x2, b.x2), max(a.y2, b.y2))
                    del grown[j]
                    merged = True
                    break
            if merged:
                break
    return [box for box in grown if box.area > 0]
