"""Tells every process of a SQLite site what changed: SQLite has no NOTIFY, so each change is appended
to the `change_log` table and every process reads, five times a second, what the others appended.

A window and a `serve` beside it on the same file then hear each other as seats of a PostgreSQL site
do, and `events tail` works on either. Reading by id is one index lookup; rows older than an hour are
pruned now and then by whoever writes.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import OperationalError

from app.events import Change, EventHub, new_origin
from app.models.changes import ChangeLogEntry
from app.store.base import utcnow
from app.store.database import Database
from app.store.relay import decode, encode

log = logging.getLogger(__name__)

POLL_SECONDS = 0.2
KEEP = timedelta(hours=1)
PRUNE_EVERY = 500  # appends between prunes
READ_BATCH = 500


class ChangeLogRelay:
    """Relays one process's EventHub to and from the other processes of a SQLite site."""

    def __init__(self, db: Database, hub: EventHub, *, poll_s: float = POLL_SECONDS) -> None:
        self.db = db
        self.hub = hub
        self.poll_s = poll_s
        self.origin = new_origin()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._last_id = 0
        self._appended = 0
        self._unsubscribe = None
        self._reader = threading.Thread(target=self._follow, name="change-log", daemon=True)

    def start(self, *, listen: bool = True) -> None:
        """Append this hub's changes; with `listen`, also publish the other processes' changes on it."""
        if listen:
            with self.db.engine.connect() as connection:  # only what is appended from now on
                self._last_id = connection.scalar(select(func.max(ChangeLogEntry.id))) or 0
        self._unsubscribe = self.hub.subscribe("*", self._send)
        self._ready.set()
        if listen:
            self._reader.start()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        return self._ready.wait(timeout)

    def stop(self) -> None:
        if self._unsubscribe:
            self._unsubscribe()
        self._stop.set()
        if self._reader.is_alive():
            self._reader.join(timeout=5)

    def _send(self, change: Change) -> None:
        if change.origin is not None:
            return  # from another process: heard everywhere already
        try:
            with self.db.engine.begin() as connection:
                connection.execute(
                    insert(ChangeLogEntry).values(
                        at=utcnow(), origin=self.origin, change=encode(change, self.origin)
                    )
                )
                self._appended += 1
                if self._appended % PRUNE_EVERY == 0:
                    connection.execute(delete(ChangeLogEntry).where(ChangeLogEntry.at < utcnow() - KEEP))
        except OperationalError:
            log.warning("could not tell the site's other processes about %s", change.topic, exc_info=True)

    def _follow(self) -> None:
        while not self._stop.wait(self.poll_s):
            try:
                self._read_new()
            except OperationalError:
                log.warning("change log unreadable; retrying", exc_info=True)

    def _read_new(self) -> None:
        with self.db.engine.connect() as connection:
            rows = connection.execute(
                select(ChangeLogEntry.id, ChangeLogEntry.origin, ChangeLogEntry.change)
                .where(ChangeLogEntry.id > self._last_id)
                .order_by(ChangeLogEntry.id)
                .limit(READ_BATCH)
            ).all()
        for row_id, origin, text in rows:
            self._last_id = row_id
            if origin == self.origin:
                continue
            try:
                self.hub.publish(decode(text))
            except (ValueError, KeyError, TypeError):
                log.warning("ignored a malformed change: %.80s", text)
