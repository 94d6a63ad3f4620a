"""What a short-lived command changes (a ticket opened or moved from the command line) is told to the
site's other processes as a seat's changes are: NOTIFY on PostgreSQL, the change log on a SQLite file.
Without it every window would show the site as it was until something else made it read again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.events import EventHub
from app.store.change_log import ChangeLogRelay
from app.store.database import Database
from app.store.leader_lock import lock_path
from app.store.relay import ChangeRelay


@contextmanager
def announced(db: Database) -> Iterator[EventHub]:
    """A hub whose changes reach the site's other processes while the block runs (it only sends)."""
    hub = EventHub()
    if db.is_sqlite and lock_path(db) is None:  # a database in memory: no other process to tell
        yield hub
        return
    relay = ChangeLogRelay(db, hub) if db.is_sqlite else ChangeRelay(db.url, hub)
    relay.start(listen=False)
    try:
        yield hub
    finally:
        relay.stop()
