"""Reading a volunteer team back: its members with their hours (in this team and in all teams: a
volunteer's total), and its activities with place, participants, hours and the ticket each served."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Person, VolunteerActivity, VolunteerHours, VolunteerTeamMember


@dataclass(frozen=True)
class MemberHours:
    person_id: int
    name: str
    resident: bool  # the volunteer is a resident of the roster (people.resident_id)
    team_hours: float  # served in this team's activities
    total_hours: float  # served in every team's activities


@dataclass(frozen=True)
class ActivityRow:
    activity_id: int
    at: datetime  # naive UTC
    title: str
    place: str
    note: str
    ticket_id: int | None
    participants: tuple[tuple[str, float], ...]  # (name, hours)

    @property
    def hours(self) -> float:
        return round(sum(h for _n, h in self.participants), 2)


def member_hours(session: Session, team_id: int) -> list[MemberHours]:
    members = session.execute(
        select(Person.id, Person.name, Person.resident_id)
        .join(VolunteerTeamMember, VolunteerTeamMember.person_id == Person.id)
        .where(VolunteerTeamMember.team_id == team_id)
        .order_by(Person.name, Person.id)
    ).all()
    ids = [m.id for m in members]
    total = dict(
        session.execute(
            select(VolunteerHours.person_id, func.sum(VolunteerHours.hours))
            .where(VolunteerHours.person_id.in_(ids))
            .group_by(VolunteerHours.person_id)
        ).all()
    )
    in_team = dict(
        session.execute(
            select(VolunteerHours.person_id, func.sum(VolunteerHours.hours))
            .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
            .where(VolunteerActivity.team_id == team_id, VolunteerHours.person_id.in_(ids))
            .group_by(VolunteerHours.person_id)
        ).all()
    )
    return [
        MemberHours(
            pid,
            name,
            resident is not None,
            round(float(in_team.get(pid) or 0), 2),
            round(float(total.get(pid) or 0), 2),
        )
        for pid, name, resident in members
    ]


def list_activities(session: Session, team_id: int, limit: int = 200) -> list[ActivityRow]:
    """A team's activities, newest first."""
    activities = session.scalars(
        select(VolunteerActivity)
        .where(VolunteerActivity.team_id == team_id)
        .order_by(VolunteerActivity.at.desc(), VolunteerActivity.id.desc())
        .limit(limit)
    ).all()
    people: dict[int, list[tuple[str, float]]] = defaultdict(list)
    ids = [a.id for a in activities]
    if ids:
        for activity_id, name, hours in session.execute(
            select(VolunteerHours.activity_id, Person.name, VolunteerHours.hours)
            .join(Person, Person.id == VolunteerHours.person_id)
            .where(VolunteerHours.activity_id.in_(ids))
            .order_by(Person.name)
        ):
            people[activity_id].append((name, float(hours)))
    return [
        ActivityRow(a.id, a.at, a.title, a.place or "", a.note or "", a.ticket_id, tuple(people[a.id]))
        for a in activities
    ]
