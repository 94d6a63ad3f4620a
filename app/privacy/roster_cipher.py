"""ID numbers and health notes at rest: sealed (AES-256-GCM), found by a keyed hash (HMAC-SHA256).

A resident row holds, instead of the ID number, `id_sealed` (the number encrypted), `id_hash` (an HMAC
of it: unique, so a number is on the site at most once, and an exact search compares hashes) and
`id_masked` (410102********1234, what lists show and what a search by the last digits matches); the
health note is `health_sealed`. Both keys derive from the site secret (`app/privacy/site_secret.py`),
so a copy of the database alone cannot read a number, nor test guesses against the hashes (an ID
number has few enough possible values that a plain hash would be reversed by trying them all).

Phones stay in clear: the office searches them by any part, and they are masked on every output.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from app.config import data_dir
from app.models import Resident
from app.privacy.site_secret import SiteSecret, load_site_secret
from app.roster.masking import mask_id

NONCE_BYTES = 12
ID_NUMBER = "id_number"
HEALTH_NOTE = "health_note"


class SealedDataError(Exception):
    """A sealed value that does not open with this site's key (altered, or from another site)."""


class RosterCipher:
    """Seals, opens and hashes a site's residents' ID numbers and health notes."""

    def __init__(self, secret: SiteSecret) -> None:
        self._aead = AESGCM(secret.key_for("roster-seal"))
        self._index_key = secret.key_for("roster-index")

    @classmethod
    def of_site(cls, session: Session, folder: Path | None = None) -> RosterCipher:
        """The cipher of `session`'s site, with the secret this seat holds (SiteSecretError if none)."""
        return cls(load_site_secret(session, folder or data_dir()))

    def id_hash(self, number: str) -> str:
        return hmac.new(self._index_key, number.strip().upper().encode(), hashlib.sha256).hexdigest()

    def id_columns(self, number: str | None) -> dict[str, object]:
        """The resident columns that stand for `number` (all None for none)."""
        if not number:
            return {"id_sealed": None, "id_hash": None, "id_masked": None}
        number = number.strip().upper()
        return {
            "id_sealed": self.seal(number, ID_NUMBER),
            "id_hash": self.id_hash(number),
            "id_masked": mask_id(number),
        }

    def health_columns(self, note: str | None) -> dict[str, object]:
        return {"health_sealed": self.seal(note, HEALTH_NOTE) if note else None}

    def seal(self, text: str, field: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, text.encode(), field.encode())

    def open(self, sealed: bytes | None, field: str) -> str | None:
        if sealed is None:
            return None
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], field.encode()).decode()
        except InvalidTag as error:
            raise SealedDataError(
                f"{field} 无法用本站点密钥解密 ({field} does not open with this site's key)"
            ) from error

    def id_number(self, resident: Resident) -> str | None:
        """The resident's ID number in full (for a reveal or a full export only)."""
        return self.open(resident.id_sealed, ID_NUMBER)

    def health_note(self, resident: Resident) -> str | None:
        return self.open(resident.health_sealed, HEALTH_NOTE)
