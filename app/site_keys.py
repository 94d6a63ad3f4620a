"""Camera passwords sealed at rest: AES-256-GCM with a key every seat of the site can read.

Where the key lives: every process that plays a camera (each window, `serve`, the AI) needs the clear
password to open its stream, so the key must reach exactly the processes that reach the site's
database. A key file per seat would leave a second seat unable to play any camera it did not seal
itself. (Keys that protect personal data are different: they are wrapped with the site secret, which
is kept outside the database, `app/privacy/site_secret.py`.) The key is therefore a row of its own table
(`site_keys`), created on first use. It keeps passwords out of everything that shows or carries a
camera row (the site workbook, `export-site`, logs, command output, a copy of the `cameras` table,
a support screenshot of a query); it does not protect against someone holding a full copy of the
database, who can play the cameras anyway. Each password is bound to its camera's id (associated
data), so a sealed password cannot be moved to another camera unnoticed. The MQTT broker logins of
Zigbee2MQTT dongles are sealed the same way, with a key of their own.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from app.models import SiteKey

CAMERA_KEY_NAME = "camera_password"
NONCE_BYTES = 12


class SealError(Exception):
    """A sealed password that does not open with the site's key (altered, or moved between cameras)."""


class _SealedPasswords:
    """Seals and opens one kind of password with its own site key, each bound to its owner's id."""

    KEY_NAME = ""
    CONTEXT = ""
    OWNER = ""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    @classmethod
    def of_site(cls, session: Session):
        """The cipher with the site's key, created in `session`'s transaction the first time."""
        row = session.get(SiteKey, cls.KEY_NAME)
        if row is None:
            row = SiteKey(name=cls.KEY_NAME, secret=AESGCM.generate_key(bit_length=256))
            session.add(row)
            session.flush()
        return cls(row.secret)

    def seal(self, password: str, owner_id: int) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, password.encode(), self._context(owner_id))

    def open(self, sealed: bytes, owner_id: int) -> str:
        try:
            plain = self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], self._context(owner_id))
        except InvalidTag as error:
            raise SealError(
                f"{self.OWNER[0]} {owner_id} 的密码无法解密 {self.OWNER[1]} {owner_id}'s password does not "
                "open with the site key"
            ) from error
        return plain.decode()

    def _context(self, owner_id: int) -> bytes:
        return f"{self.CONTEXT}:{owner_id}".encode()


class CameraPasswords(_SealedPasswords):
    """Seals and opens camera passwords with the site's camera key."""

    KEY_NAME = CAMERA_KEY_NAME
    CONTEXT = "camera-password"
    OWNER = ("摄像机", "camera")


class BrokerPasswords(_SealedPasswords):
    """Seals and opens the MQTT broker logins of Zigbee2MQTT dongles (bound to the dongle's id)."""

    KEY_NAME = "mqtt_password"
    CONTEXT = "mqtt-password"
    OWNER = ("接收器", "dongle")
