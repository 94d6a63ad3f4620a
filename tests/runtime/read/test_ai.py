"""The AI dock's reader: plain values from the store, in the order and with the privacy the views rely on."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date, datetime, timedelta

import pytest

from app.config import Seat
from app.context import SiteContext
from app.models import Camera
from runtime.read.ai import AiReads, EventFilter, Zone
from runtime.reads import ReadModels
from tests.video.ai.conftest import add_camera, add_resident
from video.ai.records import AiEvent, FaceConsent, FaceSubject, FaceTemplate
from video.ai.zones import save_zone

NOON = datetime(2026, 11, 27, 4, 0)  # naive UTC, as the store keeps it


def _event(db, camera_id: int | None, at: datetime, **fields) -> int:
    with db.session() as session:
        event = AiEvent(camera_id=camera_id, kind="stranger", at=at, track_id=1, **fields)
        session.add(event)
        session.flush()
        return event.id


def _subject(db, *, resident_id: int | None = None, label: str = "", consents=(), templates: int = 0) -> int:
    list_name = "resident" if resident_id is not None else "watchlist"
    with db.session() as session:
        subject = FaceSubject(list_name=list_name, resident_id=resident_id, label=label, note="")
        session.add(subject)
        session.flush()
        for given_on, method in consents:
            session.add(
                FaceConsent(subject_id=subject.id, given_on=given_on, method=method, recorded_by="李红梅")
            )
        for _ in range(templates):
            session.add(FaceTemplate(subject_id=subject.id, model="m.onnx", dimensions=4, ciphertext=b"x"))
        return subject.id


@pytest.fixture
def reads(sqlite_db) -> AiReads:
    return ReadModels(SiteContext(sqlite_db)).ai


def test_the_site_keeps_one_ai_reader():
    models = ReadModels(SiteContext(db=None))  # built on first use: no store is touched here
    assert models.ai is models.ai


def test_events_come_newest_first_in_pages_with_names_only_where_visible(sqlite_db, reads):
    resident = add_resident(sqlite_db, "王秀英")
    subject = _subject(sqlite_db, resident_id=resident)
    older = _event(sqlite_db, 17, NOON - timedelta(minutes=5))
    newer = _event(sqlite_db, 17, NOON, subject_id=subject, snapshot=b"jpeg-frame", face_crop=b"jpeg-face")
    everything = EventFilter()
    assert reads.count_events(everything) == 2
    first = reads.event_page(everything, limit=1, names_visible=True)
    assert [(row.event_id, row.who, row.camera_name, row.has_snapshot) for row in first] == [
        (newer, "王秀英", "摄像头17", True)
    ]
    rest = reads.event_page(everything, before=(first[0].at, first[0].event_id), limit=1)
    assert [row.event_id for row in rest] == [older]
    assert reads.event_page(everything)[0].who == ""  # a seat without the right sees no resident's name
    with pytest.raises(FrozenInstanceError):
        first[0].who = "changed"  # type: ignore[misc]
    assert reads.event_pictures(newer) == (b"jpeg-frame", b"jpeg-face")
    assert reads.event_pictures(older) == (None, None)
    assert reads.event_pictures(999_999) == (None, None)  # gone (forgotten, or another seat's purge)


def test_the_event_filter_offers_ai_cameras_and_cameras_with_events(sqlite_db, reads):
    add_camera(sqlite_db, 17)
    add_camera(sqlite_db, 18)
    add_camera(sqlite_db, 19)
    with sqlite_db.session() as session:
        session.get(Camera, 17).ai_enabled = True
        session.get(Camera, 18).ai_enabled = False  # no AI, but it had events once
        session.get(Camera, 19).ai_enabled = False  # no AI and never an event: not offered
    _event(sqlite_db, 18, NOON)
    assert [camera_id for camera_id, _name in reads.event_cameras()] == [17, 18]


def test_live_pictures_offer_ai_cameras_first_then_by_name(sqlite_db, reads):
    for camera_id, name, ai in ((17, "南门", False), (18, "北门", True), (19, "车库", True)):
        add_camera(sqlite_db, camera_id)
        with sqlite_db.session() as session:
            camera = session.get(Camera, camera_id)
            camera.name, camera.ai_enabled = name, ai
    assert [(camera.id, camera.ai_enabled) for camera in reads.cameras()] == [
        (18, True),
        (19, True),
        (17, False),
    ]
    assert reads.camera_name(19) == "车库" and reads.camera_name(404) is None


def test_a_cameras_zones_in_the_order_they_were_drawn(sqlite_db, reads):
    add_camera(sqlite_db, 17)
    add_camera(sqlite_db, 18)
    corners = ((0.1, 0.1), (0.9, 0.1), (0.5, 0.9))
    first = save_zone(sqlite_db, 17, Zone("门口", corners), Seat())
    save_zone(sqlite_db, 18, Zone("别处", corners), Seat())
    second = save_zone(sqlite_db, 17, Zone("后院", corners, "night"), Seat())
    assert reads.camera_zones(17) == [
        (first, Zone("门口", corners)),
        (second, Zone("后院", corners, "night")),
    ]
    assert reads.camera_zones(404) == []


def test_the_gallery_by_subject_with_its_latest_consent_and_names_on_request(sqlite_db, reads):
    resident = add_resident(sqlite_db, "王秀英")
    consents = ((date(2026, 1, 5), "书面签字"), (date(2026, 11, 2), "线上确认"))
    enrolled = _subject(sqlite_db, resident_id=resident, consents=consents, templates=2)
    watched = _subject(sqlite_db, label="A-17", templates=1)
    subjects = reads.gallery_subjects()
    assert [(s.subject_id, s.list_name, s.label, s.templates) for s in subjects] == [
        (enrolled, "resident", "", 2),
        (watched, "watchlist", "A-17", 1),
    ]
    assert (subjects[0].consent_on, subjects[0].consent_method) == (date(2026, 11, 2), "线上确认")
    assert [s.subject_id for s in reads.gallery_subjects("watchlist")] == [watched]
    assert reads.subject_names([enrolled, watched]) == {enrolled: "王秀英", watched: "A-17"}
    assert reads.subject_names([]) == {}
    assert reads.resident_subject(resident) == enrolled
    assert reads.resident_subject(add_resident(sqlite_db, "刘强")) is None
