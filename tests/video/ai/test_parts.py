"""The smaller parts on their own: motion gate, regions, tracker and label votes, YOLO decoding, config."""

from __future__ import annotations

import numpy as np
import pytest

from tests.video.ai.clips import astronaut, background
from tests.video.ai.onnx_models import yolo_model
from video.ai.config import AiConfigError, DetectorChoice, parse
from video.ai.models import AiModels
from video.ai.motion import MotionGate, MotionSettings, detection_regions
from video.ai.registry import create_detector
from video.ai.runtime import ModelLoadError, SessionCache, pool_size
from video.ai.tracker import FaceVote, IouTracker, Track, TrackingSettings
from video.ai.types import Box, Detection, Identity
from video.ai.yolo import YoloPersonDetector, YoloSettings, letterbox


def test_motion_gate_sees_what_moved_and_ignores_a_still_scene_and_a_flash():
    gate = MotionGate(MotionSettings())
    scene = background()
    assert gate.update(scene) == []  # learns the background
    assert gate.update(scene) == []
    moved = scene.copy()
    moved[100:200, 300:380] = 255
    boxes = gate.update(moved)
    assert len(boxes) == 1
    box = boxes[0]
    assert box.x1 <= 300 and box.x2 >= 380 and box.y1 <= 100 and box.y2 >= 200 and box.area < 3 * 80 * 100
    assert MotionGate(MotionSettings()).update(scene) == []
    flash = MotionGate(MotionSettings())
    flash.update(scene)
    assert flash.update(np.full_like(scene, 255)) == []  # the whole picture changed: light, not motion


def test_regions_grow_merge_and_stay_in_the_frame():
    settings = MotionSettings(region_margin=0.5, min_region=96)
    regions = detection_regions(
        [Box(10, 10, 20, 20), Box(40, 40, 50, 50), Box(500, 300, 640, 360)], 640, 360, settings
    )
    assert len(regions) == 2
    assert all(0 <= r.x1 < r.x2 <= 640 and 0 <= r.y1 < r.y2 <= 360 for r in regions)
    assert any(r.width >= 48 and r.x1 == 0 for r in regions)


def face(x: float, score: float = 0.99) -> Detection:
    return Detection("face", Box(x, 100, x + 50, 160), score)


def test_tracker_follows_a_walker_and_ends_tracks_it_no_longer_finds():
    tracker = IouTracker(TrackingSettings(max_lost_s=1.0))
    for k in range(10):
        tracker.update([face(100 + 30 * k)], k * 0.2, None)  # 30 px per look on a 50 px face
    assert list(tracker.tracks) == [1]
    tracker.update([face(600)], 2.0, None)  # far away: someone else
    assert sorted(tracker.tracks) == [1, 2]
    tracker.update([face(600)], 3.5, None)
    assert list(tracker.tracks) == [2]


def test_tracks_outside_the_searched_regions_are_kept():
    tracker = IouTracker(TrackingSettings(max_lost_s=1.0))
    tracker.update([face(100)], 0.0, None)
    tracker.update([], 5.0, [Box(400, 0, 640, 360)])  # the detector looked elsewhere
    assert list(tracker.tracks) == [1]
    tracker.update([], 6.0, [Box(0, 0, 300, 360)])
    assert tracker.tracks == {}


def test_identity_needs_min_faces_and_a_majority():
    settings = TrackingSettings(min_faces=3, majority=0.6)
    track = Track(1, "face", Box(0, 0, 10, 10), 0, 0, 1.0)
    track.votes = [FaceVote(7, "resident", 0.9), FaceVote(7, "resident", 0.8)]
    assert track.identity(settings, 0.5)[0] is Identity.PENDING
    track.votes.append(FaceVote(None, None, 0.0))
    assert track.identity(settings, 0.5)[:2] == (Identity.RESIDENT, 7)
    track.votes.append(FaceVote(7, "resident", 0.3))  # below the match threshold: counts as nobody
    assert track.identity(settings, 0.5)[0] is Identity.STRANGER
    track.votes = [FaceVote(9, "watchlist", 0.7)] * 3
    assert track.identity(settings, 0.5)[:2] == (Identity.WATCHLIST, 9)


def test_yolo_boxes_come_back_to_frame_coordinates(tmp_path, sessions):
    # one person box in the letterboxed 320x320 input: a 640x360 frame is scaled by 0.5 and padded 70 px
    rows = np.array(
        [[160.0, 160.0, 40.0, 100.0, 0.9], [162.0, 161.0, 40.0, 100.0, 0.8], [40.0, 100.0, 10.0, 10.0, 0.1]]
    )
    path = yolo_model(tmp_path / "yolo.onnx", rows)
    detector = YoloPersonDetector(YoloSettings(str(path)), sessions)
    assert detector.size == 320
    frame = background()
    found = detector.detect(frame)
    assert len(found) == 1  # the overlapping second box is suppressed, the weak third dropped
    box = found[0].box
    _, lb = letterbox(frame, 320)
    assert (lb.scale, lb.pad_y) == (0.5, 70)
    assert box.as_int() == (280, 80, 360, 280)
    strict = YoloPersonDetector(YoloSettings(str(path), score_threshold=0.95), sessions)
    assert strict.detect(frame) == []


def test_config_is_strict_and_detectors_come_from_the_registry(sessions):
    with pytest.raises(AiConfigError, match="unknown key"):
        parse({"motion": {"treshold": 20}})
    with pytest.raises(AiConfigError, match="should be"):
        parse({"detect_fps": "fast"})
    with pytest.raises(ModelLoadError, match="unknown face detector"):
        create_detector(DetectorChoice("yolo"), "face", sessions)
    with pytest.raises(AiConfigError, match="unknown key"):
        create_detector(DetectorChoice("mtcnn", {"min_size": 20}), "face", sessions)
    with pytest.raises(ModelLoadError, match="YuNet"):
        create_detector(DetectorChoice("yunet", {"model": "/nowhere.onnx"}), "face", sessions)
    detector = create_detector(
        DetectorChoice("mtcnn", {"min_face_size": 60, "thresholds": [0.7, 0.8, 0.8]}), "face", sessions
    )
    assert detector.settings.min_face_size == 60 and detector.settings.thresholds == (0.7, 0.8, 0.8)
    assert len(detector.detect(astronaut())) == 1


def test_models_report_what_failed_and_share_sessions(model_dir):
    sessions = SessionCache()
    config = parse(
        {
            "person_detector": {"type": "hog"},
            "recogniser": {"model": str(model_dir / "test_sface.onnx")},
            "mask": {"model": str(model_dir / "missing.onnx")},
        }
    )
    models = AiModels.load(config, sessions)
    loaded = {s.job.split()[-1]: s.loaded for s in models.status}
    assert models.face is not None and models.recogniser is not None and models.mask is None
    assert loaded["mask"] is False
    AiModels.load(config, sessions)
    assert len(sessions) == 4  # pnet, rnet, onet and the recogniser, opened once for both loads
    with pytest.raises(ModelLoadError):
        AiModels.load(config, sessions, strict=True)


def test_pool_leaves_a_core_for_decoding_and_the_ui():
    assert pool_size(1) == 1 and pool_size(2) == 1 and pool_size(4) == 3 and pool_size(32) == 4


def test_a_settings_file_can_no_longer_grant_names_by_role():
    with pytest.raises(AiConfigError, match="name_roles"):
        parse({"name_roles": ["member"]})


def test_hog_people_detector_is_always_there_as_the_fallback():
    """pyproject keeps OpenCV below 5, which removed HOG: the fallback must load without any model file."""
    detector = create_detector(DetectorChoice("hog", {}), "person", SessionCache())
    empty_street = np.full((360, 640, 3), 128, np.uint8)
    assert detector.detect(empty_street) == []
