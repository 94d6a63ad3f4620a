"""Back up a running site to one file and restore it: SQLite through its online backup API, PostgreSQL
through pg_dump / pg_restore, both in the same archive with a manifest (`backup_archive`).

A restore checks everything it can before it touches the site: the file is whole (SHA-256), its schema
is one this program knows, the database inside passes SQLite's integrity check and holds what the
manifest counts. On SQLite the site is then swapped in one transaction after the current database was
copied to `<file>.before-restore`; on PostgreSQL the target must be an empty database. Both write an
audit entry in the database they concern, and tell the site's running processes (`restore_notice`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import create_engine, text

from app import audit
from app.config import Seat
from app.store import pg_image, restore_notice, sqlite_image
from app.store.backup_archive import (
    BackupError,
    Manifest,
    app_version,
    extract_image,
    read_manifest,
    refuse_unknown_schema,
    schema_heads,
    sha256_of,
    table_counts,
    utc_now_iso,
    write_archive,
)
from app.store.database import Database

BEFORE_RESTORE_SUFFIX = ".before-restore"
KIND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class BackupWritten:
    path: Path
    size_bytes: int
    manifest: Manifest


@dataclass(frozen=True)
class Restored:
    target: str  # the restored site's URL, password masked
    manifest: Manifest
    previous: Path | None  # the SQLite file as it was before, kept beside it


def kind_of(db: Database) -> str:
    return "sqlite" if db.is_sqlite else "postgresql"


def back_up(db: Database, target: Path, seat: Seat) -> BackupWritten:
    """Write the whole site to `target` while it keeps running, and audit it in the site."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory(prefix=".gcc-backup-", dir=target.parent) as work:
        image = Path(work) / ("site.sqlite" if db.is_sqlite else "site.pgdump")
        heads, counts = _sqlite_backup(db, image) if db.is_sqlite else _pg_backup(db, image)
        manifest = Manifest(
            kind=kind_of(db),
            source=db.safe_url,
            schema_heads=heads,
            app_version=app_version(),
            created_at=utc_now_iso(),
            counts=counts,
            image_sha256=sha256_of(image),
            image_bytes=image.stat().st_size,
        )
        size = write_archive(target, manifest, image)
    with db.session() as session:
        audit.record(
            session, seat, "site.backup", "site", None, file=str(target.resolve()), bytes=size,
            sha256=manifest.image_sha256, counts=counts,
        )  # fmt: skip
    return BackupWritten(target, size, manifest)


def _sqlite_backup(db: Database, image: Path) -> tuple[list[str], dict[str, int]]:
    sqlite_image.snapshot(db, image)
    return _image_facts(image)


def _image_facts(image: Path) -> tuple[list[str], dict[str, int]]:
    """Schema heads and counts read from the copy itself: the moment the copy holds, not a later one."""
    engine = create_engine(f"sqlite:///{image}")
    try:
        with engine.connect() as connection:
            return schema_heads(connection), table_counts(connection)
    finally:
        engine.dispose()


def _pg_backup(db: Database, image: Path) -> tuple[list[str], dict[str, int]]:
    # One exported snapshot for the counts and the dump: both describe the same moment of a live site.
    with db.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            heads, counts = schema_heads(connection), table_counts(connection)
            pg_image.dump(db, image, snapshot=snapshot)
    return heads, counts


def restore(db: Database, source: Path, seat: Seat, *, force: bool = False) -> Restored:
    """Replace the site in `db` with the backup in `source`, or refuse and change nothing."""
    source = Path(source)
    manifest = read_manifest(source)
    refuse_unknown_schema(manifest.schema_heads)
    if manifest.kind != kind_of(db):
        raise BackupError(
            f"该备份是 {KIND_NAMES[manifest.kind]} 站点，不能恢复到 {KIND_NAMES[kind_of(db)]} 数据库 "
            f"(this is a backup of a {KIND_NAMES[manifest.kind]} site; restore it into a "
            f"{KIND_NAMES[manifest.kind]} database)"
        )
    if db.is_sqlite:
        return _restore_sqlite(db, source, manifest, seat, force)
    return _restore_pg(db, source, manifest, seat, force)


def _refuse_non_empty(db: Database, counts: dict[str, int]) -> None:
    held = ", ".join(f"{name} {n}" for name, n in counts.items() if n)
    raise BackupError(
        f"目标数据库已有数据（{held}），恢复会覆盖它；确认后请加 --force（原文件会保留为 *{BEFORE_RESTORE_SUFFIX}）"
        f" (the target {db.safe_url} already holds a site; add --force to replace it, the current file is "
        f"kept as *{BEFORE_RESTORE_SUFFIX})"
    )


def _restore_sqlite(db: Database, source: Path, manifest: Manifest, seat: Seat, force: bool) -> Restored:
    target = sqlite_image.sqlite_path(db)
    current = _live_counts(db) if target.exists() else {}
    if any(current.values()) and not force:
        _refuse_non_empty(db, current)
    previous = target.with_name(target.name + BEFORE_RESTORE_SUFFIX) if target.exists() else None
    with _work_folder(target.parent) as work:
        image = extract_image(source, manifest, work / "site.sqlite")
        sqlite_image.check_integrity(image)
        heads, counts = _image_facts(image)
        refuse_unknown_schema(heads)
        _check_counts(source, manifest, counts)
        staged = Database(f"sqlite:///{image}")
        try:  # an older schema is brought up to date, and the restore recorded, before the swap
            staged.upgrade()
            with staged.session() as session:
                _record_restore(session, seat, source, manifest, previous)
            expected = _live_counts(staged)
        finally:
            staged.dispose()
        if previous is not None:
            sqlite_image.snapshot(db, previous)
        read_up_to = restore_notice.high_water(db) if previous is not None else 0
        restore_notice.write_into_image(
            image, restore_notice.restored_change(manifest.created_at), read_up_to
        )
        sqlite_image.copy_into(image, target)
    restored = _live_counts(db)
    if restored != expected:  # cannot happen unless the disk lies: put the site back as it was
        if previous is not None:
            sqlite_image.copy_into(previous, target)
        raise BackupError(f"恢复后核对失败，已还原原数据 (the restored site did not check out: {restored})")
    return Restored(db.safe_url, manifest, previous)


def _restore_pg(db: Database, source: Path, manifest: Manifest, seat: Seat, force: bool) -> Restored:
    if not pg_image.is_empty(db):
        raise BackupError(
            f"PostgreSQL 只能恢复到空数据库：请先新建一个（如 createdb 新库名），再用 --db 指向它"
            f"{'；--force 对 PostgreSQL 不适用' if force else ''} (PostgreSQL restores only into an empty "
            f"database: create one, e.g. `createdb NEWNAME`, and point --db at it; {db.safe_url} has tables)"
        )
    with TemporaryDirectory(prefix=".gcc-restore-") as work:
        image = extract_image(source, manifest, Path(work) / "site.pgdump")
        pg_image.restore(image, db)
    with db.engine.connect() as connection:
        counts = table_counts(connection)
    _check_counts(source, manifest, counts, restored_into=db.safe_url)
    db.upgrade()
    with db.session() as session:
        _record_restore(session, seat, source, manifest, None)
    restore_notice.announce(db, restore_notice.restored_change(manifest.created_at))
    return Restored(db.safe_url, manifest, None)


def _check_counts(source: Path, manifest: Manifest, counts: dict[str, int], restored_into: str = "") -> None:
    if counts == manifest.counts:
        return
    where = f"；{restored_into} 中是恢复出的内容，请核对 (it was restored into {restored_into}: check it)"
    raise BackupError(
        f"备份内容与清单不符 {source}: {counts} ≠ {manifest.counts} (the backup does not hold what its "
        f"manifest counts){where if restored_into else ''}"
    )


def _record_restore(session, seat: Seat, source: Path, manifest: Manifest, previous: Path | None) -> None:
    audit.record(
        session, seat, "site.restore", "site", None, backup=str(source.resolve()),
        backup_created_at=manifest.created_at, backup_source=manifest.source,
        backup_app_version=manifest.app_version, sha256=manifest.image_sha256,
        previous=str(previous) if previous else None,
    )  # fmt: skip


def _live_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return table_counts(connection)


@contextmanager
def _work_folder(beside: Path) -> Iterator[Path]:
    """A scratch folder on the target's own disk (the image is as big as the site), removed after."""
    beside.mkdir(parents=True, exist_ok=True)
    with TemporaryDirectory(prefix=".gcc-restore-", dir=beside) as work:
        yield Path(work)
