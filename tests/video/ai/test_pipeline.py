"""One camera's pipeline end to end: gating, rate, tracking, labels per track, events with evidence."""

from __future__ import annotations

import threading
from datetime import date, datetime

from sqlalchemy import select

from app.calendar import SITE_ZONE_DEFAULT
from app.events import EventHub
from tests.video.ai.clips import (
    ASTRONAUT_HEAD,
    astronaut,
    background,
    cameraman,
    empty_clip,
    face_clip,
    paste,
)
from tests.video.ai.conftest import add_camera, add_resident
from tests.video.ai.real_faces import photo
from video.ai.consent import Consent
from video.ai.events import AiEventRecorder, recent_events
from video.ai.models import AiModels
from video.ai.records import AiEvent
from video.ai.service import InferenceService
from video.ai.types import Identity, MaskState
from video.ai.zones import Zone

CONSENT = Consent(date(2026, 11, 2), "书面签字")


def day(hour: int = 12) -> float:
    return datetime(2026, 11, 27, hour, 0, 0, tzinfo=SITE_ZONE_DEFAULT).timestamp()  # the site's hour


def walk(service, camera_id, frames, start, fps=5.0):
    results = []
    for k, clip_frame in enumerate(frames):
        result = service.process(camera_id, clip_frame.image, start + k / fps)
        if result is not None:
            results.append(result)
    return results


def test_still_scene_costs_no_detector_calls_and_a_moving_face_is_one_track(ai_config, sessions):
    service = InferenceService(ai_config, AiModels.load(ai_config, sessions, strict=True), workers=1)
    service.add_camera(17)
    still = background()
    for k in range(30):
        service.process(17, still, day() + k / 15)
    stats = service.pipeline(17).stats
    assert stats.frames_analysed == 10  # 15 fps offered, 5 fps analysed
    assert stats.detector_calls == 1  # one look at the whole picture at start, then nothing moves

    results = walk(service, 17, face_clip(30), day() + 2.0, fps=15)
    boxed = [r for r in results if any(t.kind == "face" for t in r.tracks)]
    assert len(boxed) >= len(results) - 1
    face_tracks = {t.track_id for r in results for t in r.tracks if t.kind == "face"}
    assert len(face_tracks) == 1
    assert all(r.detector_ran for r in results)
    service.close()


def test_gating_off_runs_the_detector_on_every_analysed_frame(ai_config, sessions):
    from dataclasses import replace

    config = replace(ai_config, motion=replace(ai_config.motion, enabled=False))
    service = InferenceService(config, AiModels.load(config, sessions, strict=True), workers=1)
    service.add_camera(17)
    walk(service, 17, empty_clip(15), day(), fps=15)
    stats = service.pipeline(17).stats
    assert stats.frames_analysed == 5 and stats.detector_calls == 5
    service.close()


def test_resident_is_labelled_with_name_only_when_visible_and_stranger_at_night_is_an_event(
    ai_config, sessions, sqlite_db, gallery, mtcnn, recogniser
):
    gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(sqlite_db, "王秀英"))
    hub = EventHub()
    heard = []
    hub.subscribe("ai_event", heard.append)
    recorder = AiEventRecorder(sqlite_db, hub, ai_config.events)
    models = AiModels.load(ai_config, sessions, strict=True)
    for visible in (True, False):
        service = InferenceService(
            ai_config, models, gallery=gallery, recorder=recorder, names_visible=visible
        )
        service.add_camera(17)
        results = walk(service, 17, face_clip(15), day(12))
        last = [t for t in results[-1].tracks if t.kind == "face"][0]
        assert last.identity is Identity.RESIDENT
        assert last.name == ("王秀英" if visible else None)
        service.close()
    assert heard == []  # a resident by day is no event

    service = InferenceService(ai_config, models, gallery=gallery, recorder=recorder)
    service.add_camera(17)
    scene = background()
    # a frontal face (the cameraman's, turned away, is never recognised: see test_face_quality.py)
    frames = [paste(scene, photo("obama.jpg"), (300, 20, 680, 480), (200 + 6 * k, 80), 0.22) for k in range(15)]
    labels = []
    for k, frame in enumerate(frames):
        result = service.process(17, frame, day(23) + k / 5)
        labels += [t.identity for t in result.tracks if t.kind == "face"]
    assert labels[-1] is Identity.STRANGER
    (event,) = [e for e in recent_events(sqlite_db) if e.kind != "no_mask"]  # unmasked faces are counted too
    assert event.kind == "stranger" and not event.urgent
    assert event.snapshot[:2] == b"\xff\xd8" and event.face_crop[:2] == b"\xff\xd8"
    assert [c.topic for c in heard] == ["ai_event"] and heard[0].ids == (event.id,)
    service.close()


def test_watchlist_hit_is_urgent_once_per_track(ai_config, sessions, sqlite_db, gallery, mtcnn, recogniser):
    add_camera(sqlite_db, 17)
    gallery.enrol(
        astronaut(),
        Consent(date(2026, 11, 3), "公安机关通知书"),
        mtcnn,
        recogniser,
        list_name="watchlist",
        label="重点人员 A",
        note="公安机关协查通知",
    )
    recorder = AiEventRecorder(sqlite_db, EventHub(), ai_config.events)
    service = InferenceService(
        ai_config, AiModels.load(ai_config, sessions, strict=True), gallery=gallery, recorder=recorder
    )
    service.add_camera(17)
    results = walk(service, 17, face_clip(24), day(10))
    assert [t.identity for t in results[-1].tracks if t.kind == "face"] == [Identity.WATCHLIST]
    with sqlite_db.session() as session:
        events = session.scalars(select(AiEvent).where(AiEvent.kind != "no_mask")).all()
        assert [(e.kind, e.urgent) for e in events] == [("watchlist_hit", True)]
        assert events[0].subject_id is not None and events[0].score >= 0.6
    service.close()


def test_person_in_a_zone_and_mask_state(ai_config, sessions, sqlite_db):
    from dataclasses import replace

    config = replace(ai_config, person_detector=replace(ai_config.person_detector, type="from_faces"))
    add_camera(sqlite_db, 17)
    add_camera(sqlite_db, 18)
    hub = EventHub()
    heard = []
    hub.subscribe("ai_event", heard.append)
    recorder = AiEventRecorder(sqlite_db, hub, config.events)
    service = InferenceService(config, AiModels.load(config, sessions, strict=True), recorder=recorder)
    right_half = Zone("禁入区", ((0.5, 0.0), (1.0, 0.0), (1.0, 1.0), (0.5, 1.0)))
    service.add_camera(17, zones=[right_half])
    masked = astronaut().copy()
    masked[125:175, 185:265] = (235, 200, 150)  # a light-blue surgical mask over mouth and nose (BGR)
    scene = background()
    results = []
    for k in range(20):
        frame = paste(scene, masked, ASTRONAUT_HEAD, (40 + 25 * k, 80), 0.55)
        results.append(service.process(17, frame, day(11) + k / 5))
    faces = [t for t in results[-1].tracks if t.kind == "face"]
    persons = [t for t in results[-1].tracks if t.kind == "person"]
    assert faces[0].mask is MaskState.MASK and persons and persons[0].in_zones == ("禁入区",)
    assert [e.kind for e in recent_events(sqlite_db)] == ["zone"]  # one event for the track; masked
    assert service.pipeline(17).stats.no_mask_tracks == 0

    bare = paste(scene, astronaut(), ASTRONAUT_HEAD, (100, 80), 0.55)
    service.add_camera(18)
    for k in range(6):
        service.process(18, bare, day(11) + 10 + k / 5)
    assert service.pipeline(18).stats.no_mask_tracks == 1
    counted = [e for e in recent_events(sqlite_db) if e.kind == "no_mask"]
    assert len(counted) == 1 and counted[0].snapshot is None and counted[0].face_crop is None
    assert [c.payload.kind for c in heard] == ["zone"]  # counted only: no alert without mask.alert
    service.close()


def test_no_mask_alert_when_switched_on(ai_config, sessions, sqlite_db):
    from dataclasses import replace

    config = replace(ai_config, mask=replace(ai_config.mask, alert=True))
    add_camera(sqlite_db, 18)
    hub = EventHub()
    heard = []
    hub.subscribe("ai_event", heard.append)
    service = InferenceService(
        config,
        AiModels.load(config, sessions, strict=True),
        recorder=AiEventRecorder(sqlite_db, hub, config.events),
    )
    service.add_camera(18)
    bare = paste(background(), astronaut(), ASTRONAUT_HEAD, (100, 80), 0.55)
    for k in range(6):
        service.process(18, bare, day(11) + k / 5)
    (event,) = recent_events(sqlite_db)
    assert event.kind == "no_mask" and event.snapshot is not None and event.face_crop is not None
    assert [c.payload.kind for c in heard] == ["no_mask"]
    service.close()


def test_submit_keeps_only_the_newest_frame_and_reaches_listeners(ai_config, sessions):
    service = InferenceService(ai_config, AiModels.load(ai_config, sessions, strict=True), workers=2)
    service.add_camera(17)
    service.add_camera(18)
    frames = [f.image for f in face_clip(9)]
    last = day() + (len(frames) - 1) / 5
    finished = {17: threading.Event(), 18: threading.Event()}
    seen: list = []

    def listener(result):
        seen.append(result)
        if result.timestamp == last:
            finished[result.camera_id].set()

    service.add_listener(listener)
    for k, frame in enumerate(frames):  # offered faster than analysed: older waiting frames are dropped
        assert service.submit(17, frame, day() + k / 5)
        assert service.submit(18, frame, day() + k / 5)
    assert not service.submit(99, frames[0], day())  # unknown camera
    assert not service.submit(17, frames[0], last)  # not due again at the same time
    assert finished[17].wait(30) and finished[18].wait(30)
    service.close()
    for camera in (17, 18):
        stamps = [r.timestamp for r in seen if r.camera_id == camera]
        assert stamps == sorted(stamps) and stamps[-1] == last and len(stamps) < len(frames)


def test_with_nobody_enrolled_for_the_model_faces_stay_faces_and_raise_nothing(
    ai_config, sessions, sqlite_db, gallery, mtcnn, recogniser
):
    """An empty gallery, or one whose templates are all from another model (after a model change),
    cannot tell anybody from a stranger: no stranger labels, no stranger events, no embedding."""
    recorder = AiEventRecorder(sqlite_db, EventHub(), ai_config.events)
    models = AiModels.load(ai_config, sessions, strict=True)
    service = InferenceService(ai_config, models, gallery=gallery, recorder=recorder)
    service.add_camera(17)
    results = walk(service, 17, face_clip(15), day(23))  # at night a stranger is an event at once
    assert {t.identity for r in results for t in r.tracks if t.kind == "face"} == {Identity.FACE}
    assert [e for e in recent_events(sqlite_db) if e.kind != "no_mask"] == []
    assert service.pipeline(17).stats.faces_embedded == 0
    service.close()

    gallery.enrol(cameraman(), CONSENT, mtcnn, recogniser, resident_id=add_resident(sqlite_db))
    assert gallery.holds(recogniser.model_tag) and not gallery.holds("another_model@000000000000")
