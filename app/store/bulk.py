"""Bulk inserts that keep the order of generated ids: the demo and importers write thousands of rows."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.orm import Session

# SQLAlchemy re-assembles ordered RETURNING rows batch by batch at a cost that grows with the size of one
# statement; chunks of this size keep it linear.
CHUNK = 500


def insert_returning_ids(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert rows in batches; the ids come back in the order of `rows`."""
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        ids.extend(session.execute(statement, rows[start : start + CHUNK]).scalars())
    return ids
