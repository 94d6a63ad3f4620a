"""What one seat remembers of its site: the window's layout, the language chosen there, the operator
picked in the ticket dock. Kept in the site's database keyed by the seat (its computer's name), so it
lives with the site, not in the computer's user folder: a second site opened on the same PC starts
from its own memory, and a seat's layout survives moving the site's folder.
"""

from __future__ import annotations

import json

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.models import SeatState
from app.store import Database
from app.store.base import utcnow

KEY_MAX = 64


class SeatMemory:
    """One seat's remembered values (JSON), read and written each in a short session of its own."""

    def __init__(self, db: Database, seat: str) -> None:
        self.db = db
        self.seat = seat[:128]

    def value(self, key: str, default: object = None) -> object:
        with self.db.session() as session:
            row = session.get(SeatState, (self.seat, key))
            return default if row is None else json.loads(row.value)

    def set_value(self, key: str, value: object) -> None:
        """Remember `value` under `key` (an upsert: two windows of one seat may close at once)."""
        if len(key) > KEY_MAX:
            raise ValueError(f"seat state key longer than {KEY_MAX}: {key!r}")
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        insert = sqlite_insert if self.db.is_sqlite else pg_insert
        statement = insert(SeatState).values(seat=self.seat, key=key, value=text, updated_at=utcnow())
        statement = statement.on_conflict_do_update(
            index_elements=[SeatState.seat, SeatState.key],
            set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at},
        )
        with self.db.session() as session:
            session.execute(statement)
