"""The site's leader lock: whoever holds it runs the site's duties (the scheduler and the dongles pinned
to no computer), so they run once per site however many processes are open on it.

On PostgreSQL it is a session advisory lock held on a connection of its own: the server drops it the
moment that connection dies, so a killed service hands over without waiting for a timeout. On SQLite
(one computer) it is an exclusive lock on a file beside the database, which the operating system drops
when the process dies: a `serve` and a window on the same file do not both read the broker.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url

from app.file_lock import try_lock, unlock
from app.store.database import Database

log = logging.getLogger(__name__)

ADVISORY_LOCK_KEY = 0x6763_6373  # "gccs": the site's leader


class LeaderLock:
    """Try to take the site's lock, check that it is still held, give it back."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._connection: Connection | None = None
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._connection is not None or self._file is not None

    def try_acquire(self) -> bool:
        """True when this process now holds (or already held) the lock."""
        if self.held:
            return True
        if self.db.is_sqlite:
            return self._lock_file()
        connection = self.db.engine.connect()
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_LOCK_KEY}
            ).scalar()
            connection.commit()
        except Exception:
            connection.invalidate()
            raise
        if got:
            self._connection = connection
        else:
            connection.close()
        return bool(got)

    def still_held(self) -> bool:
        """False when the lock's connection broke (the server restarted): the lock is gone with it."""
        if self._connection is None:
            return self._file is not None
        try:
            self._connection.execute(text("SELECT 1")).scalar()
            self._connection.commit()
            return True
        except Exception:  # noqa: BLE001 (any failure means the session, and the lock with it, is gone)
            log.warning("the site's leader lock was lost with its database connection")
            self._drop_connection()
            return False

    def release(self) -> None:
        # Unlocked explicitly and the connection thrown away: a pooled connection that merely went back
        # to its pool would keep its session, and the lock with it.
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT pg_advisoryunlock(:k)"), {"k": ADVISORY_LOCK_KEY})
                self._connection.commit()
            except Exception:  # noqa: BLE001 (a dead connection has released the lock already)
                log.debug("leader lock: unlock on a broken connection", exc_info=True)
            self._drop_connection()
        if self._file is not None:
            unlock(self._file)
            self._file.close()
            self._file = None

    def _drop_connection(self) -> None:
        assert self._connection is not None
        self._connection.invalidate()
        self._connection.close()
        self._connection = None

    def _lock_file(self) -> bool:
        path = lock_path(self.db)
        if path is None:  # an in-memory database lives in one process: nobody to share it with
            self._file = open(os.devnull, "rb")  # noqa: SIM115 (held open while the lock is held)
            return True
        handle = open(path, "a+b")  # noqa: SIM115 (held open while the lock is held)
        if try_lock(handle):
            self._file = handle
            return True
        handle.close()
        return False


def lock_path(db: Database) -> Path | None:
    """The lock file beside a SQLite database, or None for an in-memory one."""
    name = make_url(db.url).database
    if not name or name == ":memory:":
        return None
    return Path(name).with_name(Path(name).name + ".leader.lock")
