"""Encryption at rest for face templates and enrolment photos: AES-256-GCM, one key per subject.

The keys themselves are kept by `video/ai/subject_keys.py` (wrapped with the site's face key). Each
ciphertext is bound to its subject id (associated data), so a template cannot be moved to another
person unnoticed. `legacy_cipher` reads the single per-seat key file (`face_key.bin`) that galleries
used before the keys moved to the site, so their templates can be re-encrypted once
(`video/ai/legacy_keys.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_FILE_NAME = "face_key.bin"  # the per-seat key of older galleries
NONCE_BYTES = 12


class TemplateKeyError(Exception):
    """No key, or not the key the templates were made with; the message says what the seat needs."""


class TemplateCipher:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise TemplateKeyError("人脸密钥长度错误 face key must be 32 bytes")
        self._aead = AESGCM(key)

    def encrypt(self, plain: bytes, subject_id: int) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plain, _context(subject_id))

    def decrypt(self, blob: bytes, subject_id: int) -> bytes:
        try:
            return self._aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], _context(subject_id))
        except InvalidTag as error:
            raise TemplateKeyError(
                f"人脸模板无法解密 template of subject {subject_id} does not decrypt with this key"
            ) from error


def legacy_cipher(path: Path) -> TemplateCipher | None:
    """The cipher of an older gallery's per-seat key file, or None when this seat has none."""
    try:
        return TemplateCipher(path.read_bytes())
    except FileNotFoundError:
        return None
    except OSError as error:
        raise TemplateKeyError(f"无法读取旧的人脸密钥 cannot read the old face key {path}: {error}") from error


def _context(subject_id: int) -> bytes:
    return f"face-template:{subject_id}".encode()
