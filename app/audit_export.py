"""The audit log read back: entries by person, action, entity and time, and the same list as a CSV file.

ID numbers and phone numbers an entry quotes are masked, as in every list. An export of the log is itself a bulk read (the entries name residents' households and carry what was
changed), so it is recorded in the log; its text is written as spreadsheet-safe text (`safe_cells`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.models import AuditEntry
from app.roster.masking import mask_id, mask_phone
from app.safe_cells import Cleaner
from app.store import Database

PAGE_LIMIT = 1000
EXPORT_HEADER = ("序号 seq", "时间 UTC time", "操作人 actor", "席位 seat", "操作 action", "对象 entity", "对象编号 id", "内容 detail")  # fmt: skip


@dataclass(frozen=True)
class AuditFilter:
    person: str = ""  # part of the actor's name or the seat
    action: str = ""  # an action, or its start ("ticket." for every ticket action)
    entity: str = ""
    since: datetime | None = None  # naive UTC, inclusive
    until: datetime | None = None  # naive UTC, exclusive


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: datetime
    actor: str
    seat: str
    action: str
    entity: str
    entity_id: int | None
    detail: str


def _filtered(statement: Select, wanted: AuditFilter) -> Select:
    if wanted.person.strip():
        term = wanted.person.strip()
        statement = statement.where(
            AuditEntry.actor.contains(term, autoescape=True) | AuditEntry.seat.contains(term, autoescape=True)
        )
    if wanted.action.strip():
        statement = statement.where(AuditEntry.action.startswith(wanted.action.strip(), autoescape=True))
    if wanted.entity.strip():
        statement = statement.where(AuditEntry.entity == wanted.entity.strip())
    if wanted.since is not None:
        statement = statement.where(AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        statement = statement.where(AuditEntry.at < wanted.until)
    return statement


# Whole ID numbers and phone numbers an entry quotes (a merged report's phone, an edit's before and after).
_ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_PHONE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})(?![0-9])")


def masked(detail: str) -> str:
    """The detail with ID numbers and phone numbers masked: the viewer and its export show people's
    numbers masked like every list does; the log itself keeps what was recorded."""
    return _PHONE.sub(lambda m: mask_phone(m.group()), _ID_NUMBER.sub(lambda m: mask_id(m.group()), detail))


def _lines(session: Session, wanted: AuditFilter, limit: int | None) -> list[AuditLine]:
    columns = (AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.seat, AuditEntry.action,
               AuditEntry.entity, AuditEntry.entity_id, AuditEntry.detail)  # fmt: skip
    statement = _filtered(select(*columns), wanted).order_by(AuditEntry.seq.desc())
    if limit is not None:
        statement = statement.limit(limit)
    return [AuditLine(*row[:-1], masked(row[-1])) for row in session.execute(statement)]


def find_entries(session: Session, wanted: AuditFilter, limit: int = PAGE_LIMIT) -> list[AuditLine]:
    """The newest `limit` entries that match, newest first."""
    return _lines(session, wanted, limit)


def vocabulary(session: Session) -> tuple[list[str], list[str]]:
    """The actions and entities the log holds, for the filters' drop-downs."""
    actions = session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)).all()
    entities = session.scalars(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)).all()
    return list(actions), list(entities)


def export_entries(db: Database, seat: Seat, wanted: AuditFilter, path: Path) -> int:
    """Every matching entry to a CSV file (UTF-8 with BOM for Excel); recorded; returns how many."""
    with db.session() as session:
        lines = _lines(session, wanted, None)
    cleaner = Cleaner()
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_HEADER)
        for line in lines:
            writer.writerow(
                [line.seq, line.at.isoformat(sep=" ", timespec="seconds"), cleaner.csv_text(line.actor),
                 cleaner.csv_text(line.seat), cleaner.csv_text(line.action), cleaner.csv_text(line.entity),
                 "" if line.entity_id is None else line.entity_id, cleaner.csv_text(line.detail)]
            )  # fmt: skip
    with db.session() as session:
        audit.record(
            session, seat, "audit.export", "audit_log", None, file=Path(path).name, entries=len(lines),
            filter={"person": wanted.person, "action": wanted.action, "entity": wanted.entity,
                    "since": wanted.since, "until": wanted.until},
        )  # fmt: skip
    return len(lines)
