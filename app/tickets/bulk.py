"""Many rows into one table at once: dispatch batches, the sweep's timeline and audit rows.

On SQLite, SQLAlchemy's per-row parameter handling (building each row's parameters, converting
every datetime through the dialect's bind processor) costs more than SQLite's own insert, so rows
go to the driver's executemany with the datetimes already in the text form SQLAlchemy stores and
reads back ("YYYY-MM-DD HH:MM:SS.ffffff"). Other databases take SQLAlchemy's executemany, whose
drivers handle datetimes natively.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import DateTime, Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.tickets.models import Ticket


def _sqlite_value(value: Any) -> Any:
    return value.isoformat(" ", "microseconds") if isinstance(value, datetime) else value


def _sqlite_rows(table: Table, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows with the values of DateTime columns in SQLAlchemy's SQLite text form."""
    stamped = [i for i, name in enumerate(names) if isinstance(table.c[name].type, DateTime)]
    if not stamped:
        return [tuple(row) for row in rows]
    converted = []
    texts: dict[datetime, str] = {}  # a batch shares a few instants (received, recorded)
    for row in rows:
        values = list(row)
        for i in stamped:
            value = values[i]
            if value is not None:
                text = texts.get(value)
                if text is None:
                    text = texts[value] = value.isoformat(" ", "microseconds")
                values[i] = text
        converted.append(tuple(values))
    return converted


def _with_defaults(table: Table, rows: Sequence[dict[str, Any]]) -> tuple[list[str], list[Any]]:
    """The columns the rows give, plus the Python defaults of the ones they leave out (a callable default
    is called once for the whole batch: the batch is one instant)."""
    given = list(rows[0])
    missing: list[str] = []
    values: list[Any] = []
    for column in table.columns:
        if column.name in rows[0] or column.default is None or column.primary_key:
            continue
        default = column.default
        if default.is_scalar:
            values.append(default.arg)
        elif default.is_callable:
            values.append(default.arg(None))
        else:
            continue
        missing.append(column.name)
    return given + missing, values


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT all rows (each with the same keys) in one executemany."""
    if not rows:
        return
    if session.get_bind().dialect.name != "sqlite":
        session.execute(insert(table), list(rows))
        return
    names, defaults = _with_defaults(table, rows)
    extra = tuple(map(_sqlite_value, defaults))
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    given = names[: len(rows[0])]
    values = itemgetter(*given) if len(given) > 1 else lambda row: (row[given[0]],)
    params = [(*row, *extra) for row in _sqlite_rows(table, given, map(values, rows))]
    session.connection().exec_driver_sql(sql, params)


def update_rows(session: Session, table: Table, names: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> int:
    """UPDATE `names` of each row guarded by its version: rows are (*values, id, version); the version
    goes up by one. Returns how many rows matched (fewer means another seat moved one meanwhile)."""
    if not rows:
        return 0
    if session.get_bind().dialect.name != "sqlite":
        statement = (
            update(table)
            .where(table.c.id == bindparam("_id"), table.c.version == bindparam("_version"))
            .values({name: bindparam(name) for name in names} | {"version": table.c.version + 1})
        )
        params = [
            dict(zip(names, row[: len(names)], strict=True)) | {"_id": row[-2], "_version": row[-1]}
            for row in rows
        ]
        return session.connection().execute(statement, params).rowcount
    rows = _sqlite_rows(table, (*names, "id", "version"), rows)
    assignments = ", ".join(f"{name} = ?" for name in names)
    sql = f"UPDATE {table.name} SET {assignments}, version = version + 1 WHERE id = ? AND version = ?"
    return session.connection().exec_driver_sql(sql, rows).rowcount


def insert_tickets(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ticket rows in one executemany and return their ids in order.

    SQLite cannot promise the order of RETURNING rows in a batch, but it hands out rowids as max+1
    in insertion order while this transaction holds the write lock, so the batch's ids are the last
    len(rows) ids. PostgreSQL returns them in order with insertmanyvalues.
    """
    table = Ticket.__table__
    if session.get_bind().dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(session.execute(statement, rows).scalars())
    insert_rows(session, table, rows)
    last = session.execute(select(func.max(table.c.id))).scalar_one()
    return list(range(last - len(rows) + 1, last + 1))
