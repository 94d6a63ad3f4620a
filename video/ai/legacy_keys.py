"""Galleries made before the face keys moved to the site: their templates are re-encrypted once.

Those templates were encrypted with one key file per seat (`face_key.bin` in the data folder). The
seat that holds that file re-encrypts each such template under a new key of its subject (and so under
the site secret), in one transaction; other seats read them from then on. A seat without the old file
leaves them alone; the gallery counts them as unreadable until the seat that made them opens it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import select

from app.store import Database
from video.ai.crypto import legacy_cipher
from video.ai.records import FaceSubjectKey, FaceTemplate
from video.ai.subject_keys import SubjectKeys

log = logging.getLogger(__name__)


def adopt_seat_key(db: Database, keys: SubjectKeys, key_file: Path) -> int:
    """Re-encrypt the templates whose subject has no key yet with `key_file`; returns how many."""
    old = legacy_cipher(key_file)
    if old is None:
        return 0
    with db.session() as session:
        keyed = select(FaceSubjectKey.subject_id)
        templates = session.scalars(select(FaceTemplate).where(FaceTemplate.subject_id.not_in(keyed))).all()
        for template in templates:
            new = keys.cipher(session, template.subject_id, create=True)
            plain = old.decrypt(template.ciphertext, template.subject_id)
            template.ciphertext = new.encrypt(plain, template.subject_id)
            if template.photo_ciphertext is not None:
                photo = old.decrypt(template.photo_ciphertext, template.subject_id)
                template.photo_ciphertext = new.encrypt(photo, template.subject_id)
    if templates:
        log.info("re-encrypted %d face templates under the site's keys (from %s)", len(templates), key_file)
    return len(templates)
