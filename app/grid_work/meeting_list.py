"""Reading meetings back: a subtree's meetings in a period with who came, who did not, and what each
resolution became. Frozen rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Grid, Meeting, MeetingAttendance, MeetingResolution, Person


@dataclass(frozen=True)
class ResolutionLine:
    text: str
    ticket_id: int | None
    vote_id: int | None
    position: int = 0


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: int
    at: datetime  # naive UTC
    grid: str
    title: str
    agenda: str
    minutes: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    resolutions: tuple[ResolutionLine, ...]
    place: str = ""


def list_meetings(
    session: Session, grid_ids: set[int] | None, start: datetime | None = None, end: datetime | None = None
) -> list[MeetingRow]:
    query = select(Meeting, Grid.name).join(Grid, Grid.id == Meeting.grid_id).order_by(Meeting.at.desc())
    if grid_ids is not None:
        query = query.where(Meeting.grid_id.in_(grid_ids))
    if start is not None:
        query = query.where(Meeting.at >= start)
    if end is not None:
        query = query.where(Meeting.at < end)
    meetings = session.execute(query).all()
    ids = [m.id for m, _grid in meetings]
    people: dict[tuple[int, bool], list[str]] = defaultdict(list)
    resolutions: dict[int, list[ResolutionLine]] = defaultdict(list)
    if ids:
        for meeting_id, present, name in session.execute(
            select(MeetingAttendance.meeting_id, MeetingAttendance.present, Person.name)
            .join(Person, Person.id == MeetingAttendance.person_id)
            .where(MeetingAttendance.meeting_id.in_(ids))
            .order_by(Person.name)
        ):
            people[(meeting_id, present)].append(name)
        for r in session.scalars(
            select(MeetingResolution)
            .where(MeetingResolution.meeting_id.in_(ids))
            .order_by(MeetingResolution.position)
        ):
            resolutions[r.meeting_id].append(ResolutionLine(r.text, r.ticket_id, r.vote_id, r.position))
    return [
        MeetingRow(
            m.id,
            m.at,
            grid,
            m.title,
            m.agenda or "",
            m.minutes or "",
            tuple(people[(m.id, True)]),
            tuple(people[(m.id, False)]),
            tuple(resolutions[m.id]),
            m.place or "",
        )
        for m, grid in meetings
    ]
