"""Faces bare or behind a drawn surgical mask, with where each face truly is: the sets the face detectors
are compared on (tests and benchmarks/ai_detectors.py).

- `samples`: the calibration's faces (tools/calibrate_thresholds.py: six photos, eight camera-like
  variants each). Their faces are large (the "cctv" variant is shrunk and blown up again);
- `walking`: the astronaut's head crossing the test scene with a face about 49 px wide, as a
  camera a few metres away sees it: small masked faces are the hard case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from tests.video.ai.clips import ASTRONAUT_HEAD, ASTRONAUT_LANDMARKS, astronaut, background, paste
from tests.video.ai.real_faces import MASK_COLOURS, draw_mask, photo
from tools.calibrate_thresholds import PHOTOS, VARIANTS, head
from video.ai.mtcnn import MtcnnFaceDetector
from video.ai.types import Box, Detection

TILT_DEGREES = 12  # the calibration's "tilted" variant turns the picture this much about its centre
ASTRONAUT_FACE = Box(179, 59, 268, 174)  # her face in skimage.data.astronaut()


@dataclass(frozen=True)
class Sample:
    photo: str
    variant: str
    image: np.ndarray
    centre: tuple[float, float]  # where the face's centre is in `image`
    face_width: float


def _moved_centre(variant: str, centre: tuple[float, float], shape: tuple[int, ...]) -> tuple[float, float]:
    """The face centre after the variant's change of the picture (only two variants move it)."""
    height, width = shape[:2]
    if variant == "mirrored":
        return (width - 1 - centre[0], centre[1])
    if variant == "tilted":
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), TILT_DEGREES, 1.0)
        x, y = matrix @ np.array([centre[0], centre[1], 1.0])
        return (float(x), float(y))
    return centre


def samples(placer: MtcnnFaceDetector, colour: str | None) -> Iterator[Sample]:
    """Every photo in every variant, with a mask of `colour` (None: bare), the mask placed from the
    landmarks `placer` finds on the bare photo (as the calibration does)."""
    for name in PHOTOS:
        base, face = head(photo(name), placer)
        if colour is not None:
            base = draw_mask(base, face.landmarks, face.box, MASK_COLOURS[colour])
        for variant, change in VARIANTS.items():
            image = change(base, face.box.width)
            centre = _moved_centre(variant, face.box.centre, image.shape)
            yield Sample(name, variant, image, centre, face.box.width)


def walking(colour: str | None, frames: int = 12, scale: float = 0.55) -> Iterator[Sample]:
    """The astronaut's head (masked with `colour`, None: bare) at `frames` places across the scene."""
    face = astronaut()
    if colour is not None:
        points = [tuple(map(float, p)) for p in ASTRONAUT_LANDMARKS]
        face = draw_mask(face, points, ASTRONAUT_FACE, MASK_COLOURS[colour])
    x1, y1 = ASTRONAUT_HEAD[:2]
    cx, cy = ASTRONAUT_FACE.centre
    for k in range(frames):
        at = (20 + 40 * k, 80)
        image = paste(background(), face, ASTRONAUT_HEAD, at, scale)
        centre = (at[0] + (cx - x1) * scale, at[1] + (cy - y1) * scale)
        yield Sample("astronaut", f"walking {k}", image, centre, ASTRONAUT_FACE.width * scale)


def finds(detections: list[Detection], sample: Sample) -> bool:
    """A detection whose centre is within half a face width of the true face centre."""
    return any(
        np.hypot(d.box.centre[0] - sample.centre[0], d.box.centre[1] - sample.centre[1])
        < 0.5 * sample.face_width
        for d in detections
    )
