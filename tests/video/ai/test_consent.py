"""Consent is a structured record checked part by part; being watched is its own audited step."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

import main
from app.config import Seat
from app.events import EventHub
from app.models import AuditEntry
from tests.video.ai.clips import astronaut, cameraman
from tests.video.ai.conftest import add_resident
from video.ai.consent import Consent, ConsentError, ConsentForm, check_consent
from video.ai.gallery import EnrolmentError, FaceGallery
from video.ai.records import FaceConsent, FaceSubject
from video.ai.watchlist import WatchlistError, add_to_watchlist, remove_from_watchlist

TODAY = date(2026, 12, 7)
SIGNED = Consent(date(2026, 11, 2), "书面签字 编号 031", "小区门禁人脸比对", "本人", "李红梅")


def test_a_complete_consent_is_kept_with_its_form():
    checked = check_consent(SIGNED, TODAY)
    assert checked.form == ConsentForm.WRITTEN and checked.scope == "小区门禁人脸比对"
    assert check_consent(Consent(TODAY, " 口头 "), TODAY).form == ConsentForm.ORAL
    assert check_consent(Consent(TODAY, "electronic"), TODAY).form == ConsentForm.ELECTRONIC


@pytest.mark.parametrize(
    ("consent", "message"),
    [
        (Consent(date(2026, 11, 2), "x"), "书面、口头 或 电子"),
        (Consent(date(2099, 1, 1), "书面"), "晚于今天"),
        (Consent(date(1999, 12, 31), "书面"), "早于"),
        (Consent(date(2026, 11, 2), "书面", scope=" "), "同意范围"),
        (Consent(date(2026, 11, 2), "书面", given_by=""), "同意人"),
    ],
)
def test_a_consent_with_a_bad_part_is_refused_saying_which(consent, message):
    with pytest.raises(ConsentError, match=message):
        check_consent(consent, TODAY)


def test_the_gallery_refuses_a_bad_consent_and_stores_a_good_one_whole(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db)
    for bad in (Consent(date(2026, 11, 2), "x"), Consent(date(2099, 1, 1), "书面签字")):
        with pytest.raises(EnrolmentError, match="同意记录有误"):
            gallery.enrol(astronaut(), bad, mtcnn, recogniser, resident_id=resident)
    gallery.enrol(astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident)
    with sqlite_db.session() as session:
        row = session.scalars(select(FaceConsent)).one()
        assert (row.form, row.scope, row.given_by, row.recorded_by, row.given_on) == (
            "written",
            "小区门禁人脸比对",
            "本人",
            "李红梅",
            date(2026, 11, 2),
        )


def test_enrolment_never_puts_a_resident_on_the_watch_list(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db)
    with pytest.raises(EnrolmentError, match="ai watchlist add"):
        gallery.enrol(astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident, list_name="watchlist")
    subject = gallery.enrol(astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident)
    add_to_watchlist(sqlite_db, Seat("duty", "seat-1"), resident, "派出所协查")
    gallery.enrol(astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident)  # a second template
    with sqlite_db.session() as session:
        assert session.get(FaceSubject, subject).list_name == "watchlist"  # kept, not reset by enrolling


def test_a_watch_list_entry_without_a_resident_needs_a_reason(gallery, mtcnn, recogniser):
    with pytest.raises(EnrolmentError, match="理由"):
        gallery.enrol(cameraman(), SIGNED, mtcnn, recogniser, list_name="watchlist", label="A-17")


def test_watch_list_moves_are_audited_with_their_reason_and_reload_galleries(
    db, seat_folder, mtcnn, recogniser
):
    hub = EventHub()
    gallery = FaceGallery.of_site(db, Seat("tester", "host"), seat_folder, hub=hub)
    hub.subscribe("face_gallery", lambda change: gallery.reload())
    resident = add_resident(db)
    subject = gallery.enrol(astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident)
    vector = recogniser.embed(astronaut(), mtcnn.detect(astronaut())[0].landmarks)
    seat = Seat("duty", "seat-1")
    with pytest.raises(WatchlistError, match="理由"):
        add_to_watchlist(db, seat, resident, " ")
    with pytest.raises(WatchlistError, match="没有录入人脸"):
        add_to_watchlist(db, seat, add_resident(db, "赵四"), "派出所协查")
    assert add_to_watchlist(db, seat, resident, "派出所协查", hub) == subject
    assert gallery.match(vector, recogniser.model_tag).list_name == "watchlist"
    with pytest.raises(WatchlistError, match="已在"):
        add_to_watchlist(db, seat, resident, "派出所协查")
    remove_from_watchlist(db, seat, resident, "协查结束", hub)
    assert gallery.match(vector, recogniser.model_tag).list_name == "resident"
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("face.watchlist%")).order_by(AuditEntry.id)
        ).all()
    assert [(e.action, e.actor, json.loads(e.detail)["reason"]) for e in entries] == [
        ("face.watchlist_add", "duty", "派出所协查"),
        ("face.watchlist_remove", "duty", "协查结束"),
    ]


def run(db, *argv: str) -> int:
    return main.main(["ai", *argv, "--db", db.url])


def test_the_command_refuses_bad_consent_before_loading_anything(sqlite_db, tmp_path, capsys, cli_user):
    cli_user(sqlite_db.url)  # signed in with manage_faces: what is refused is the consent
    photo = str(tmp_path / "none.jpg")  # never read: the consent is refused first
    assert run(sqlite_db, "enrol", "--person", "1", photo, "--consent", "x") != 0
    assert "书面、口头 或 电子" in capsys.readouterr().err
    assert (
        run(sqlite_db, "enrol", "--person", "1", photo, "--consent", "书面", "--consent-date", "2099-01-01")
        != 0
    )
    assert "晚于今天" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # enrolment has no list to choose any more
        run(sqlite_db, "enrol", "--person", "1", photo, "--consent", "书面", "--list", "watchlist")


def test_the_watchlist_command_needs_a_reason_and_records_it(
    db, seat_folder, mtcnn, recogniser, capsys, cli_user
):
    cli_user(db.url)  # signed in with manage_faces: what is refused is the missing or short reason
    resident = add_resident(db)
    FaceGallery.of_site(db, Seat("tester", "host"), seat_folder).enrol(
        astronaut(), SIGNED, mtcnn, recogniser, resident_id=resident
    )
    with pytest.raises(SystemExit):
        run(db, "watchlist", "add", str(resident))
    assert run(db, "watchlist", "add", str(resident), "--reason", "x") != 0
    assert "理由" in capsys.readouterr().err
    assert run(db, "watchlist", "add", str(resident), "--reason", "派出所协查") == 0
    with db.session() as session:
        assert session.scalars(select(FaceSubject.list_name)).one() == "watchlist"
        detail = session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "face.watchlist_add")
        ).one()
    assert json.loads(detail)["reason"] == "派出所协查"


def test_the_migration_reads_the_form_of_older_consents_from_their_text(tmp_path):
    from alembic import command
    from sqlalchemy import text

    from app.store import Database

    db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
    command.upgrade(db._alembic_config(), "0005a_zone_rule")
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO face_subjects (id, list_name, label, note, created_at, created_by)"
                " VALUES (1, 'watchlist', 'A', '', '2026-01-01', 'x')"
            )
        )
        for number, method in enumerate(("书面签字", "口头同意并录音", "线上确认", "x"), start=1):
            session.execute(
                text(
                    "INSERT INTO face_consents (id, subject_id, given_on, method, recorded_at, recorded_by)"
                    " VALUES (:id, 1, '2026-01-01', :method, '2026-01-01', 'x')"
                ),
                {"id": number, "method": method},
            )
    db.upgrade()
    with db.session() as session:
        rows = session.execute(
            text("SELECT method, form, scope, given_by FROM face_consents ORDER BY id")
        ).all()
    db.dispose()
    assert [(method, form) for method, form, _, _ in rows] == [
        ("书面签字", "written"),
        ("口头同意并录音", "oral"),
        ("线上确认", "electronic"),
        ("x", None),  # an old consent is never made to say more than it did
    ]
    assert {(scope, given_by) for _, _, scope, given_by in rows} == {("本站点摄像机人脸比对", "本人")}
