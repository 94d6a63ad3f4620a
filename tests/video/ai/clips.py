"""Test clips made from real photographs (scikit-image ships them): a face moving across a scene."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
import skimage.data

WIDTH, HEIGHT = 640, 360
# Where the astronaut's eyes, nose and mouth corners are in skimage.data.astronaut() (checked by eye
# on a drawing of them), and the head region cut out for the clips.
ASTRONAUT_LANDMARKS = np.array([(202, 99), (245, 102), (223, 127), (200, 137), (244, 141)], dtype=np.float32)
ASTRONAUT_HEAD = (140, 20, 310, 220)  # x1, y1, x2, y2


def astronaut() -> np.ndarray:
    return cv2.cvtColor(skimage.data.astronaut(), cv2.COLOR_RGB2BGR)


def cameraman() -> np.ndarray:
    return cv2.cvtColor(skimage.data.camera(), cv2.COLOR_GRAY2BGR)


def background() -> np.ndarray:
    """An outdoor photograph (the rocket on its pad) as the scene the face passes through."""
    scene = cv2.cvtColor(skimage.data.rocket(), cv2.COLOR_RGB2BGR)
    return cv2.resize(scene, (WIDTH, HEIGHT), interpolation=cv2.INTER_AREA)


@dataclass(frozen=True)
class ClipFrame:
    image: np.ndarray
    landmarks: np.ndarray | None  # where the face's 5 points truly are, None when no face is shown
    face_width: float


def face_clip(frames: int, scale: float = 0.55, y: int = 90) -> Iterator[ClipFrame]:
    """The astronaut's head moving left to right across the scene, fully in view in every frame."""
    x1, y1, x2, y2 = ASTRONAUT_HEAD
    head = cv2.resize(astronaut()[y1:y2, x1:x2], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    scene = background()
    span = WIDTH - head.shape[1] - 20
    for k in range(frames):
        x = 10 + round(span * k / max(1, frames - 1))
        frame = scene.copy()
        frame[y : y + head.shape[0], x : x + head.shape[1]] = head
        truth = (ASTRONAUT_LANDMARKS - (x1, y1)) * scale + (x, y)
        yield ClipFrame(frame, truth, (ASTRONAUT_LANDMARKS[1, 0] - ASTRONAUT_LANDMARKS[0, 0]) * scale)


def empty_clip(frames: int) -> Iterator[ClipFrame]:
    """The same scene with no one in it: a coffee cup slides across and the light changes a little."""
    cup = cv2.resize(cv2.cvtColor(skimage.data.coffee(), cv2.COLOR_RGB2BGR), (120, 80))
    scene = background()
    rng = np.random.default_rng(7)
    for k in range(frames):
        frame = cv2.convertScaleAbs(scene, alpha=1.0 + 0.05 * np.sin(k / 3), beta=0)
        x = 20 + k * (WIDTH - 160) // max(1, frames - 1)
        frame[240:320, x : x + 120] = cup
        noise = rng.integers(-4, 5, frame.shape, dtype=np.int16)
        yield ClipFrame(np.clip(frame.astype(np.int16) + noise, 0, 255).astype(np.uint8), None, 0.0)


def paste(
    scene: np.ndarray, photo: np.ndarray, box: tuple[int, int, int, int], at: tuple[int, int], scale: float
) -> np.ndarray:
    """A copy of the scene with part of a photo pasted at a position."""
    x1, y1, x2, y2 = box
    patch = cv2.resize(photo[y1:y2, x1:x2], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    out = scene.copy()
    x, y = at
    out[y : y + patch.shape[0], x : x + patch.shape[1]] = patch
    return out
