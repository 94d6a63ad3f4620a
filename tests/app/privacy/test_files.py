"""Files that hold personal data are created readable by their owner only, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest

from app.config import Seat
from app.store import Database
from app.store.backup import back_up


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A desktop session's usual umask, under which a plain new file is world-readable."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_store_and_its_wal_are_owner_only(tmp_path, open_umask):
    path = tmp_path / "new-site.sqlite"
    db = Database(f"sqlite:///{path}")
    try:
        db.upgrade()
        assert mode(path) == 0o600
        wal = path.with_name(path.name + "-wal")
        assert not wal.exists() or mode(wal) == 0o600
    finally:
        db.dispose()


def test_a_backup_is_owner_only(sqlite_db, tmp_path, open_umask):
    written = back_up(sqlite_db, tmp_path / "site.gccbackup", Seat("duty", "seat-1"))
    assert mode(written.path) == 0o600
