"""The site secret: the one key that is NOT in the site's database, shared by every seat of the site.

Keys that protect personal data at rest (face templates, ID numbers, health notes) are stored in the
database wrapped with keys derived from this secret, so a copy of the database alone (a dump, a
stolen backup, a support snapshot) reveals none of them, while every seat that holds the secret reads
the same gallery and roster. Camera passwords (`app/site_keys.py`) stay with the database: every
process that plays a camera needs them, and they protect nothing personal.

Where a seat finds it, first match wins:
1. the environment variable GCC_SITE_SECRET (the file's one line of text), for services and kiosks;
2. `<data folder>/site_secrets/<site id>.key`, one file per site, owner-only.

The first seat to need it creates the file. A second seat of the same site gets it by a documented
step (docs/ARCHITECTURE.md, "Personal data"): copy that file into its own data folder's
`site_secrets/`, or set GCC_SITE_SECRET. The database holds the site id and a check value (an HMAC of
the id under the secret, which reveals nothing about the secret), so a seat with no secret or the
wrong one is told exactly which file it needs, and never mints a second secret for the same site.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy.orm import Session

from app.models import SiteKey

ENV_VAR = "GCC_SITE_SECRET"
FOLDER = "site_secrets"
SITE_ID_ROW = "site_id"
CHECK_ROW = "site_secret_check"
SECRET_BYTES = 32


class SiteSecretError(Exception):
    """No site secret, or not this site's; the message says which file or variable the seat needs."""


@dataclass(frozen=True)
class SiteSecret:
    site_id: str
    secret: bytes

    def key_for(self, purpose: str) -> bytes:
        """A 256-bit key for one use (wrapping face keys, roster keys ...), derived so that no two uses
        share a key and none of them is the secret itself."""
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=self.site_id.encode(), info=purpose.encode())
        return hkdf.derive(self.secret)


def secret_file(folder: Path, site_id: str) -> Path:
    return folder / FOLDER / f"{site_id}.key"


def load_site_secret(session: Session, folder: Path, *, create: bool = True) -> SiteSecret:
    """This site's secret, checked against the database; created (file and check value, in `session`'s
    transaction) when the site has none yet and `create` is set."""
    site_id = _site_id(session)
    path = secret_file(folder, site_id)
    candidate = _from_environment() or _from_file(path)
    check = session.get(SiteKey, CHECK_ROW)
    if check is not None:
        if candidate is None:
            raise SiteSecretError(_missing(site_id, path))
        if not hmac.compare_digest(check.secret, _check_value(candidate, site_id)):
            raise SiteSecretError(_wrong(site_id, path))
        return SiteSecret(site_id, candidate)
    if candidate is None:
        if not create:
            raise SiteSecretError(_missing(site_id, path))
        candidate = os.urandom(SECRET_BYTES)
        _write_secret(path, candidate)
    session.add(SiteKey(name=CHECK_ROW, secret=_check_value(candidate, site_id)))
    session.flush()
    return SiteSecret(site_id, candidate)


def _site_id(session: Session) -> str:
    row = session.get(SiteKey, SITE_ID_ROW)
    if row is None:
        row = SiteKey(name=SITE_ID_ROW, secret=os.urandom(8).hex().encode())
        session.add(row)
        session.flush()
    return row.secret.decode()


def _check_value(secret: bytes, site_id: str) -> bytes:
    return hmac.new(secret, f"gcc-site-secret-check:{site_id}".encode(), hashlib.sha256).digest()


def _from_environment() -> bytes | None:
    text = os.environ.get(ENV_VAR, "").strip()
    return _decode(text, ENV_VAR) if text else None


def _from_file(path: Path) -> bytes | None:
    try:
        return _decode(path.read_text(encoding="ascii").strip(), str(path))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise SiteSecretError(f"无法读取站点密钥 cannot read the site secret {path}: {error}") from error


def _decode(text: str, where: str) -> bytes:
    try:
        secret = base64.b64decode(text, validate=True)
    except binascii.Error:
        secret = b""
    if len(secret) != SECRET_BYTES:
        raise SiteSecretError(
            f"站点密钥格式错误 the site secret in {where} is not one ({SECRET_BYTES} bytes, base64)"
        )
    return secret


def _write_secret(path: Path, secret: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.b64encode(secret).decode() + "\n")


def _missing(site_id: str, path: Path) -> str:
    return (
        f"本席位没有该站点的站点密钥: 请从已接入本站点的席位复制 site_secrets/{site_id}.key 到 {path.parent}/,"
        f" 或设置环境变量 {ENV_VAR} (this seat has no secret for site {site_id}: copy site_secrets/{site_id}.key"
        f" from a seat of this site into {path.parent}/, or set {ENV_VAR})"
    )


def _wrong(site_id: str, path: Path) -> str:
    return (
        f"站点密钥与本站点不符: 请核对 {path} 或环境变量 {ENV_VAR} (the site secret does not match site"
        f" {site_id}: check {path} or {ENV_VAR}; copy the file from a seat of this site)"
    )
