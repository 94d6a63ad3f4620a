"""The face keys belong to the site: every seat holding the site secret reads one gallery, and
forgetting a person destroys their key, so what the store still holds of them stays sealed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.config import Seat
from tests.video.ai.clips import astronaut, cameraman
from tests.video.ai.conftest import add_resident
from video.ai.consent import Consent
from video.ai.crypto import TemplateCipher, TemplateKeyError
from video.ai.gallery import FaceGallery
from video.ai.records import FaceSubjectKey, FaceTemplate
from video.ai.subject_keys import scrub

CONSENT = Consent(date(2026, 11, 2), "书面签字")
SETTLE_S = 120.0  # other test runs' CREATE/DROP DATABASE hold the server-wide horizon for a while
ROOT = Path(__file__).resolve().parents[3]
SEAT_B = """
import sys
from app.config import Seat, data_dir
from app.store import Database
from video.ai.crypto import TemplateCipher, TemplateKeyError
from video.ai.gallery import FaceGallery

try:
    gallery = FaceGallery.of_site(Database(sys.argv[1]), Seat("seat-b", "b"), data_dir())
    gallery.reload()
except TemplateKeyError as error:
    print(error, file=sys.stderr)
    sys.exit(3)
print(len(gallery), gallery.unreadable)
"""


def seat_b(db, folder: Path, **env: str) -> subprocess.CompletedProcess:
    """A second seat of the site: its own process and its own data folder."""
    environment = {k: v for k, v in os.environ.items() if k != "GCC_SITE_SECRET"} | {
        "GCC_DATA_DIR": str(folder)
    }
    return subprocess.run(
        [sys.executable, "-c", SEAT_B, db.url],
        cwd=ROOT,
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.pg
def test_two_seats_of_a_postgresql_site_share_one_gallery(pg_db, tmp_path, mtcnn, recogniser, monkeypatch):
    monkeypatch.delenv("GCC_SITE_SECRET")  # each seat keeps the secret in its own data folder
    first = tmp_path / "seat-a"
    gallery = FaceGallery.of_site(pg_db, Seat("seat-a", "a"), first)
    gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(pg_db))
    (secret,) = (first / "site_secrets").iterdir()
    second = tmp_path / "seat-b"

    refused = seat_b(pg_db, second)
    assert refused.returncode == 3 and f"site_secrets/{secret.name}" in refused.stderr
    assert not (second / "site_secrets").exists()  # it never mints a key of its own

    (second / "site_secrets").mkdir(parents=True)
    shutil.copy(secret, second / "site_secrets" / secret.name)  # the documented step
    shared = seat_b(pg_db, second)
    assert shared.returncode == 0, shared.stderr
    assert shared.stdout.split() == ["1", "0"]  # the one template, decrypted
    assert os.listdir(second / "site_secrets") == [secret.name]

    by_variable = seat_b(pg_db, tmp_path / "seat-c", GCC_SITE_SECRET=secret.read_text().strip())
    assert by_variable.returncode == 0 and by_variable.stdout.split() == ["1", "0"]


def _stored_bytes(db) -> bytes:
    """What the database's files hold on disk for the key table (SQLite: the file and its WAL)."""
    if db.is_sqlite:
        path = Path(db.engine.url.database)
        wal = path.with_name(path.name + "-wal")
        return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("CHECKPOINT")  # the pages as they are, on disk
        folder = connection.scalar(text("SHOW data_directory"))
        relation = connection.scalar(text("SELECT pg_relation_filepath('face_subject_keys')"))
    path = Path(folder) / relation
    if not os.access(path, os.R_OK):
        pytest.skip(f"the PostgreSQL data files are not readable here ({path})")
    return path.read_bytes()


def test_forget_destroys_the_key_so_recovered_ciphertext_stays_sealed(db, tmp_path, mtcnn, recogniser):
    gallery = FaceGallery.of_site(db, Seat("tester", "host"), tmp_path / "seat", keep_raw_images=True)
    forgotten = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(db))
    kept = gallery.enrol(cameraman(), CONSENT, mtcnn, recogniser, resident_id=add_resident(db, "李建国"))
    with db.session() as session:
        recovered = session.scalars(
            select(FaceTemplate.ciphertext).where(FaceTemplate.subject_id == forgotten)
        ).one()
        wrapped = session.get(FaceSubjectKey, forgotten).wrapped
    scrub(db)
    assert wrapped in _stored_bytes(db)  # the check below can see a key on disk

    gallery.forget(forgotten)
    if db.is_sqlite:  # forget scrubs by itself; on PostgreSQL too unless the server stays busy past its wait
        assert wrapped not in _stored_bytes(db)
    assert scrub(db, wait_s=SETTLE_S)

    with db.session() as session:
        assert session.get(FaceSubjectKey, forgotten) is None
        with pytest.raises(TemplateKeyError, match="销毁"):
            gallery.keys.cipher(session, forgotten)
        remaining = gallery.keys.ciphers(session)
    assert set(remaining) == {kept}
    for cipher in remaining.values():  # nothing the site still holds opens the recovered bytes
        with pytest.raises(TemplateKeyError):
            cipher.decrypt(recovered, forgotten)
    assert wrapped not in _stored_bytes(db)  # the key's bytes are gone from the files, not just unlinked
    assert len(gallery) == 1


def test_an_older_gallery_is_re_encrypted_by_the_seat_that_holds_its_key_file(
    sqlite_db, tmp_path, mtcnn, recogniser
):
    folder = tmp_path / "seat"
    gallery = FaceGallery.of_site(sqlite_db, Seat("tester", "host"), folder)
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(sqlite_db))
    old_key = os.urandom(32)
    with sqlite_db.session() as session:  # as the gallery was before: one key file per seat, no subject key
        template = session.scalars(select(FaceTemplate)).one()
        plain = gallery.keys.cipher(session, subject).decrypt(template.ciphertext, subject)
        template.ciphertext = TemplateCipher(old_key).encrypt(plain, subject)
        session.delete(session.get(FaceSubjectKey, subject))

    without_the_file = FaceGallery.of_site(sqlite_db, Seat("tester", "host"), folder)
    without_the_file.reload()  # reads what it can, says what it cannot
    assert (len(without_the_file), without_the_file.unreadable) == (0, 1)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "face_key.bin").write_bytes(old_key)
    adopted = FaceGallery.of_site(sqlite_db, Seat("tester", "host"), folder)
    adopted.reload()
    assert (len(adopted), adopted.unreadable) == (1, 0)
    with sqlite_db.session() as session:
        assert session.get(FaceSubjectKey, subject) is not None


@pytest.mark.pg
def test_a_seat_idle_in_a_transaction_delays_the_scrub_without_hanging_forget(
    pg_db, tmp_path, mtcnn, recogniser
):
    gallery = FaceGallery.of_site(pg_db, Seat("tester", "host"), tmp_path / "seat")
    subject = gallery.enrol(astronaut(), CONSENT, mtcnn, recogniser, resident_id=add_resident(pg_db))
    with pg_db.session() as session:
        wrapped = session.get(FaceSubjectKey, subject).wrapped
    with pg_db.engine.connect() as other_seat:  # reads the key table, then sits in its transaction
        other_seat.execute(select(FaceSubjectKey.subject_id)).all()
        with pg_db.session() as session:
            gallery.keys.destroy(session, subject)
        assert scrub(pg_db, wait_s=1.0) is False  # refused by the lock, gave up in time
        other_seat.rollback()
    assert scrub(pg_db, wait_s=SETTLE_S) is True
    assert wrapped not in _stored_bytes(pg_db)
