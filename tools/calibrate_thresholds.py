"""Measure the face-match and mask thresholds on the project's labelled set and print the rates.

    python tools/calibrate_thresholds.py

The labelled set is built from licence-clear photographs only (tests/video/ai/photos/README.md):
three photographs of one person, one each of four others, each seen as a camera would see it in
eight ways (as taken, mirrored, small and JPEG-compressed like a CCTV face, bright, dark, blurred,
tilted, low contrast with noise). Recognition pairs are faces of the same person from *different*
photographs (genuine) and faces of different people (impostor); the mask set is every face bare and
with a drawn surgical mask in four colours. The results go into resources/models/README.md.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.video.ai.real_faces import MASK_COLOURS, draw_mask, photo  # noqa: E402
from video.ai.dlib_face import DlibFaceRecogniser  # noqa: E402
from video.ai.mask import MaskClassifier, MaskSettings  # noqa: E402
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings  # noqa: E402
from video.ai.recognition import THRESHOLDS, RecogniserSettings  # noqa: E402
from video.ai.runtime import SessionCache  # noqa: E402

PHOTOS = {  # photo -> person
    "obama.jpg": "obama",
    "obama2.jpg": "obama",
    "obama3.jpg": "obama",
    "biden.jpg": "biden",
    "astronaut": "collins",
    "cameraman": "cameraman",
    "grace_hopper.jpg": "hopper",
}


def _rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), borderMode=cv2.BORDER_REPLICATE)


def _cctv(image: np.ndarray, face_width: float) -> np.ndarray:
    """The face about 64 px wide, JPEG quality 35, then back to size: a far, compressed camera face."""
    scale = min(1.0, 64.0 / face_width)
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ok, jpeg = cv2.imencode(".jpg", small, [cv2.IMWRITE_JPEG_QUALITY, 35])
    return cv2.resize(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), (image.shape[1], image.shape[0]))


def _gamma(image: np.ndarray, gamma: float) -> np.ndarray:
    table = (np.linspace(0, 1, 256) ** gamma * 255).astype(np.uint8)
    return cv2.LUT(image, table)


def _noisy(image: np.ndarray) -> np.ndarray:
    noise = np.random.default_rng(5).normal(0, 8, image.shape)
    return np.clip(image.astype(np.float32) * 0.6 + 50 + noise, 0, 255).astype(np.uint8)


VARIANTS: dict[str, Callable[[np.ndarray, float], np.ndarray]] = {
    "as taken": lambda im, w: im,
    "mirrored": lambda im, w: cv2.flip(im, 1),
    "cctv": _cctv,
    "bright": lambda im, w: _gamma(im, 0.6),
    "dark": lambda im, w: _gamma(im, 1.7),
    "blurred": lambda im, w: cv2.GaussianBlur(im, (0, 0), max(1.0, w / 80)),
    "tilted": lambda im, w: _rotate(im, 12),
    "low contrast": lambda im, w: _noisy(im),
}


@dataclass(frozen=True)
class Face:
    photo: str
    person: str
    variant: str
    image: np.ndarray
    detection: object


def head(image: np.ndarray, detector: MtcnnFaceDetector) -> tuple[np.ndarray, object]:
    """The biggest face's surroundings (the face and as much again around it) and that face found there."""
    face = max(detector.detect(image), key=lambda d: d.box.area)
    pad = max(face.box.width, face.box.height)
    h, w = image.shape[:2]
    x1, y1 = int(max(0, face.box.x1 - pad)), int(max(0, face.box.y1 - pad))
    x2, y2 = int(min(w, face.box.x2 + pad)), int(min(h, face.box.y2 + pad))
    crop = image[y1:y2, x1:x2].copy()
    return crop, max(detector.detect(crop), key=lambda d: d.box.area)


def labelled_faces(
    detector: MtcnnFaceDetector, *, masked: str | None = None, variants: tuple[str, ...] = tuple(VARIANTS)
) -> Iterator[Face]:
    """Every photo in each variant (with a drawn mask of colour `masked`), with its detected face."""
    for name, person in PHOTOS.items():
        base, face = head(photo(name), detector)
        if masked is not None:
            base = draw_mask(base, face.landmarks, face.box, MASK_COLOURS[masked])
        for variant in variants:
            image = VARIANTS[variant](base, face.box.width)
            found = detector.detect(image)
            if found:
                yield Face(name, person, variant, image, max(found, key=lambda d: d.box.area))


def recognition_rates(
    scores_same: np.ndarray, scores_other: np.ndarray, threshold: float
) -> tuple[float, float]:
    """(false match rate, false non-match rate) at `threshold`."""
    return float(np.mean(scores_other >= threshold)), float(np.mean(scores_same < threshold))


def recognition_scores(
    detector, recogniser, variants: tuple[str, ...] = tuple(VARIANTS)
) -> tuple[np.ndarray, np.ndarray, int]:
    """Similarities of genuine pairs (one person, different photos) and impostor pairs, and the face count."""
    faces = [
        (f, recogniser.embed(f.image, f.detection.landmarks))
        for f in labelled_faces(detector, variants=variants)
    ]
    same, other = [], []
    for (a, va), (b, vb) in itertools.combinations(faces, 2):
        if a.person != b.person:
            other.append(float(va @ vb))
        elif a.photo != b.photo:
            same.append(float(va @ vb))
    return np.array(same), np.array(other), len(faces)


def mask_scores(detector, classifier) -> tuple[np.ndarray, np.ndarray]:
    """p(mask) of the bare faces and of the masked faces (all four colours)."""
    bare = [classifier.classify(f.image, f.detection.box)[1] for f in labelled_faces(detector)]
    covered = []
    for colour in MASK_COLOURS:
        found = [
            classifier.classify(f.image, f.detection.box)[1] for f in labelled_faces(detector, masked=colour)
        ]
        print(f"  {colour} mask: the face detector finds {len(found)} of {len(PHOTOS) * len(VARIANTS)} faces")
        covered.extend(found)
    return np.array(bare), np.array(covered)


def main() -> int:
    sessions = SessionCache()
    detector = MtcnnFaceDetector(MtcnnSettings(min_face_size=20), sessions)
    recogniser = DlibFaceRecogniser(RecogniserSettings(), sessions)
    same, other, count = recognition_scores(detector, recogniser)
    print(
        f"recognition: {count} faces, {same.size} genuine pairs (different photos), {other.size} impostor pairs"
    )
    print(f"  genuine  min {same.min():.3f} p5 {np.percentile(same, 5):.3f} median {np.median(same):.3f}")
    print(
        f"  impostor max {other.max():.3f} p95 {np.percentile(other, 95):.3f} median {np.median(other):.3f}"
    )
    limits = THRESHOLDS["dlib"]
    for t in np.round(np.arange(limits.low, limits.high + 1e-9, 0.01), 2):
        fmr, fnmr = recognition_rates(same, other, t)
        mark = "  <- default" if abs(t - limits.default) < 1e-9 else ""
        print(f"  threshold {t:.2f}: false match {fmr:6.2%}  false non-match {fnmr:6.2%}{mark}")
    classifier = MaskClassifier(MaskSettings(), sessions)
    bare, covered = mask_scores(detector, classifier)
    print(f"mask: {bare.size} bare faces, {covered.size} masked faces")
    print(f"  bare p(mask) max {bare.max():.3f}; masked p(mask) min {covered.min():.3f}")
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        mark = "  <- default" if abs(t - MaskSettings.threshold) < 1e-9 else ""
        print(
            f"  threshold {t:.1f}: bare called masked {np.mean(bare >= t):6.2%}  "
            f"masked called bare {np.mean(covered < t):6.2%}{mark}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
