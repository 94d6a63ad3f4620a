"""One key per face subject, wrapped with the site's face key, so forgetting a person destroys a key.

Why per subject: deleting rows does not remove their bytes. PostgreSQL keeps a deleted row on disk
until VACUUM reuses the space (and a copy in the WAL until a checkpoint recycles it); SQLite keeps it
in a free page. A template encrypted under a key shared by the whole gallery would stay decryptable
from those leftovers. Here each subject's templates and photo are encrypted under its own random key;
`destroy` deletes that key and scrubs the small key table (VACUUM FULL on PostgreSQL, which rewrites
it into a new file; secure_delete and a WAL checkpoint on SQLite), so the leftover ciphertext
cannot be decrypted with anything the site still holds (crypto-shredding).

The wrapping key comes from the site secret (`app/privacy/site_secret.py`): every seat that holds
the secret reads the same gallery; a copy of the database without it reads nothing.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, delete, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.privacy.site_secret import SiteSecretError, load_site_secret
from app.store import Database
from video.ai.crypto import NONCE_BYTES, TemplateCipher, TemplateKeyError
from video.ai.records import FaceSubjectKey

PURPOSE = "face-subject-keys"
SCRUB_WAIT_S = 30.0  # how long `forget` waits for older transactions (any database) to end
SCRUB_LOCK_TIMEOUT_MS = 500

log = logging.getLogger(__name__)


class SubjectKeys:
    """Creates, unwraps and destroys the subjects' keys with the site's face wrapping key."""

    def __init__(self, wrapping_key: bytes) -> None:
        self._aead = AESGCM(wrapping_key)

    @classmethod
    def of_site(cls, db: Database, folder: Path, *, create: bool = True) -> SubjectKeys:
        """The keys of `db`'s site, with the secret this seat holds in `folder` (or the environment)."""
        try:
            with db.session() as session:
                secret = load_site_secret(session, folder, create=create)
        except SiteSecretError as error:
            raise TemplateKeyError(str(error)) from error
        return cls(secret.key_for(PURPOSE))

    def cipher(self, session: Session, subject_id: int, *, create: bool = False) -> TemplateCipher:
        """The subject's cipher; a new key is made (in `session`'s transaction) when `create` is set."""
        row = session.get(FaceSubjectKey, subject_id)
        if row is None:
            if not create:
                raise TemplateKeyError(f"人脸数据的密钥已销毁 the key of subject {subject_id} is gone")
            key = AESGCM.generate_key(bit_length=256)
            session.add(FaceSubjectKey(subject_id=subject_id, wrapped=self._wrap(key, subject_id)))
            session.flush()
            return TemplateCipher(key)
        return TemplateCipher(self._unwrap(row.wrapped, subject_id))

    def ciphers(self, session: Session) -> dict[int, TemplateCipher]:
        """Every subject's cipher, for loading the whole gallery in one query."""
        rows = session.execute(select(FaceSubjectKey.subject_id, FaceSubjectKey.wrapped)).all()
        return {sid: TemplateCipher(self._unwrap(wrapped, sid)) for sid, wrapped in rows}

    def destroy(self, session: Session, subject_id: int) -> None:
        """Delete the subject's key in `session`'s transaction; call `scrub` once it has committed."""
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("PRAGMA secure_delete=ON"))  # this connection zeroes what it deletes
        session.execute(delete(FaceSubjectKey).where(FaceSubjectKey.subject_id == subject_id))

    def _wrap(self, key: bytes, subject_id: int) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, key, _context(subject_id))

    def _unwrap(self, wrapped: bytes, subject_id: int) -> bytes:
        try:
            return self._aead.decrypt(wrapped[:NONCE_BYTES], wrapped[NONCE_BYTES:], _context(subject_id))
        except InvalidTag as error:
            raise TemplateKeyError(
                f"人脸密钥无法用站点密钥解开 the key of subject {subject_id} does not open with the site secret"
            ) from error


def scrub(db: Database, *, wait_s: float = SCRUB_WAIT_S) -> bool:
    """Remove destroyed keys' bytes from the live database files, after the deleting commit; False
    when an open transaction elsewhere could still see them after `wait_s` (they then leave the file
    at the table's next vacuum)."""
    if db.is_sqlite:
        with db.engine.connect() as connection:  # the WAL still holds the page as it was: fold it in
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return True
    deadline = time.monotonic() + wait_s
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # A seat idle in a transaction must not hold the lock queue (and every gallery) for long.
        connection.exec_driver_sql(f"SET lock_timeout = '{SCRUB_LOCK_TIMEOUT_MS}ms'")
        try:
            deleted_before = int(connection.scalar(text("SELECT pg_current_xact_id()::xid::text")))
            while not _vacuumed(connection, deleted_before):
                if time.monotonic() >= deadline:
                    log.warning(
                        "a destroyed face key is still held by an open transaction: it leaves at the next vacuum"
                    )
                    return False
                time.sleep(0.1)
        finally:
            connection.exec_driver_sql("RESET lock_timeout")  # the connection goes back to the pool
    return True


def _vacuumed(connection: Connection, deleted_before: int) -> bool:
    """Rewrite the key table without its deleted rows; False while a transaction or snapshot from
    before `deleted_before` (in any database: CREATE DATABASE and the like hold the server-wide
    horizon) could still see them, since VACUUM FULL copies such "recently dead" rows along, or while
    another transaction holds the table."""
    older = connection.scalar(
        text(
            "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND ("
            " (backend_xmin IS NOT NULL AND age(backend_xmin) >= age(CAST(CAST(:xid AS text) AS xid)))"
            " OR (backend_xid IS NOT NULL AND age(backend_xid) >= age(CAST(CAST(:xid AS text) AS xid))))"
        ),
        {"xid": deleted_before},
    )
    if older:
        return False
    try:
        connection.exec_driver_sql(f"VACUUM FULL {FaceSubjectKey.__tablename__}")
    except OperationalError:  # lock_timeout: another transaction holds the table
        return False
    return True


def _context(subject_id: int) -> bytes:
    return f"face-subject-key:{subject_id}".encode()
