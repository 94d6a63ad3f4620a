"""Camera passwords carried by an exported workbook to another site, sealed with a passphrase.

A plain export shows a stored password as ******: it can only keep a password the importing site
already holds. Moving a site to a new, empty database (SQLite to PostgreSQL when more seats join)
needs the passwords to travel, and the new site's camera key is not the old one's. So on request the
export seals each password with a key derived (scrypt) from a passphrase the office chooses, and the
import opens it with the same passphrase and seals it again with its own site key. Each cell is bound
to its camera's name (associated data): pasted onto another camera's row it does not open.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

CARRIED_PREFIX = "gcc-sealed:v1:"
MIN_PASSPHRASE = 8
_SALT_BYTES, _NONCE_BYTES = 16, 12
# scrypt's interactive cost (~0.15 s here), once per workbook: every cell of one export shares its salt.
_SCRYPT = {"length": 32, "n": 2**15, "r": 8, "p": 1}


class CarriedPasswordError(Exception):
    """A carried password that does not open: a wrong passphrase, an altered cell, another camera's cell."""


def is_carried(text: str) -> bool:
    return text.startswith(CARRIED_PREFIX)


def passphrase_problem(passphrase: str) -> str | None:
    if len(passphrase) < MIN_PASSPHRASE:
        return f"口令至少 {MIN_PASSPHRASE} 个字符 (the passphrase needs at least {MIN_PASSPHRASE} characters)"
    return None


def _key(passphrase: str, salt: bytes) -> AESGCM:
    return AESGCM(Scrypt(salt=salt, **_SCRYPT).derive(passphrase.encode()))


def _context(camera_name: str) -> bytes:
    return f"site-workbook-camera:{camera_name}".encode()


class PasswordSealer:
    """Seals the passwords of one export under one passphrase."""

    def __init__(self, passphrase: str) -> None:
        self._salt = os.urandom(_SALT_BYTES)
        self._aead = _key(passphrase, self._salt)

    def seal(self, password: str, camera_name: str) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, password.encode(), _context(camera_name))
        return CARRIED_PREFIX + base64.urlsafe_b64encode(self._salt + nonce + sealed).decode("ascii")


class PasswordOpener:
    """Opens carried passwords with the passphrase the import was given (one key per salt met)."""

    def __init__(self, passphrase: str) -> None:
        self._passphrase = passphrase
        self._keys: dict[bytes, AESGCM] = {}

    def open(self, cell: str, camera_name: str) -> str:
        try:
            blob = base64.urlsafe_b64decode(cell[len(CARRIED_PREFIX) :].encode("ascii"))
        except (ValueError, UnicodeEncodeError) as error:
            raise CarriedPasswordError("加密的密码已损坏 (the sealed password is damaged)") from error
        salt, nonce = blob[:_SALT_BYTES], blob[_SALT_BYTES : _SALT_BYTES + _NONCE_BYTES]
        if len(blob) <= _SALT_BYTES + _NONCE_BYTES:
            raise CarriedPasswordError("加密的密码已损坏 (the sealed password is damaged)")
        aead = self._keys.get(salt) or self._keys.setdefault(salt, _key(self._passphrase, salt))
        try:
            plain = aead.decrypt(nonce, blob[_SALT_BYTES + _NONCE_BYTES :], _context(camera_name))
        except InvalidTag as error:
            raise CarriedPasswordError(
                "口令不正确, 或此密码属于另一台摄像机 (wrong passphrase, or the password of another camera)"
            ) from error
        return plain.decode()
