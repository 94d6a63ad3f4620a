"""Encryption at rest for face templates: AES-256-GCM with a key file kept apart from the database.

The key lives in its own file in the user data folder (`face_key.bin`, owner-only permissions), never
in the database: a copied database without the key reveals no face data. Each ciphertext is bound to
its subject id (associated data), so a template cannot be moved to another person unnoticed.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_FILE_NAME = "face_key.bin"
NONCE_BYTES = 12


class TemplateKeyError(Exception):
    """The key file is missing, unreadable or not the key the templates were made with."""


class TemplateCipher:
    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise TemplateKeyError("人脸密钥长度错误 face key must be 32 bytes")
        self._aead = AESGCM(key)

    @classmethod
    def from_key_file(cls, path: Path, *, create: bool = True) -> TemplateCipher:
        """The cipher for the key in `path`; a new random key is written there when `create` is set."""
        if not path.exists():
            if not create:
                raise TemplateKeyError(f"人脸密钥文件不存在 face key file missing: {path}")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(AESGCM.generate_key(bit_length=256))
        try:
            return cls(path.read_bytes())
        except OSError as error:
            raise TemplateKeyError(f"无法读取人脸密钥 cannot read face key {path}: {error}") from error

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


def _context(subject_id: int) -> bytes:
    return f"face-template:{subject_id}".encode()
