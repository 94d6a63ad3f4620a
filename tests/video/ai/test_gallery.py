"""Gallery rules: consent first, encrypted templates, no raw photo by default, complete audited deletion."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select

from app.config import Seat
from app.events import EventHub
from app.models import AuditEntry
from tests.video.ai.clips import astronaut, background, cameraman, paste
from tests.video.ai.conftest import add_resident
from video.ai.config import EventSettings
from video.ai.consent import Consent
from video.ai.crypto import TemplateKeyError
from video.ai.events import AiEventRecorder, EventDraft
from video.ai.gallery import EnrolmentError, FaceGallery
from video.ai.records import AiEvent, FaceConsent, FaceSubject, FaceTemplate

CONSENT = Consent(date(2026, 11, 2), "书面签字 signed form")


def test_enrolment_without_consent_is_refused(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db)
    for consent in (None, Consent(date(2026, 11, 2), "  ")):
        with pytest.raises(EnrolmentError, match="同意"):
            gallery.enrol(astronaut(), consent, mtcnn, recogniser, resident_id=resident)
    with sqlite_db.session() as session:
        assert session.scalars(select(FaceTemplate)).all() == []


def test_photo_without_a_face_is_refused(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db)
    with pytest.raises(EnrolmentError, match="未找到人脸"):
        gallery.enrol(background(), CONSENT, mtcnn, recogniser, resident_id=resident)


def test_enrolled_face_is_recognised_and_another_face_is_not(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db)
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=resident)
    threshold = recogniser.match_threshold

    scene = paste(background(), astronaut(), (140, 20, 310, 220), (380, 60), 0.6)
    (face,) = mtcnn.detect(scene)
    same = gallery.match(recogniser.embed(scene, face.landmarks), recogniser.model_tag)
    assert same.subject_id == subject and same.list_name == "resident" and same.score >= threshold

    other = cameraman()
    (face,) = mtcnn.detect(other)
    stranger = gallery.match(recogniser.embed(other, face.landmarks), recogniser.model_tag)
    assert stranger.score < threshold


def test_templates_are_encrypted_under_the_subjects_key_and_the_site_secret(
    mtcnn, recogniser, sqlite_db, seat_folder, tmp_path, monkeypatch
):
    monkeypatch.delenv("GCC_SITE_SECRET")  # the seat keeps the secret in its data folder
    gallery = FaceGallery.of_site(sqlite_db, Seat("tester", "test-host"), seat_folder)
    resident = add_resident(sqlite_db)
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=resident)
    (face,) = mtcnn.detect(astronaut())
    plain = recogniser.embed(astronaut(), face.landmarks).astype(np.float32).tobytes()
    with sqlite_db.session() as session:
        template = session.scalars(select(FaceTemplate)).one()
        assert template.photo_ciphertext is None  # no raw image kept by default
        assert plain[:64] not in template.ciphertext
        blob = template.ciphertext
        own = gallery.keys.cipher(session, subject)
    with pytest.raises(TemplateKeyError):  # bound to its subject: cannot be moved to another person
        own.decrypt(blob, subject + 1)
    (secret_file,) = (seat_folder / "site_secrets").iterdir()
    assert secret_file.stat().st_mode & 0o077 == 0
    with pytest.raises(TemplateKeyError, match="site_secrets"):  # a copy of the database alone reads nothing
        FaceGallery.of_site(sqlite_db, Seat("thief", "elsewhere"), tmp_path / "elsewhere")
    monkeypatch.setenv("GCC_SITE_SECRET", "A" * 43 + "=")  # some other site's secret
    with pytest.raises(TemplateKeyError, match="不符"):
        FaceGallery.of_site(sqlite_db, Seat("thief", "elsewhere"), tmp_path / "elsewhere")


def test_raw_photo_is_kept_encrypted_only_when_switched_on(sqlite_db, seat_folder, mtcnn, recogniser):
    gallery = FaceGallery.of_site(sqlite_db, Seat("tester", "host"), seat_folder, keep_raw_images=True)
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(sqlite_db))
    with sqlite_db.session() as session:
        photo = session.scalars(select(FaceTemplate.photo_ciphertext)).one()
        cipher = gallery.keys.cipher(session, subject)
    assert cipher.decrypt(photo, subject)[:2] == b"\xff\xd8"  # a JPEG once decrypted


def test_forget_deletes_all_face_data_and_is_audited(db, tmp_path, mtcnn, recogniser):
    gallery = FaceGallery.of_site(db, Seat("tester", "host"), tmp_path / "seat", keep_raw_images=True)
    resident = add_resident(db)
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=resident)
    recorder = AiEventRecorder(db, EventHub(), EventSettings())
    face = astronaut()[20:220, 140:310]
    recorder.record(EventDraft("zone", 17, 1, subject_id=subject, zone="门口"), astronaut(), face)
    assert len(gallery) == 1

    removed = gallery.forget(subject)

    assert removed == {"templates": 1, "photos": 1, "consents": 1, "event_images": 1}
    assert len(gallery) == 0
    with db.session() as session:
        for table in (FaceSubject, FaceTemplate, FaceConsent):
            assert session.scalars(select(table)).all() == []
        event = session.scalars(select(AiEvent)).one()
        assert event.face_crop is None and event.snapshot is None and event.subject_id is None
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "face.forget")).one()
        assert audit.entity_id == subject and json.loads(audit.detail)["templates"] == 1
    with pytest.raises(EnrolmentError):
        gallery.forget(subject)


def test_watchlist_entry_and_names(gallery, mtcnn, recogniser, sqlite_db):
    resident = add_resident(sqlite_db, "李建国")
    resident_subject = gallery.enrol(cameraman(), CONSENT, mtcnn, recogniser, resident_id=resident)
    watch = gallery.enrol(
        astronaut(),
        Consent(date(2026, 11, 3), "公安机关通知书 2026-17"),
        mtcnn,
        recogniser,
        list_name="watchlist",
        label="重点人员 A",
        note="公安机关协查通知 2026-17",
    )
    assert gallery.names([resident_subject, watch]) == {resident_subject: "李建国", watch: "重点人员 A"}
    assert (
        gallery.match(
            recogniser.embed(astronaut(), mtcnn.detect(astronaut())[0].landmarks), recogniser.model_tag
        ).list_name
        == "watchlist"
    )
