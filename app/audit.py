"""Writes audit entries in the caller's unit of work, so an action and its record commit together.

Entries wait in the session until it commits; then, as the commit's last step, they are sealed into
the hash chain (`app/audit_chain.py`) in the order they were recorded. Sealing locks the chain's head
row (`audit_head`): on PostgreSQL the row lock makes seats that commit at the same moment append one
after the other, on SQLite the UPDATE takes the database's write lock. Taking it last keeps it short and
means no seat waits for it while holding other rows another seat needs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import event, insert, select, update
from sqlalchemy.orm import Session

from app.audit_chain import HEAD_ID, canonical, seal
from app.config import Seat
from app.models.audit import AuditEntry, AuditHead
from app.store.base import utcnow
from app.store.database import StoreError

# Actions other parts write; named here so the audit viewer and the accounts code agree on them.
SIGN_IN = "sign_in"  # entity "user": an operator signed in at a seat
SIGN_OUT = "sign_out"
BULK_READ = "personal_data.bulk_read"  # a list of residents' personal data left the store in one go

_PENDING = "audit_pending"


def record(
    session: Session, seat: Seat, action: str, entity: str, entity_id: int | None, **detail: Any
) -> None:
    """Note one entry; it is sealed into the chain when the session commits."""
    record_rows(
        session,
        [
            {
                "at": utcnow(),
                "actor": seat.operator,
                "seat": seat.label,
                "action": action,
                "entity": entity,
                "entity_id": entity_id,
                "detail": json.dumps(detail, ensure_ascii=False, default=str),
            }
        ],
    )


def record_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Note entries given as rows (at, actor, seat, action, entity, entity_id, detail as JSON text)."""
    session.info.setdefault(_PENDING, []).extend(rows)


def discard_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "before_commit")
def _seal_pending(session: Session) -> None:
    rows = session.info.pop(_PENDING, None)
    if not rows:
        return
    session.flush()  # the unit's own row locks first: the head's lock is the last one taken
    connection = session.connection()
    head = AuditHead.__table__
    # The no-op UPDATE is the lock: whoever holds it appends next; the others wait for its commit.
    locked = connection.execute(update(head).where(head.c.id == HEAD_ID).values(last_seq=head.c.last_seq))
    if locked.rowcount == 0:  # the migration made it and a trigger keeps it: someone removed it by hand
        raise StoreError(
            "审计链头缺失，请运行 audit verify the audit chain's head is missing: run `audit verify`"
        )
    last_seq, last_hash = connection.execute(
        select(head.c.last_seq, head.c.last_hash).where(head.c.id == HEAD_ID)
    ).one()
    sealed = []
    for row in rows:
        last_seq += 1
        content = canonical(
            last_seq,
            row["at"],
            row["actor"],
            row["seat"],
            row["action"],
            row["entity"],
            row["entity_id"],
            row["detail"],
        )
        entry_hash = seal(last_hash, content)
        sealed.append({**row, "seq": last_seq, "prev_hash": last_hash, "hash": entry_hash})
        last_hash = entry_hash
    _insert(connection, sealed)
    connection.execute(
        update(head).where(head.c.id == HEAD_ID).values(last_seq=last_seq, last_hash=last_hash)
    )


_COLUMNS = ("at", "actor", "seat", "action", "entity", "entity_id", "detail", "seq", "prev_hash", "hash")


def _insert(connection, rows: list[dict[str, Any]]) -> None:
    """On SQLite straight to the driver's executemany, the time in the text form SQLAlchemy stores and
    reads back: SQLAlchemy's per-row parameter handling costs more than the insert (a sweep's batch)."""
    if connection.dialect.name != "sqlite":
        connection.execute(insert(AuditEntry.__table__), rows)
        return
    params = [
        (row["at"].isoformat(" ", "microseconds"), *(row[name] for name in _COLUMNS[1:])) for row in rows
    ]
    placeholders = ", ".join("?" * len(_COLUMNS))
    connection.exec_driver_sql(
        f"INSERT INTO audit_log ({', '.join(_COLUMNS)}) VALUES ({placeholders})", params
    )


@event.listens_for(Session, "after_rollback")
def _drop_pending(session: Session) -> None:
    discard_pending(session)
