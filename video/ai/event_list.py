"""Reading the stored AI events for the operator's list: filtered, newest first, one page at a time.

The list never loads the pictures (they stay in the store until a row is opened, see
`event_pictures`) and never more than a page: pages are keyed on (time, id), so scrolling deep into a
year of events costs the same as the first page. Residents' names are filled in only for seats that
may see them; a watch-list entry's label is an alias, never a resident's name, and is always shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from app.models import Camera, Resident
from app.store import Database
from video.ai.records import AiEvent, FaceSubject

PAGE_SIZE = 100


@dataclass(frozen=True)
class EventFilter:
    kind: str | None = None  # a key of events.KINDS
    camera_id: int | None = None
    since: datetime | None = None  # naive UTC, inclusive
    until: datetime | None = None  # naive UTC, exclusive
    urgent_only: bool = False


@dataclass(frozen=True)
class EventRow:
    """One line of the event list (no pictures: only whether there are any)."""

    event_id: int
    at: datetime  # naive UTC
    kind: str
    urgent: bool
    camera_id: int | None
    camera_name: str
    subject_id: int | None
    subject_list: str | None
    who: str  # resident's name (seats that may see it), watch-list label, or ""
    zone: str | None
    score: float
    detail: dict[str, Any]
    has_snapshot: bool
    has_face: bool


def _filtered(statement: Select, where: EventFilter) -> Select:
    conditions = []
    if where.kind:
        conditions.append(AiEvent.kind == where.kind)
    if where.camera_id is not None:
        conditions.append(AiEvent.camera_id == where.camera_id)
    if where.since is not None:
        conditions.append(AiEvent.at >= where.since)
    if where.until is not None:
        conditions.append(AiEvent.at < where.until)
    if where.urgent_only:
        conditions.append(AiEvent.urgent.is_(True))
    return statement.where(and_(*conditions)) if conditions else statement


def count_events(db: Database, where: EventFilter) -> int:
    with db.session() as session:
        return session.scalar(_filtered(select(func.count(AiEvent.id)), where)) or 0


def event_page(
    db: Database,
    where: EventFilter,
    *,
    before: tuple[datetime, int] | None = None,
    limit: int = PAGE_SIZE,
    names_visible: bool = False,
) -> list[EventRow]:
    """Up to `limit` events older than `before` (the last row's (at, id) of the previous page)."""
    statement = _filtered(
        select(
            AiEvent.id,
            AiEvent.at,
            AiEvent.kind,
            AiEvent.urgent,
            AiEvent.camera_id,
            Camera.name.label("camera_name"),
            AiEvent.subject_id,
            FaceSubject.list_name,
            FaceSubject.label,
            Resident.name.label("resident_name"),
            AiEvent.zone,
            AiEvent.score,
            AiEvent.detail,
            AiEvent.snapshot.is_not(None).label("has_snapshot"),
            AiEvent.face_crop.is_not(None).label("has_face"),
        )
        .outerjoin(Camera, Camera.id == AiEvent.camera_id)
        .outerjoin(FaceSubject, FaceSubject.id == AiEvent.subject_id)
        .outerjoin(Resident, Resident.id == FaceSubject.resident_id),
        where,
    )
    if before is not None:
        at, event_id = before
        statement = statement.where(or_(AiEvent.at < at, and_(AiEvent.at == at, AiEvent.id < event_id)))
    statement = statement.order_by(AiEvent.at.desc(), AiEvent.id.desc()).limit(limit)
    with db.session() as session:
        rows = session.execute(statement).all()
    return [
        EventRow(
            event_id=row.id,
            at=row.at,
            kind=row.kind,
            urgent=bool(row.urgent),
            camera_id=row.camera_id,
            camera_name=row.camera_name or "",
            subject_id=row.subject_id,
            subject_list=row.list_name,
            who=(row.resident_name if names_visible else "") or row.label or "",
            zone=row.zone,
            score=float(row.score or 0.0),
            detail=_detail(row.detail),
            has_snapshot=bool(row.has_snapshot),
            has_face=bool(row.has_face),
        )
        for row in rows
    ]


def _detail(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def event_pictures(db: Database, event_id: int) -> tuple[bytes | None, bytes | None]:
    """The event's snapshot and best face crop (JPEG), loaded only when the operator opens the event."""
    with db.session() as session:
        row = session.execute(
            select(AiEvent.snapshot, AiEvent.face_crop).where(AiEvent.id == event_id)
        ).one_or_none()
    return (row.snapshot, row.face_crop) if row is not None else (None, None)


def event_cameras(db: Database) -> list[tuple[int, str]]:
    """The cameras that can raise AI events (AI switched on, or with stored events), for the filter."""
    with db.session() as session:
        with_events = select(AiEvent.camera_id).where(AiEvent.camera_id.is_not(None)).distinct()
        rows = session.execute(
            select(Camera.id, Camera.name)
            .where(or_(Camera.ai_enabled.is_(True), Camera.id.in_(with_events)))
            .order_by(Camera.name, Camera.id)
        ).all()
    return [(row.id, row.name) for row in rows]
