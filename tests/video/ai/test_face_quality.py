"""Only large, frontal faces are recognised: the pose estimate from five points, the gate on real
photographs, the site setting's bounds, and the per-track embedding schedule."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import cv2
import numpy as np
import pytest

from tests.video.ai.clips import background
from tests.video.ai.conftest import add_resident
from tests.video.ai.real_faces import photo
from video.ai.config import AiConfigError, parse
from video.ai.consent import Consent
from video.ai.face_quality import (
    MOUTH_BELOW_EYES,
    NOSE_BELOW_EYES,
    NOSE_DEPTH,
    FaceQualitySettings,
    head_pose,
    worth_recognising,
)
from video.ai.models import AiModels
from video.ai.mtcnn import MtcnnFaceDetector, MtcnnSettings
from video.ai.service import InferenceService
from video.ai.types import Box

SETTINGS = FaceQualitySettings()
CONSENT = Consent(date(2026, 11, 2), "书面签字")


def projected(yaw: float, pitch: float, roll: float, eye_px: float = 60.0) -> tuple:
    """The mean face's five points seen with this head pose (degrees), as the detector would give them."""
    points = np.array(
        [
            (-0.5, 0.0, 0.0),
            (0.5, 0.0, 0.0),
            (0.0, NOSE_BELOW_EYES, NOSE_DEPTH),
            (-0.4, MOUTH_BELOW_EYES, 0.0),
            (0.4, MOUTH_BELOW_EYES, 0.0),
        ]
    )
    y, p, r = (math.radians(a) for a in (yaw, pitch, roll))
    turn = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    nod = np.array([[1, 0, 0], [0, math.cos(p), math.sin(p)], [0, -math.sin(p), math.cos(p)]])
    tilt = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    seen = points @ (tilt @ nod @ turn).T  # the depth axis points at the camera: dropped in projection
    return tuple((300 + eye_px * x, 200 + eye_px * y) for x, y, _ in seen)


@pytest.mark.parametrize("yaw,pitch,roll", [(0, 0, 0), (30, 0, 0), (-45, 0, 0), (0, 25, 0), (0, -30, 40)])
def test_the_pose_estimate_recovers_a_known_pose_of_the_mean_face(yaw, pitch, roll):
    pose = head_pose(projected(yaw, pitch, roll))
    assert pose.yaw == pytest.approx(yaw, abs=3)
    assert pose.pitch == pytest.approx(pitch, abs=3)
    assert pose.roll == pytest.approx(roll, abs=3)


def test_a_turned_or_nodding_face_is_skipped_and_a_tilted_frontal_one_is_not():
    box = Box(250, 150, 350, 270)
    assert worth_recognising(box, projected(0, 0, 0), SETTINGS)
    assert worth_recognising(box, projected(0, 0, 45), SETTINGS)  # alignment turns a tilt upright
    assert not worth_recognising(box, projected(50, 0, 0), SETTINGS)
    assert not worth_recognising(box, projected(-50, 0, 0), SETTINGS)
    assert not worth_recognising(box, projected(0, 45, 0), SETTINGS)
    assert not worth_recognising(box, projected(0, -45, 0), SETTINGS)
    assert not worth_recognising(Box(250, 150, 280, 186), projected(0, 0, 0, eye_px=15), SETTINGS)
    assert not worth_recognising(box, (), SETTINGS)


@pytest.fixture(scope="module")
def faces(mtcnn):
    def biggest(image):
        return max(mtcnn.detect(image), key=lambda d: d.box.area)

    return biggest


def test_on_real_photos_frontal_faces_pass_and_the_turned_cameraman_does_not(faces):
    for name in ("obama.jpg", "obama2.jpg", "biden.jpg", "astronaut"):
        face = faces(photo(name))
        assert worth_recognising(face.box, face.landmarks, SETTINGS), name
        mirrored = faces(cv2.flip(photo(name), 1))
        assert worth_recognising(mirrored.box, mirrored.landmarks, SETTINGS), name
    cameraman = faces(photo("cameraman"))  # looking into his camera, his face turned well aside
    assert abs(head_pose(cameraman.landmarks).yaw) > 45
    assert not worth_recognising(cameraman.box, cameraman.landmarks, SETTINGS)


def test_a_real_face_rotated_in_the_picture_still_passes_and_a_tiny_one_does_not(faces, sessions):
    image = photo("obama.jpg")
    face = faces(image)
    rotated = cv2.warpAffine(
        image,
        cv2.getRotationMatrix2D(face.box.centre, 40, 1.0),
        image.shape[1::-1],
        borderMode=cv2.BORDER_REPLICATE,
    )
    tilted = faces(rotated)
    assert abs(head_pose(tilted.landmarks).roll) > 30
    assert worth_recognising(tilted.box, tilted.landmarks, SETTINGS)
    small = cv2.resize(
        image, None, fx=26 / face.box.width, fy=26 / face.box.width, interpolation=cv2.INTER_AREA
    )
    far_detector = MtcnnFaceDetector(MtcnnSettings(min_face_size=20), sessions)
    tiny = max(far_detector.detect(small), key=lambda d: d.box.area)
    assert tiny.box.width < SETTINGS.min_face_px
    assert not worth_recognising(tiny.box, tiny.landmarks, SETTINGS)
    assert worth_recognising(tiny.box, tiny.landmarks, replace(SETTINGS, min_face_px=24))


def test_face_quality_is_a_site_setting_within_bounds():
    config = parse({"face_quality": {"min_face_px": 48, "max_yaw_deg": 25, "max_pitch_deg": 20}})
    assert config.face_quality == FaceQualitySettings(48, 25.0, 20.0)
    for key, value in (("min_face_px", 8), ("max_yaw_deg", 80), ("max_pitch_deg", 5)):
        with pytest.raises(AiConfigError, match=f"face_quality] {key}"):
            parse({"face_quality": {key: value}})
    with pytest.raises(AiConfigError, match="unknown key"):
        parse({"face_quality": {"max_roll_deg": 30}})


def test_a_track_is_embedded_until_decided_then_only_re_checked(
    ai_config, sessions, sqlite_db, gallery, mtcnn, recogniser
):
    """A frontal face crossing for 6 s at 5 fps: min_faces embeddings, then one per recheck_s."""
    gallery.enrol(photo("astronaut"), CONSENT, mtcnn, recogniser, resident_id=add_resident(sqlite_db))
    config = replace(ai_config, tracking=replace(ai_config.tracking, min_faces=2, recheck_s=2.0))
    service = InferenceService(
        config, AiModels.load(config, sessions, strict=True), gallery=gallery, workers=1
    )
    service.add_camera(17)
    scene, image = background(), photo("astronaut")
    for k in range(30):
        frame = scene.copy()
        x = 20 + 15 * k
        frame[60:260, x : x + 170] = image[20:220, 140:310]
        result = service.process(17, frame, 1000.0 + k / 5)
        assert [t.kind for t in result.tracks] == ["face"]
    stats = service.pipeline(17).stats
    assert stats.frames_analysed == 30 and stats.faces_skipped == 0
    # decided after 2 faces 0.2 s apart, then re-checked 2 s and 4 s later: not 8 faces in a row
    assert stats.faces_embedded == 4
    service.close()
