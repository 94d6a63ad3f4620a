"""A watch-list face raises its alarm on the first confident look, not after the track's majority."""

from __future__ import annotations

from datetime import date

import cv2

from app.events import EventHub
from tests.video.ai.clips import background
from tests.video.ai.conftest import add_camera
from tests.video.ai.real_faces import photo
from video.ai.config import AiConfig, parse
from video.ai.consent import Consent
from video.ai.events import AiEventRecorder, recent_events
from video.ai.models import AiModels
from video.ai.recognition import RecogniserSettings
from video.ai.service import InferenceService
from video.ai.tracker import FaceVote, Track, TrackingSettings
from video.ai.types import Box, Identity

SETTINGS = TrackingSettings(min_faces=3, majority=0.6)


def identity(votes: list[FaceVote], confident: float | None = 0.95) -> tuple:
    track = Track(1, "face", Box(0, 0, 60, 60), 0.0, 0.0, 1.0)
    track.votes = votes
    return track.identity(SETTINGS, 0.93, confident)[:2]


def test_one_confident_watch_list_face_decides_a_track_and_nothing_weaker_does():
    assert identity([FaceVote(9, "watchlist", 0.96)]) == (Identity.WATCHLIST, 9)
    assert identity([FaceVote(9, "watchlist", 0.94)]) == (Identity.PENDING, None)  # a match, not a sure one
    assert identity([FaceVote(9, "watchlist", 0.99)], confident=None) == (Identity.PENDING, None)
    # the closest face so far is a resident: the watch-list face does not jump the queue
    assert identity([FaceVote(4, "resident", 0.97), FaceVote(9, "watchlist", 0.96)]) == (
        Identity.PENDING,
        None,
    )
    assert identity([FaceVote(4, "resident", 0.97)]) == (Identity.PENDING, None)  # residents wait
    # from min_faces on, the majority decides again: two faces of nobody outvote the early hit
    assert identity([FaceVote(9, "watchlist", 0.96)] + [FaceVote(None, None, 0.0)] * 2) == (
        Identity.STRANGER,
        None,
    )


def test_the_confident_level_is_calibrated_for_dlib_only_and_never_below_the_match_threshold():
    assert RecogniserSettings().confident_threshold() == 0.95
    assert RecogniserSettings(match_threshold=0.97).confident_threshold() == 0.97
    assert RecogniserSettings(type="sface", model="x.onnx").confident_threshold() is None
    assert parse({"tracking": {"recheck_s": 3.0}}).tracking.recheck_s == 3.0


def test_a_real_watch_list_face_is_an_urgent_event_on_its_first_frame(sqlite_db, sessions, gallery, mtcnn):
    """dlib's real weights: enrolled from one photo, seen mirrored crossing a street at 5 fps."""
    config = AiConfig()
    models = AiModels.load(config, sessions, strict=True)
    add_camera(sqlite_db, 17)
    gallery.enrol(
        photo("biden.jpg"),
        Consent(date(2026, 11, 3), "公安机关通知书"),
        models.face,
        models.recogniser,
        list_name="watchlist",
        label="重点人员 A",
        note="公安机关协查通知",
    )
    hub = EventHub()
    heard = []
    hub.subscribe("ai_event", heard.append)
    service = InferenceService(
        config, models, gallery=gallery, recorder=AiEventRecorder(sqlite_db, hub, config.events), workers=1
    )
    service.add_camera(17)
    face = max(mtcnn.detect(photo("biden.jpg")), key=lambda d: d.box.area)
    x1, y1, x2, y2 = face.box.as_int()
    pad = (x2 - x1) // 2
    head = cv2.flip(photo("biden.jpg")[y1 - pad : y2 + pad, x1 - pad : x2 + pad], 1)
    head = cv2.resize(head, None, fx=0.3, fy=0.3, interpolation=cv2.INTER_AREA)  # a ~90-pixel face
    scene = background()
    for k in range(3):
        frame = scene.copy()
        x = 100 + 40 * k
        frame[80 : 80 + head.shape[0], x : x + head.shape[1]] = head
        result = service.process(17, frame, 1000.0 + k / 5)
        if k == 0:
            assert [t.identity for t in result.tracks] == [Identity.WATCHLIST]
            assert len(heard) == 1 and service.pipeline(17).stats.faces_embedded == 1
    (event,) = [e for e in recent_events(sqlite_db) if e.kind != "no_mask"]
    assert event.kind == "watchlist_hit" and event.urgent and event.score >= 0.95
    assert len(heard) == 1  # once per track
    service.close()
