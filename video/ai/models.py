"""The set of loaded models the pipelines share: one of each, built from the config."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from video.ai.config import AiConfig
from video.ai.mask import MaskClassifier
from video.ai.recognition import Recogniser
from video.ai.registry import (
    Detector,
    FromFacesSettings,
    create_detector,
    create_recogniser,
    detector_settings,
)
from video.ai.runtime import ModelLoadError, SessionCache


@dataclass(frozen=True)
class ModelStatus:
    """One line of `ai models`: the job, what is configured, and whether it loaded."""

    job: str
    configured: str
    loaded: bool
    message: str = ""


@dataclass
class AiModels:
    face: Detector | None
    person: Detector | None
    persons_from_faces: FromFacesSettings | None
    recogniser: Recogniser | None
    mask: MaskClassifier | None
    status: list[ModelStatus]

    @classmethod
    def load(cls, config: AiConfig, sessions: SessionCache, *, strict: bool = False) -> AiModels:
        """Load what the config names. Optional parts that fail are reported in `status` and left out
        (the wall keeps running with what works) unless `strict`, which raises the first failure."""
        status: list[ModelStatus] = []

        def attempt(job: str, configured: str, build):
            try:
                part = build()
            except ModelLoadError as error:
                if strict:
                    raise
                status.append(ModelStatus(job, configured, False, str(error)))
                return None
            status.append(ModelStatus(job, configured, part is not None or configured == "from_faces"))
            return part

        face = attempt(
            "人脸检测 face detection",
            config.face_detector.type,
            lambda: create_detector(config.face_detector, "face", sessions),
        )
        person_choice = config.person_detector
        person = None
        from_faces = None
        if person_choice.type == "from_faces":
            from_faces = detector_settings(person_choice, "person")
            status.append(ModelStatus("人体检测 person detection", "from_faces", True))
        elif person_choice.type != "none":
            person = attempt(
                "人体检测 person detection",
                person_choice.type,
                lambda: create_detector(person_choice, "person", sessions),
            )
        recogniser = None
        if config.recogniser.kind() != "none":
            recogniser = attempt(
                "人脸识别 face recognition",
                recogniser_label(config),
                lambda: create_recogniser(config.recogniser, sessions),
            )
        mask = None
        if config.mask.enabled:
            mask = attempt(
                "口罩识别 mask",
                Path(config.mask.model_path()).name,
                lambda: MaskClassifier(config.mask, sessions),
            )
        return cls(face, person, from_faces, recogniser, mask, status)


def recogniser_label(config: AiConfig) -> str:
    """How `ai models` names the configured recogniser: its kind, and the file for an ONNX model."""
    kind = config.recogniser.kind()
    return f"{kind} ({Path(config.recogniser.model).name})" if config.recogniser.model else kind
