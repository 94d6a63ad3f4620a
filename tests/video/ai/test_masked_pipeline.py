"""End to end on the real weights with the default face detector: a small face behind a pink mask, which
MTCNN alone does not find, is tracked and counted as masked; a bare face is counted as unmasked."""

from __future__ import annotations

from dataclasses import replace

from tests.video.ai.masked_faces import walking
from video.ai.config import AiConfig, DetectorChoice
from video.ai.models import AiModels
from video.ai.recognition import RecogniserSettings
from video.ai.service import InferenceService
from video.ai.types import MaskState

NOON = 1_795_000_000.0


def walk(config: AiConfig, sessions, colour: str | None):
    """The last analysis of a walk across the camera, and the camera's pipeline counters."""
    service = InferenceService(config, AiModels.load(config, sessions, strict=True))
    service.add_camera(17)
    results = [service.process(17, s.image, NOON + k / 5) for k, s in enumerate(walking(colour))]
    stats = service.pipeline(17).stats
    service.close()
    return [r for r in results if r is not None][-1], stats


def test_a_pink_masked_face_is_tracked_as_masked_and_a_bare_one_counted(sessions):
    config = replace(AiConfig(), recogniser=RecogniserSettings(type="none"))
    last, stats = walk(config, sessions, "pink")
    (face,) = [t for t in last.tracks if t.kind == "face"]
    assert face.mask is MaskState.MASK and stats.no_mask_tracks == 0
    _, stats = walk(config, sessions, None)
    assert stats.no_mask_tracks == 1


def test_with_mtcnn_alone_the_pink_masked_face_is_not_seen(sessions):
    config = replace(
        AiConfig(), recogniser=RecogniserSettings(type="none"), face_detector=DetectorChoice("mtcnn")
    )
    last, _ = walk(config, sessions, "pink")
    assert [t for t in last.tracks if t.kind == "face"] == []
