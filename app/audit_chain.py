"""The audit log's hash chain: how an entry is sealed and how the chain is checked.

An entry's hash is SHA-256 over the previous entry's hash and the entry's canonical content (its place
`seq`, time, actor, seat, action, entity, entity id and the stored detail text). Changing any of them,
removing an entry or slipping one in breaks the chain at that entry; `verify` names the first such
entry. The format is part of the stored data: the 0010 migration sealed the older entries with it.

What the chain cannot show by itself: someone who can write the database and recomputes every hash
after the one they changed (and the head). `main.py audit verify` prints the head's hash so an office
can note it elsewhere (a paper log, a second system) and compare later.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.audit import AuditEntry, AuditHead

GENESIS = "0" * 64
HEAD_ID = 1


def canonical(
    seq: int,
    at: datetime,
    actor: str,
    seat: str,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str,
) -> str:
    """The entry's content as one fixed text: the same bytes on SQLite and PostgreSQL."""
    fields = [seq, at.isoformat(timespec="microseconds"), actor, seat, action, entity, entity_id, detail]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def seal(prev_hash: str, content: str) -> str:
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def entry_hash(prev_hash: str, row) -> str:
    """The hash a stored row (anything with the entry's attributes) should carry."""
    content = canonical(
        row.seq, row.at, row.actor, row.seat, row.action, row.entity, row.entity_id, row.detail
    )
    return seal(prev_hash, content)


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold."""

    kind: str  # "changed", "deleted" or "inserted"
    entry_id: int | None
    seq: int | None
    message: str


@dataclass(frozen=True)
class ChainReport:
    checked: int
    head_seq: int
    head_hash: str
    first_break: Break | None

    @property
    def intact(self) -> bool:
        return self.first_break is None


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.seq,
    AuditEntry.at,
    AuditEntry.actor,
    AuditEntry.seat,
    AuditEntry.action,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.detail,
    AuditEntry.prev_hash,
    AuditEntry.hash,
)


def verify(session: Session) -> ChainReport:
    """Walk the chain in order and stop at the first entry that breaks it."""
    rows = session.execute(
        select(*_COLUMNS).order_by(AuditEntry.seq.is_(None), AuditEntry.seq, AuditEntry.id)
    ).yield_per(2000)
    head = session.get(AuditHead, HEAD_ID)
    head_seq, head_hash = (head.last_seq, head.last_hash) if head else (0, GENESIS)
    checked, last_seq, last_hash, problem = _walk(rows)
    if problem is None and head is None:
        problem = Break("deleted", None, None, "审计链头已被删除 the chain's head (audit_head) was deleted")
    if problem is None:
        problem = _check_head(head_seq, head_hash, last_seq, last_hash)
    return ChainReport(checked, head_seq, head_hash, problem)


def _walk(rows: Iterable) -> tuple[int, int, str, Break | None]:
    expected_prev, expected_seq, checked = GENESIS, 1, 0
    for row in rows:
        problem = _check_row(row, expected_seq, expected_prev)
        if problem is not None:
            return checked, expected_seq - 1, expected_prev, problem
        expected_prev, expected_seq, checked = row.hash, expected_seq + 1, checked + 1
    return checked, expected_seq - 1, expected_prev, None


def _check_row(row, expected_seq: int, expected_prev: str) -> Break | None:
    where = f"#{row.id} ({row.at:%Y-%m-%d %H:%M:%S} {row.action})"
    if row.seq is None or row.hash is None or row.seq < expected_seq:
        return Break(
            "inserted",
            row.id,
            row.seq,
            f"记录 {where} 不在链中，系事后插入 not sealed in the chain: inserted",
        )
    if row.seq > expected_seq:
        missing = f"{expected_seq}" if row.seq == expected_seq + 1 else f"{expected_seq}–{row.seq - 1}"
        return Break(
            "deleted",
            row.id,
            row.seq,
            f"记录 {where} 之前缺少第 {missing} 条 entries {missing} before it were deleted",
        )
    if row.prev_hash != expected_prev:
        return Break(
            "changed",
            row.id,
            row.seq,
            f"记录 {where} 与前一条不相接 does not follow the entry before it (changed, or one was replaced)",
        )
    if entry_hash(expected_prev, row) != row.hash:
        return Break(
            "changed",
            row.id,
            row.seq,
            f"记录 {where} 的内容已被修改 its content was changed after it was written",
        )
    return None


def _check_head(head_seq: int, head_hash: str, last_seq: int, last_hash: str) -> Break | None:
    if head_seq > last_seq:
        return Break(
            "deleted",
            None,
            last_seq + 1,
            f"链尾第 {last_seq + 1}–{head_seq} 条已被删除 the last entries {last_seq + 1}–{head_seq} were deleted",
        )
    if head_seq < last_seq:
        return Break(
            "inserted",
            None,
            head_seq + 1,
            f"第 {head_seq + 1} 条起为事后追加 entries from {head_seq + 1} on were appended outside the program",
        )
    if head_hash != last_hash:
        return Break(
            "changed", None, last_seq, f"第 {last_seq} 条与链头不符 the newest entry does not match the head"
        )
    return None
