"""SQLite images through SQLite's online backup API: a consistent copy of a live database (WAL lets the
site's processes keep writing meanwhile), and a restore that swaps the whole database in one
transaction, so processes that have it open keep valid handles and a failure leaves it as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.store.backup_archive import BackupError
from app.store.database import Database

BUSY_TIMEOUT_S = 30.0


def sqlite_path(db: Database) -> Path:
    """The file behind a SQLite site; a database in memory has none to back up or restore."""
    database = make_url(db.url).database
    if database in (None, "", ":memory:"):
        raise BackupError("内存数据库无法备份或恢复 (a database in memory has no file to back up or restore)")
    return Path(database)


def snapshot(db: Database, into: Path) -> None:
    """Copy the live database to `into` in one step: one read transaction, so the copy is one moment of
    the site even while another process writes. The copy is a single self-contained file (no WAL)."""
    into.unlink(missing_ok=True)
    with db.engine.connect() as connection:
        source = connection.connection.driver_connection
        target = sqlite3.connect(into)
        try:
            source.backup(target)  # pages=-1: everything in one step
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()


def check_integrity(image: Path) -> None:
    """Refuse an image SQLite itself finds broken (the checksum proves the file, this its contents)."""
    try:
        connection = sqlite3.connect(f"file:{image}?mode=ro", uri=True)
        try:
            verdict = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"备份中的数据库已损坏 (the database in the backup is damaged): {error}") from error
    if verdict != ["ok"]:
        raise BackupError(
            f"备份中的数据库未通过完整性检查 (the database in the backup fails its integrity check): "
            f"{'; '.join(verdict[:5])}"
        )


def copy_into(image: Path, target: Path) -> None:
    """Write `image` over the database at `target` (created if missing) in one transaction: until it
    commits the target is untouched, and other processes see either the old site or the new one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(image)
    destination = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
    try:
        source.backup(destination)
    except sqlite3.Error as error:
        raise BackupError(
            f"无法写入数据库 {target}，原数据未改动 (cannot write the database; it is unchanged): {error}"
        ) from error
    finally:
        destination.close()
        source.close()


def remove_image(image: Path) -> None:
    """Delete a working copy and the WAL files SQLite may have left beside it."""
    for path in (image, Path(f"{image}-wal"), Path(f"{image}-shm"), Path(f"{image}-journal")):
        path.unlink(missing_ok=True)
