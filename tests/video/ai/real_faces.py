"""Real photographs of real people (tests/video/ai/photos/README.md has sources and licences) and a
drawn surgical mask, for the tests that run the real recognition and mask weights."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from tests.video.ai.clips import astronaut, cameraman

PHOTOS = Path(__file__).parent / "photos"
SAME_PERSON = ("obama.jpg", "obama2.jpg", "obama3.jpg")


def photo(name: str) -> np.ndarray:
    if name == "astronaut":
        return astronaut()
    if name == "cameraman":
        return cameraman()
    image = cv2.imread(str(PHOTOS / name))
    assert image is not None, f"missing test photo {name}"
    return image


MASK_COLOURS = {  # BGR
    "pale blue": (235, 215, 190),
    "white": (240, 240, 240),
    "black": (40, 40, 40),
    "pink": (200, 180, 240),
}


def draw_mask(
    bgr: np.ndarray, landmarks, box, colour: tuple[int, int, int] = MASK_COLOURS["pale blue"]
) -> np.ndarray:
    """A copy with a (by default pale-blue) pleated surgical mask over nose, mouth and chin, with ear loops.

    Placed from the five landmarks: it starts just below the eyes, spans past the mouth corners to the
    cheeks and ends under the chin, shaded darker at the edges and with three horizontal folds.
    """
    image = bgr.copy()
    (lx, ly), (rx, ry), (nx, ny), (mlx, mly), (mrx, mry) = landmarks
    eye_dist = float(np.hypot(rx - lx, ry - ly))
    top = (ly + ry) / 2 + 0.35 * (ny - (ly + ry) / 2)
    chin = (mly + mry) / 2 + 0.75 * eye_dist
    left = lx - 0.55 * eye_dist
    right = rx + 0.55 * eye_dist
    outline = np.array(
        [
            (left, top + 0.15 * eye_dist),
            ((left + nx) / 2, top),
            (nx, top - 0.08 * eye_dist),
            ((right + nx) / 2, top),
            (right, top + 0.15 * eye_dist),
            (right - 0.05 * eye_dist, chin - 0.35 * eye_dist),
            (nx, chin),
            (left + 0.05 * eye_dist, chin - 0.35 * eye_dist),
        ],
        dtype=np.int32,
    )
    layer = np.zeros(image.shape[:2], dtype=np.uint8)
    cv2.fillPoly(layer, [outline], 255)
    fabric = np.full_like(image, colour)
    # shading: darker towards the edges of the mask, as cloth curving round a face
    shade = cv2.GaussianBlur(layer, (0, 0), max(2.0, eye_dist * 0.25)).astype(np.float32) / 255.0
    fabric = (fabric * (0.7 + 0.3 * shade[..., None])).astype(np.uint8)
    for k in (0.3, 0.5, 0.7):  # pleats
        y = int(top + k * (chin - top))
        pleat = tuple(int(c * 0.85) for c in colour)
        cv2.line(fabric, (int(left), y), (int(right), y), pleat, max(1, int(eye_dist * 0.04)))
    mask = layer.astype(bool)
    image[mask] = fabric[mask]
    thickness = max(1, int(eye_dist * 0.03))
    for x_cheek, x_ear in ((left, box.x1 - 0.02 * eye_dist), (right, box.x2 + 0.02 * eye_dist)):
        cv2.line(
            image,
            (int(x_cheek), int(top + 0.2 * eye_dist)),
            (int(x_ear), int(ly)),
            (230, 230, 230),
            thickness,
        )
    return image
