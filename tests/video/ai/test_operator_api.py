"""What the operator's AI screens rely on: zone rules, editing and deletion, the face rule, change notices,
the event list's pages, and a running site following edits made elsewhere."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.calendar import SITE_ZONE_DEFAULT
from app.config import Seat
from app.context import SiteContext
from app.events import Change, EventHub, ZoneChanged
from app.models import AuditEntry
from tests.video.ai.clips import astronaut
from tests.video.ai.conftest import add_camera, add_resident
from video.ai import zones as zone_store
from video.ai.config import EventSettings
from video.ai.consent import Consent
from video.ai.event_list import EventFilter, count_events, event_page, event_pictures
from video.ai.events import EventRules
from video.ai.gallery import EnrolmentError, choose_face
from video.ai.records import AiEvent, FaceConsent
from video.ai.site import open_ai
from video.ai.tracker import Track
from video.ai.types import Box, Detection, Identity
from video.ai.zones import Zone, ZoneError, camera_zones, delete_zone, save_zone, update_zone

SEAT = Seat("值班员甲", "seat-a")


def _at(hour: int) -> float:
    return datetime(2026, 11, 27, hour, 0, 0, tzinfo=SITE_ZONE_DEFAULT).timestamp()  # the site's hour


def test_night_zone_counts_only_at_night():
    rules = EventRules(EventSettings(zone_min_s=0.0), mask_alert=False)
    everywhere = [((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))]
    zones = [Zone("仓库", everywhere[0], "night"), Zone("配电房", everywhere[0], "forbidden")]
    noon = Track(1, "person", Box(100, 100, 200, 300), _at(12), _at(12), 0.9)
    found = rules.check(17, noon, (Identity.PENDING, None, 0.0), zones, (640, 360), _at(12))
    assert [d.zone for d in found] == ["配电房"]
    night = Track(2, "person", Box(100, 100, 200, 300), _at(23), _at(23), 0.9)
    found = rules.check(17, night, (Identity.PENDING, None, 0.0), zones, (640, 360), _at(23))
    assert sorted(d.zone for d in found) == ["仓库", "配电房"]


def test_zones_round_trip_with_their_rule_and_are_deleted(db):
    add_camera(db, 17)
    corners = ((0.1, 0.2), (0.6, 0.2), (0.5, 0.9))
    zone_id = save_zone(db, 17, Zone("后门", corners, "night"), SEAT)
    assert camera_zones(db, 17) == [(zone_id, Zone("后门", corners, "night"))]
    for bad in (
        Zone("两点", ((0.1, 0.1), (0.2, 0.2))),
        Zone("出界", ((0.1, 0.1), (1.2, 0.2), (0.5, 0.5))),
        Zone("规则", corners, "sometimes"),
        Zone(" ", corners),
    ):
        with pytest.raises(ZoneError):
            save_zone(db, 17, bad, SEAT)
        with pytest.raises(ZoneError):
            update_zone(db, zone_id, bad, SEAT)
    assert camera_zones(db, 17) == [(zone_id, Zone("后门", corners, "night"))]  # refused edits change nothing
    moved = ((0.1, 0.2), (0.7, 0.25), (0.6, 0.9), (0.2, 0.8))
    assert update_zone(db, zone_id, Zone(" 后门通道 ", moved, "forbidden"), SEAT)
    assert camera_zones(db, 17) == [(zone_id, Zone("后门通道", moved, "forbidden"))]
    assert delete_zone(db, zone_id, SEAT) and not delete_zone(db, zone_id, SEAT)
    assert not update_zone(db, zone_id, Zone("后门", corners), SEAT)  # gone: nothing to edit, nothing made
    assert zone_store.load_zones(db, 17) == []
    with db.session() as session:  # each edit, who made it, and what the zone was before
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "ai_zone").order_by(AuditEntry.id)
        ).all()
        assert [e.action for e in entries] == ["ai_zone.add", "ai_zone.update", "ai_zone.delete"]
        assert {e.actor for e in entries} == {SEAT.operator}
        changed = json.loads(entries[1].detail)
        assert changed["before"]["name"] == "后门" and changed["name"] == "后门通道"
        assert json.loads(entries[2].detail)["points"] == [list(p) for p in moved]


class RecordingHub(EventHub):
    """A hub that keeps every change it is asked to publish, and what the store held at that moment."""

    def __init__(self, db) -> None:
        super().__init__()
        self.db = db
        self.published: list[tuple[Change, list[str]]] = []

    def publish(self, change: Change) -> None:
        names = [zone.name for _, zone in camera_zones(self.db, change.ids[0])]
        self.published.append((change, names))
        super().publish(change)


def test_zone_edits_are_announced_once_stored_on_the_hub_they_are_given(db):
    add_camera(db, 17)
    hub = RecordingHub(db)
    corners = ((0.1, 0.2), (0.6, 0.2), (0.5, 0.9))
    zone_id = save_zone(db, 17, Zone("后门", corners), SEAT, hub=hub)
    with pytest.raises(ZoneError):
        update_zone(db, zone_id, Zone("两点", corners[:2]), SEAT, hub=hub)
    assert update_zone(db, zone_id, Zone("后门通道", corners, "night"), SEAT, hub=hub)
    assert delete_zone(db, zone_id, SEAT, hub=hub)
    assert not delete_zone(db, zone_id, SEAT, hub=hub)  # already gone: nothing changed, nothing said
    assert not update_zone(db, zone_id, Zone("后门", corners), SEAT, hub=hub)
    save_zone(db, 17, Zone("无人听", corners), SEAT)  # no hub given (the command line): stored all the same
    assert [(c.topic, c.ids, c.payload, names) for c, names in hub.published] == [
        (zone_store.TOPIC, (17,), ZoneChanged("add"), ["后门"]),
        (zone_store.TOPIC, (17,), ZoneChanged("update"), ["后门通道"]),
        (zone_store.TOPIC, (17,), ZoneChanged("delete"), []),
    ]


def test_choose_face_keeps_one_clear_face():
    def face(x: float, size: float) -> Detection:
        return Detection("face", Box(x, 0, x + size, size), 0.99, ((x + 1, 1),) * 5)

    assert choose_face([face(0, 40), face(100, 100)]).box.x1 == 100  # a small face behind does not count
    with pytest.raises(EnrolmentError, match="未找到人脸"):
        choose_face([Detection("face", Box(0, 0, 50, 50), 0.9)])  # no landmarks: not usable
    with pytest.raises(EnrolmentError, match="2 张人脸"):
        choose_face([face(0, 90), face(100, 100)])


def test_enrolment_records_who_took_the_consent_and_announces_changes(
    sqlite_db, seat_folder, mtcnn, recogniser
):
    from app.config import Seat
    from video.ai.gallery import FaceGallery

    hub = EventHub()
    heard: list[Change] = []
    hub.subscribe("face_gallery", heard.append)
    gallery = FaceGallery.of_site(sqlite_db, Seat("值班员", "host"), seat_folder, hub=hub)
    subject = gallery.enrol(
        astronaut(),
        Consent(date(2026, 11, 2), "口头同意并录音", recorded_by="李红梅"),
        mtcnn,
        recogniser,
        list_name="watchlist",
        label="A-17",
        note="公安机关通知",
    )
    (summary,) = gallery.subjects()
    assert (summary.consent_recorded_by, summary.note, summary.label) == ("李红梅", "公安机关通知", "A-17")
    with sqlite_db.session() as session:
        assert session.scalars(select(FaceConsent.recorded_by)).all() == ["李红梅"]
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "face.enrol")).one()
        assert audit.actor == "值班员"
    gallery.forget(subject)
    assert [(c.ids, c.payload.action) for c in heard] == [((subject,), "enrol"), ((subject,), "forget")]


def test_event_pages_filter_and_never_load_pictures(db):
    add_camera(db, 17)
    add_camera(db, 18)
    start = datetime(2026, 11, 27, 8, 0)
    with db.session() as session:
        for k in range(25):
            session.add(
                AiEvent(
                    camera_id=17 if k % 2 else 18,
                    kind="watchlist_hit" if k % 5 == 0 else "stranger",
                    urgent=k % 5 == 0,
                    at=start + timedelta(minutes=k),
                    track_id=k,
                    snapshot=b"\xff\xd8snap" if k == 24 else None,
                )
            )
    first = event_page(db, EventFilter(), limit=10)
    assert [r.at.minute for r in first] == list(range(24, 14, -1))
    second = event_page(db, EventFilter(), before=(first[-1].at, first[-1].event_id), limit=10)
    assert [r.at.minute for r in second] == list(range(14, 4, -1))
    assert first[0].has_snapshot and not first[1].has_snapshot
    assert event_pictures(db, first[0].event_id) == (b"\xff\xd8snap", None)
    urgent = EventFilter(urgent_only=True, camera_id=18)
    assert count_events(db, urgent) == 3  # minutes 0, 10, 20 are on camera 18
    assert {r.kind for r in event_page(db, urgent)} == {"watchlist_hit"}
    window = EventFilter(
        kind="stranger", since=start + timedelta(minutes=3), until=start + timedelta(minutes=7)
    )
    assert [r.at.minute for r in event_page(db, window)] == [6, 4, 3]


def test_running_site_follows_gallery_and_zone_edits(sqlite_db, tmp_path, model_dir, mtcnn, recogniser):
    """Another seat enrols (its notice relayed here) and a zone is drawn: the running AI follows."""
    from app.config import Seat
    from video.ai.gallery import FaceGallery

    config = tmp_path / "ai.toml"
    config.write_text(f'[recogniser]\nmodel = "{model_dir / "test_sface.onnx"}"\n', encoding="utf-8")
    context = SiteContext(sqlite_db)
    add_camera(sqlite_db, 17)
    site = open_ai(context, names_visible=False, config_path=config, secret_folder=tmp_path / "seat")
    try:
        site.service.add_camera(17)
        site._feeds[17] = lambda: None  # watched, without a capture worker
        other_seat = FaceGallery(sqlite_db, site.gallery.keys, Seat(), hub=context.hub)
        other_seat.enrol(
            astronaut(),
            Consent(date(2026, 11, 2), "书面签字"),
            mtcnn,
            recogniser,
            resident_id=add_resident(sqlite_db),
        )
        assert len(site.gallery) == 1
        save_zone(sqlite_db, 17, Zone("门口", ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0))), SEAT, hub=context.hub)
        assert [z.name for z in site.service.pipeline(17).zones] == ["门口"]
    finally:
        site.close()
