"""Reading alarms back: the filtered list with addresses, and one alarm's audit trail."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from alarms.addresses import household_addresses
from alarms.models import Alarm, AlarmState
from alarms.values import AlarmView
from app.models import AuditEntry


@dataclass(frozen=True)
class AlarmFilter:
    state: str | None = None  # raised / acknowledged / handled / "open" (not handled)
    priority: int | None = None
    text: str = ""
    since: datetime | None = None  # naive UTC
    until: datetime | None = None
    limit: int = 500
    within: frozenset[int] | None = None  # a grid worker's subtree, set by the read model from the user


@dataclass(frozen=True)
class AlarmRow:
    alarm: AlarmView
    address: str
    handler: str = ""  # who handled (else acknowledged) it, by the person's name (the reader fills it)


@dataclass(frozen=True)
class Step:
    at: datetime
    actor: str
    action: str
    detail: dict


def find_alarms(session: Session, wanted: AlarmFilter) -> list[AlarmRow]:
    query = select(Alarm).order_by(Alarm.raised_at.desc(), Alarm.id.desc()).limit(wanted.limit)
    if wanted.state == "open":
        query = query.where(Alarm.state != AlarmState.HANDLED)
    elif wanted.state:
        query = query.where(Alarm.state == wanted.state)
    if wanted.within is not None:
        query = query.where(Alarm.grid_id.in_(wanted.within))
    if wanted.priority:
        query = query.where(Alarm.priority == wanted.priority)
    if wanted.since:
        query = query.where(Alarm.raised_at >= wanted.since)
    if wanted.until:
        query = query.where(Alarm.raised_at < wanted.until)
    if wanted.text:
        like = f"%{wanted.text}%"
        query = query.where(
            or_(Alarm.title.like(like), Alarm.detail.like(like), Alarm.acknowledged_by.like(like))
        )
    views = [AlarmView.of(row) for row in session.scalars(query)]
    addresses = household_addresses(session, {v.household_id for v in views if v.household_id is not None})
    return [
        AlarmRow(v, addresses.get(v.household_id, "") or str(v.detail.get("address") or "")) for v in views
    ]


def alarm_history(session: Session, alarm_id: int) -> list[Step]:
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.entity == "alarm", AuditEntry.entity_id == alarm_id)
        .order_by(AuditEntry.at, AuditEntry.id)
    ).all()
    return [Step(r.at, r.actor, r.action, json.loads(r.detail or "{}")) for r in rows]
