"""Detectors and recognisers by config key, as Frigate does: each key names a class and its settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from video.ai.config import DetectorChoice, build
from video.ai.dlib_face import DlibFaceRecogniser
from video.ai.face_union import FaceUnionDetector, FaceUnionSettings
from video.ai.libfacedetection import LibfacedetectionFaceDetector, LibfacedetectionSettings
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings
from video.ai.recognition import FaceRecogniser, Recogniser, RecogniserSettings
from video.ai.runtime import ModelLoadError, SessionCache
from video.ai.types import Box, Detection
from video.ai.yolo import YoloPersonDetector, YoloSettings
from video.ai.yunet import YunetFaceDetector, YunetSettings


class Detector(Protocol):
    kind: str

    def detect(self, bgr: np.ndarray) -> list[Detection]: ...


@dataclass(frozen=True)
class HogSettings:
    hit_threshold: float = 0.0
    scale: float = 1.05
    win_stride: int = 8


class HogPersonDetector:
    """OpenCV's HOG people detector, where the installed OpenCV still has it (OpenCV 5 moved it out)."""

    kind = "person"

    def __init__(self, settings: HogSettings, sessions: SessionCache) -> None:
        del sessions
        if not hasattr(cv2, "HOGDescriptor"):
            raise ModelLoadError(
                f"当前 OpenCV {cv2.__version__} 不含 HOG 行人检测 this OpenCV has no HOGDescriptor "
                '(removed from OpenCV 5); configure a YOLO model or person_detector type = "from_faces"'
            )
        self.settings = settings
        self._hog = cv2.HOGDescriptor()
        self._hog.setSVMDetector(cv2.HOGDescriptor_getDefaultPeopleDetector())

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        stride = (self.settings.win_stride, self.settings.win_stride)
        rects, weights = self._hog.detectMultiScale(
            bgr, hitThreshold=self.settings.hit_threshold, winStride=stride, scale=self.settings.scale
        )
        return [
            Detection("person", Box(x, y, x + w, y + h), float(s))
            for (x, y, w, h), s in zip(rects, np.ravel(weights), strict=True)
        ]


@dataclass(frozen=True)
class FromFacesSettings:
    width_faces: float = 2.6  # a body is about this many face widths wide
    height_faces: float = 7.0  # and this many face heights tall, starting just above the face


def persons_from_faces(
    faces: list[Detection], settings: FromFacesSettings, width: int, height: int
) -> list[Detection]:
    """Person boxes implied by faces: the fallback that needs no model and costs nothing extra."""
    persons = []
    for face in faces:
        cx = face.box.centre[0]
        w = face.box.width * settings.width_faces
        top = face.box.y1 - face.box.height * 0.3
        box = Box(cx - w / 2, top, cx + w / 2, top + face.box.height * settings.height_faces)
        persons.append(Detection("person", box.clipped(width, height), face.score))
    return persons


@dataclass(frozen=True)
class DetectorSpec:
    kind: str
    settings: type
    factory: Callable[..., Detector] | None  # None: derived from the face detections, no model


DETECTORS: dict[str, DetectorSpec] = {
    "mtcnn": DetectorSpec("face", MtcnnSettings, MtcnnFaceDetector),
    "yunet": DetectorSpec("face", YunetSettings, YunetFaceDetector),
    "libfacedetection": DetectorSpec("face", LibfacedetectionSettings, LibfacedetectionFaceDetector),
    "mtcnn+libfacedetection": DetectorSpec("face", FaceUnionSettings, FaceUnionDetector),
    "yolo": DetectorSpec("person", YoloSettings, YoloPersonDetector),
    "hog": DetectorSpec("person", HogSettings, HogPersonDetector),
    "from_faces": DetectorSpec("person", FromFacesSettings, None),
}


def detector_settings(choice: DetectorChoice, kind: str) -> object:
    spec = DETECTORS.get(choice.type)
    if spec is None or spec.kind != kind:
        known = ", ".join(k for k, s in DETECTORS.items() if s.kind == kind)
        raise ModelLoadError(f"未知的检测器 unknown {kind} detector {choice.type!r} (known: {known}, none)")
    return build(spec.settings, dict(choice.settings), f"{kind}_detector.{choice.type}")


def create_detector(choice: DetectorChoice, kind: str, sessions: SessionCache) -> Detector | None:
    """The detector the config names, loaded; None for "none" and for detectors derived from faces."""
    if choice.type == "none":
        return None
    settings = detector_settings(choice, kind)
    factory = DETECTORS[choice.type].factory
    return factory(settings, sessions) if factory else None


RECOGNISERS: dict[str, Callable[[RecogniserSettings, SessionCache], Recogniser]] = {
    "dlib": DlibFaceRecogniser,
    "sface": FaceRecogniser,
}


def create_recogniser(settings: RecogniserSettings, sessions: SessionCache) -> Recogniser | None:
    """The recogniser `[recogniser] type` names, loaded; None for "none"."""
    kind = settings.kind()
    if kind == "none":
        return None
    factory = RECOGNISERS.get(kind)
    if factory is None:
        raise ModelLoadError(
            f"未知的人脸识别类型 unknown recogniser type {kind!r} (known: {', '.join(RECOGNISERS)}, none)"
        )
    return factory(settings, sessions)
