"""The backup file: one zip holding `manifest.json` and the database image (a SQLite file or a
PostgreSQL custom-format dump), so a single file says where it came from and can prove it is whole."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from app.privacy.files import create_private
from app.store.database import MIGRATIONS, StoreError

MANIFEST_NAME = "manifest.json"
FORMAT = "grid-command-centre-backup"
FORMAT_VERSION = 1
IMAGE_NAMES = {"sqlite": "site.sqlite", "postgresql": "site.pgdump"}
# What a manifest counts, so whoever restores sees at a glance what the file holds.
MAIN_TABLES = (
    "grids",
    "buildings",
    "households",
    "residents",
    "people",
    "duties",
    "cameras",
    "sensors",
    "tickets",
    "alarms",
    "audit_log",
)
CHUNK = 1 << 20


class BackupError(StoreError):
    """A backup that cannot be written or restored, said in plain words (Chinese, then English)."""


@dataclass(frozen=True)
class Manifest:
    """What a backup holds and where it came from (never a password)."""

    kind: str  # "sqlite" or "postgresql"
    source: str  # the site's database URL, password masked
    schema_heads: list[str]
    app_version: str
    created_at: str  # ISO 8601, UTC
    counts: dict[str, int]
    image_sha256: str
    image_bytes: int
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    extra: dict = field(default_factory=dict)

    @property
    def image_name(self) -> str:
        return IMAGE_NAMES[self.kind]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a Grid Command Centre manifest")
        if data.get("format_version", 0) > FORMAT_VERSION:
            raise BackupError(
                f"备份文件格式版本 {data['format_version']} 高于本程序支持的 {FORMAT_VERSION}，请先升级程序 "
                f"(backup format {data['format_version']} is newer than this program reads: upgrade it first)"
            )
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{key: value for key, value in data.items() if key in known})


def app_version() -> str:
    try:
        return importlib.metadata.version("grid-command-centre")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def human_size(size: int) -> str:
    """A file size as people read it: 884.4 KB."""
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def known_revisions() -> set[str]:
    """Every schema revision this program's migrations know."""
    script = ScriptDirectory(str(MIGRATIONS))
    return {revision.revision for revision in script.walk_revisions()}


def schema_heads(connection: Connection) -> list[str]:
    if not inspect(connection).has_table("alembic_version"):
        return []
    return sorted(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def table_counts(connection: Connection) -> dict[str, int]:
    """Rows in each of the main tables the database has."""
    present = set(inspect(connection).get_table_names())
    return {
        name: int(connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one())
        for name in MAIN_TABLES
        if name in present
    }


def refuse_unknown_schema(heads: list[str]) -> None:
    """A backup from a newer program cannot be opened by this one's code: say so before anything."""
    unknown = sorted(set(heads) - known_revisions())
    if unknown:
        raise BackupError(
            f"该备份来自更新版本的程序（数据库结构 {', '.join(unknown)} 本程序不认识），请先升级程序再恢复 "
            f"(the backup comes from a newer version: schema revision(s) {', '.join(unknown)} are unknown "
            f"to this program; upgrade it before restoring)"
        )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_archive(target: Path, manifest: Manifest, image: Path) -> int:
    """Write the zip beside `target` and move it into place whole: a failure never leaves half a backup
    under the name. Returns its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        create_private(partial)  # a backup is the whole roster: owner-only, like the store
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            archive.writestr(MANIFEST_NAME, manifest.to_json())
            archive.write(image, manifest.image_name)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def _damaged(path: Path, why: str) -> BackupError:
    return BackupError(f"备份文件已损坏或不完整 {path}: {why} (the backup file is damaged or incomplete)")


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup file, or a plain refusal for a file that is not one."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件 backup file not found: {path}")
    try:
        with zipfile.ZipFile(path) as archive:
            return Manifest.from_json(archive.read(MANIFEST_NAME))
    except BackupError:
        raise
    except KeyError as error:
        raise _damaged(path, f"没有 {MANIFEST_NAME} (no {MANIFEST_NAME})") from error
    except (zipfile.BadZipFile, ValueError, TypeError, OSError) as error:
        raise BackupError(
            f"不是本系统的备份文件或已损坏 {path}: {error} (not a Grid Command Centre backup, or damaged)"
        ) from error


def extract_image(path: Path, manifest: Manifest, into: Path) -> Path:
    """Unpack the database image to `into` and prove it is the one the manifest describes."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(manifest.image_name) as source:
            with into.open("wb") as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
    except KeyError as error:
        raise _damaged(path, f"没有数据库映像 {manifest.image_name} (no database image)") from error
    except (zipfile.BadZipFile, OSError, EOFError) as error:  # a CRC mismatch is a BadZipFile
        raise _damaged(path, str(error)) from error
    actual = sha256_of(into)
    if actual != manifest.image_sha256:
        raise _damaged(
            path, f"校验和不符 checksum mismatch (SHA-256 {actual[:16]}… ≠ {manifest.image_sha256[:16]}…)"
        )
    return into
