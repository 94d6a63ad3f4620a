"""MTCNN and libfacedetection's YuNet on the same picture, their faces merged: the default face detector.

The two fail on different masked faces (resources/models/README.md, "Face detection"): MTCNN misses
most pink and many white masks, YuNet misses small faces behind dark masks. Together they find every
masked face of the test set. Where both find a face, MTCNN's box and landmarks are kept (the
recogniser's threshold was calibrated on them); YuNet adds the faces MTCNN missed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from video.ai.libfacedetection import LibfacedetectionFaceDetector, LibfacedetectionSettings
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings
from video.ai.runtime import SessionCache
from video.ai.types import Detection


@dataclass(frozen=True)
class FaceUnionSettings:
    min_face_size: int = 40  # for both detectors
    mtcnn_min_score: float = MtcnnSettings.min_score
    yunet_min_score: float = LibfacedetectionSettings.min_score
    same_face_iou: float = 0.3  # boxes overlapping this much are one face


class FaceUnionDetector:
    kind = "face"

    def __init__(self, settings: FaceUnionSettings, sessions: SessionCache) -> None:
        self.settings = settings
        self.mtcnn = MtcnnFaceDetector(
            MtcnnSettings(min_face_size=settings.min_face_size, min_score=settings.mtcnn_min_score), sessions
        )
        self.yunet = LibfacedetectionFaceDetector(
            LibfacedetectionSettings(
                min_face_size=settings.min_face_size, min_score=settings.yunet_min_score
            ),
            sessions,
        )

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        faces = self.mtcnn.detect(bgr)
        for extra in self.yunet.detect(bgr):
            if all(extra.box.iou(face.box) < self.settings.same_face_iou for face in faces):
                faces.append(extra)
        return faces
