"""Adding to roll-up counters in the caller's transaction: one INSERT … ON CONFLICT DO UPDATE per key,
so two seats counting into the same day and key at once both count (the row lock orders them)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def add_counts(
    session: Session, table: Table, keys: Sequence[str], deltas: Mapping[tuple, Mapping[str, Any]]
) -> None:
    """Add `deltas[key][column]` to each keyed row, creating it (other counters zero) if missing."""
    rows = [
        {**dict(zip(keys, key, strict=True)), **values}
        for key, values in deltas.items()
        if any(values.values())
    ]
    if not rows:
        return
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    for columns, group in by_columns.items():
        counted = [c for c in columns if c not in keys]
        statement = dialect.insert(table)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c[k] for k in keys],
            set_={c: table.c[c] + statement.excluded[c] for c in counted},
        )
        session.execute(statement, group)


def write_counts(
    session: Session, table: Table, keys: Sequence[str], totals: Mapping[tuple, Mapping[str, Any]]
) -> None:
    """Plain inserts into an emptied roll-up (a rebuild): no conflict to resolve, so no upsert."""
    rows = [
        {**dict(zip(keys, key, strict=True)), **values}
        for key, values in totals.items()
        if any(values.values())
    ]
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_columns.setdefault(tuple(sorted(row)), []).append(row)
    for group in by_columns.values():
        session.execute(insert(table), group)
