"""Backup and restore of a whole site: consistent while another connection writes, checked before a
restore touches anything, refused for newer schemas, damaged files and sites that hold data."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

import main
from app.config import Seat
from app.models import AuditEntry, Grid
from app.store import Database
from app.store.backup import back_up, restore
from app.store.backup_archive import MANIFEST_NAME, BackupError, sha256_of, table_counts
from tests.conftest import PG_ADMIN_URL, _pg_url

SEAT = Seat(operator="tester", host="bench")


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as connection:
        return table_counts(connection)


def without_audit(numbers: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in numbers.items() if name != "audit_log"}


def sqlite_at(path: Path) -> Database:
    return Database(f"sqlite:///{path}")


class Writer(threading.Thread):
    """Another connection adding grids as fast as it can, each in its own transaction."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path, self.written, self.stop = path, 0, threading.Event()

    def run(self) -> None:
        connection = sqlite3.connect(self.path, timeout=30)
        while not self.stop.is_set():
            connection.execute(
                "INSERT INTO grids (code, name, level) VALUES (?, '写入中', 1)", (f"W{uuid.uuid4().hex}",)
            )
            connection.commit()
            self.written += 1
        connection.close()


def test_a_backup_taken_while_another_connection_writes_restores_to_the_same_moment(demo_db, tmp_path):
    writer = Writer(Path(demo_db.engine.url.database))
    writer.start()
    try:
        while writer.written < 20:
            threading.Event().wait(0.01)
        written = back_up(demo_db, tmp_path / "site.gccbackup", SEAT)
        during = writer.written
        while writer.written < during + 20:  # the site kept taking writes after the copy
            threading.Event().wait(0.01)
    finally:
        writer.stop.set()
        writer.join(10)
    manifest = written.manifest
    assert manifest.kind == "sqlite" and manifest.schema_heads and "password" not in manifest.source
    assert manifest.counts["households"] > 1000 and manifest.counts["grids"] > 1000
    assert written.size_bytes == (tmp_path / "site.gccbackup").stat().st_size

    fresh = sqlite_at(tmp_path / "elsewhere" / "restored.sqlite")
    try:
        done = restore(fresh, tmp_path / "site.gccbackup", SEAT)
        restored = counts(fresh)
        assert without_audit(restored) == without_audit(manifest.counts)
        assert restored["audit_log"] == manifest.counts["audit_log"] + 1
        assert restored["grids"] < counts(demo_db)["grids"]  # the writes after the copy are not in it
        assert done.previous is None
        with fresh.session() as session:
            entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry.action == "site.restore" and "site.gccbackup" in entry.detail
        assert fresh.is_current()
    finally:
        fresh.dispose()
    with demo_db.session() as session:
        last = session.scalars(select(AuditEntry).where(AuditEntry.action == "site.backup")).one()
    assert json.loads(last.detail)["sha256"] == manifest.image_sha256


def test_a_site_that_holds_data_is_replaced_only_with_force_and_kept_beside(demo_db, sqlite_db, tmp_path):
    backup = back_up(sqlite_db, tmp_path / "empty-site.gccbackup", SEAT).path
    before = counts(demo_db)
    with pytest.raises(BackupError, match="--force"):
        restore(demo_db, backup, SEAT)
    assert counts(demo_db) == before

    done = restore(demo_db, backup, SEAT, force=True)
    assert counts(demo_db)["households"] == 0 and counts(demo_db)["audit_log"] == 1  # the restore's own entry
    kept = sqlite_at(done.previous)
    try:
        assert done.previous.name == "demo.sqlite.before-restore"
        assert counts(kept) == before
    finally:
        kept.dispose()


def _rewritten(backup: Path, target: Path, *, manifest_change=None, image_change=None) -> Path:
    """A copy of `backup` with its manifest or its database image changed."""
    with zipfile.ZipFile(backup) as archive:
        manifest = json.loads(archive.read(MANIFEST_NAME))
        image = target.with_suffix(".image")
        image.write_bytes(archive.read("site.sqlite"))
    if image_change is not None:
        image_change(image)
        manifest["image_sha256"] = sha256_of(image)
    if manifest_change is not None:
        manifest_change(manifest)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(MANIFEST_NAME, json.dumps(manifest))
        archive.write(image, "site.sqlite")
    return target


def _future_schema(image: Path) -> None:
    connection = sqlite3.connect(image)
    connection.execute("INSERT INTO alembic_version VALUES ('9001_from_the_future')")
    connection.commit()
    connection.close()


@pytest.fixture
def small_backup(sqlite_db, tmp_path) -> Path:
    with sqlite_db.session() as session:
        session.add(Grid(code="S1", name="街道", level=1))
    return back_up(sqlite_db, tmp_path / "small.gccbackup", SEAT).path


@pytest.mark.parametrize(
    "change",
    [
        {"manifest_change": lambda m: m["schema_heads"].append("9001_from_the_future")},
        {"image_change": _future_schema},
    ],
    ids=["manifest", "image"],
)
def test_a_backup_from_a_newer_schema_is_refused(small_backup, tmp_path, change):
    newer = _rewritten(small_backup, tmp_path / "newer.gccbackup", **change)
    target = sqlite_at(tmp_path / "target.sqlite")
    try:
        with pytest.raises(BackupError, match="9001_from_the_future.*upgrade"):
            restore(target, newer, SEAT)
    finally:
        target.dispose()
    assert not (tmp_path / "target.sqlite").exists() or counts(sqlite_at(tmp_path / "target.sqlite")) == {}


def test_damaged_files_are_refused_and_the_site_is_left_as_it_was(small_backup, demo_db, tmp_path):
    flipped = tmp_path / "flipped.gccbackup"
    raw = bytearray(small_backup.read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 64] = bytes(b ^ 0xFF for b in raw[middle : middle + 64])
    flipped.write_bytes(bytes(raw))
    lying = _rewritten(
        small_backup, tmp_path / "lying.gccbackup", manifest_change=lambda m: m.update(image_sha256="0" * 64)
    )
    truncated = tmp_path / "truncated.gccbackup"
    truncated.write_bytes(small_backup.read_bytes()[: len(raw) // 3])
    stranger = tmp_path / "notes.gccbackup"
    stranger.write_text("not a backup", encoding="utf-8")
    before = counts(demo_db)
    for bad, said in ((flipped, "损坏"), (lying, "checksum"), (truncated, "damaged"), (stranger, "not a")):
        with pytest.raises(BackupError, match=said):
            restore(demo_db, bad, SEAT, force=True)
    assert counts(demo_db) == before
    assert not Path(f"{demo_db.engine.url.database}.before-restore").exists()


def test_the_commands_say_what_they_wrote_and_refuse_plainly(small_backup, sqlite_db, tmp_path, capsys):
    target = tmp_path / "copy.sqlite"
    assert main.main(["backup", str(tmp_path / "b.gccbackup"), "--db", sqlite_db.url]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "KB" in out and "grids 1" in out
    assert (
        main.main(["restore", str(tmp_path / "b.gccbackup"), "--check", "--db", f"sqlite:///{target}"]) == 0
    )
    assert not target.exists()
    assert main.main(["restore", str(tmp_path / "b.gccbackup"), "--db", f"sqlite:///{target}"]) == 0
    assert "已恢复到" in capsys.readouterr().out
    assert main.main(["restore", str(tmp_path / "b.gccbackup"), "--db", f"sqlite:///{target}"]) == 2
    assert "--force" in capsys.readouterr().err
    assert main.main(["restore", str(tmp_path / "missing.gccbackup"), "--db", f"sqlite:///{target}"]) == 2
    assert "找不到备份文件" in capsys.readouterr().err


# ---- PostgreSQL ---------------------------------------------------------------------------------


def _pg_tools_missing() -> str | None:
    from app.store.pg_image import find_tool

    try:
        find_tool("pg_dump"), find_tool("pg_restore")
    except BackupError as error:
        return str(error)
    return None


@pytest.fixture
def empty_pg() -> Database:
    name = f"gcc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(_pg_url(name))
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.pg
@pytest.mark.skipif(_pg_tools_missing() is not None, reason=f"PostgreSQL client tools: {_pg_tools_missing()}")
def test_postgresql_round_trip_into_an_empty_database_only(pg_db, empty_pg, tmp_path):
    with pg_db.session() as session:
        street = Grid(code="S1", name="街道", level=1)
        session.add_all([street, Grid(code="C1", name="社区", level=2, parent=street)])
    written = back_up(pg_db, tmp_path / "pg.gccbackup", SEAT)
    assert written.manifest.kind == "postgresql" and written.manifest.counts["grids"] == 2

    with pytest.raises(BackupError, match="empty database"):
        restore(pg_db, written.path, SEAT, force=True)
    done = restore(empty_pg, written.path, SEAT)
    assert without_audit(counts(empty_pg)) == without_audit(written.manifest.counts)
    assert empty_pg.is_current() and done.previous is None
    with empty_pg.session() as session:
        assert session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all() == ["site.restore"]
        session.add(Grid(code="S2", name="新街道", level=1))  # the restored sequences go on from there

    sqlite_target = sqlite_at(tmp_path / "site.sqlite")
    try:
        with pytest.raises(BackupError, match="PostgreSQL"):
            restore(sqlite_target, written.path, SEAT)
    finally:
        sqlite_target.dispose()


def test_copying_a_backup_keeps_it_restorable(small_backup, tmp_path):
    """A backup is one self-contained file: moved to another computer it restores the same."""
    moved = tmp_path / "usb" / "copy.gccbackup"
    moved.parent.mkdir()
    shutil.copyfile(small_backup, moved)
    target = sqlite_at(tmp_path / "other.sqlite")
    try:
        restore(target, moved, SEAT)
        assert counts(target)["grids"] == 1
    finally:
        target.dispose()
