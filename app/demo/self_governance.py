"""The demo's 楼院自治 and the details the grid-work screens show: a 楼栋长 and a 微网格员 (residents
of the building, made people linked to the roster) for each building of the detailed compound, the
compound's 居民自治小组 with its members, where the meetings and volunteer activities took place,
the 助老 activities that served a ticket's need, and the resolutions of the compound's latest meeting
(one put to the open vote on the compound's parking). Drawn after the rest of the grid's work, so
what came before stays what the seed made it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.grid_work.volunteers import TeamKind
from app.models import (
    Building,
    Duty,
    DutyRole,
    Grid,
    Household,
    Meeting,
    MeetingResolution,
    Person,
    Resident,
    VolunteerActivity,
    VolunteerTeam,
    VolunteerTeamMember,
    Vote,
)
from app.store.bulk import insert_returning_ids
from app.tickets.models import Ticket

MEETING_PLACES = ("社区党群服务中心二楼会议室", "小区物业办公室", "网格工作站", "小区议事亭")
ACTIVITY_PLACES = ("社区党群服务中心", "小区中心广场", "各楼栋楼道", "独居老人家中", "社区卫生服务站")
HELP_TEAM_WORDS = ("探访", "代买", "理发")  # the 助老 team's activities serve LR (老弱) tickets
GROUP_SIZE = 7


def seed_self_governance(session: Session, rng, compound_grid_id: int, now: datetime) -> None:
    _places(session, rng)
    _micro_grid_staff(session, rng, compound_grid_id, now)
    _group(session, rng, compound_grid_id)
    _help_tickets(session)
    _resolutions(session, compound_grid_id)


def _places(session: Session, rng) -> None:
    for meeting_id in session.scalars(select(Meeting.id).order_by(Meeting.id)).all():
        session.execute(
            update(Meeting).where(Meeting.id == meeting_id).values(place=rng.choice(MEETING_PLACES))
        )
    for activity_id in session.scalars(select(VolunteerActivity.id).order_by(VolunteerActivity.id)).all():
        place = rng.choice(ACTIVITY_PLACES)
        session.execute(
            update(VolunteerActivity).where(VolunteerActivity.id == activity_id).values(place=place)
        )


def _residents_of(session: Session, grid_ids: list[int]) -> list[tuple[int, str, str | None, int]]:
    """Residents with a phone no person has yet (a person is known by the phone in the workbook)."""
    taken = set(session.scalars(select(Person.phone).where(Person.phone.is_not(None))))
    rows = session.execute(
        select(Resident.id, Resident.name, Resident.phone, Building.grid_id)
        .join(Household, Household.id == Resident.household_id)
        .join(Building, Building.id == Household.building_id)
        .where(Building.grid_id.in_(grid_ids), Resident.phone.is_not(None))
        .order_by(Resident.id)
    ).all()
    found = []
    for row in rows:  # one person per phone: members of a household may share one
        if row.phone not in taken:
            taken.add(row.phone)
            found.append(row)
    return found


def _people_for(session: Session, residents, title: str) -> list[int]:
    return insert_returning_ids(
        session,
        Person,
        [
            {"name": name, "phone": phone, "title": title, "resident_id": rid}
            for rid, name, phone, _g in residents
        ],
    )


def _micro_grid_staff(session: Session, rng, compound_grid_id: int, now: datetime) -> None:
    buildings = session.scalars(
        select(Grid.id).where(Grid.parent_id == compound_grid_id, Grid.level == 4).order_by(Grid.code)
    ).all()
    by_grid: dict[int, list] = {}
    for row in _residents_of(session, buildings):
        by_grid.setdefault(row[3], []).append(row)
    duties = []
    for grid_id in buildings:
        chosen = rng.sample(by_grid.get(grid_id, []), min(2, len(by_grid.get(grid_id, []))))
        for role, resident in zip((DutyRole.BUILDING_HEAD, DutyRole.MICRO_MEMBER), chosen, strict=False):
            [person_id] = _people_for(session, [resident], role.zh)
            duties.append(
                {"person_id": person_id, "grid_id": grid_id, "role": role.value, "since": now.date()}
            )
    if duties:
        session.execute(insert(Duty), duties)


def _group(session: Session, rng, compound_grid_id: int) -> None:
    buildings = session.scalars(select(Grid.id).where(Grid.parent_id == compound_grid_id)).all()
    residents = _residents_of(session, buildings)
    if not residents:
        return
    name = session.scalar(select(Grid.name).where(Grid.id == compound_grid_id))
    [team_id] = insert_returning_ids(
        session,
        VolunteerTeam,
        [
            {
                "name": f"{name}居民自治小组",
                "grid_id": compound_grid_id,
                "purpose": "小区公共事务议事协商",
                "kind": TeamKind.SELF_GOVERNANCE.value,
            }
        ],
    )
    members = _people_for(session, rng.sample(residents, min(GROUP_SIZE, len(residents))), "居民自治小组成员")
    session.execute(insert(VolunteerTeamMember), [{"team_id": team_id, "person_id": p} for p in members])


def _help_tickets(session: Session) -> None:
    """The 助老 team's latest activities each served one of the LR (老弱) tickets."""
    tickets = session.scalars(
        select(Ticket.id).where(Ticket.category_code.like("LR%")).order_by(Ticket.created_at.desc()).limit(4)
    ).all()
    helpers = session.scalars(
        select(VolunteerActivity.id)
        .join(VolunteerTeam, VolunteerTeam.id == VolunteerActivity.team_id)
        .where(VolunteerTeam.kind == TeamKind.VOLUNTEER.value)
        .where(
            VolunteerActivity.title.like(f"%{HELP_TEAM_WORDS[0]}%")
            | VolunteerActivity.title.like(f"%{HELP_TEAM_WORDS[1]}%")
        )
        .order_by(VolunteerActivity.at.desc())
        .limit(len(tickets))
    ).all()
    for activity_id, ticket_id in zip(helpers, tickets, strict=False):
        session.execute(
            update(VolunteerActivity).where(VolunteerActivity.id == activity_id).values(ticket_id=ticket_id)
        )


def _resolutions(session: Session, compound_grid_id: int) -> None:
    meeting_id = session.scalar(
        select(Meeting.id).where(Meeting.grid_id == compound_grid_id).order_by(Meeting.at.desc()).limit(1)
    )
    if meeting_id is None:
        return
    vote = session.execute(
        select(Vote.id, Vote.question)
        .where(Vote.grid_id == compound_grid_id, Vote.closed_at.is_(None))
        .limit(1)
    ).first()
    rows = [
        {
            "meeting_id": meeting_id,
            "position": 1,
            "text": "加强楼道堆物清理，由楼栋长每周巡查",
            "ticket_id": None,
            "vote_id": None,
        }
    ]
    if vote is not None:
        rows.append(
            {
                "meeting_id": meeting_id,
                "position": 2,
                "text": vote.question,
                "ticket_id": None,
                "vote_id": vote.id,
            }
        )
    session.execute(insert(MeetingResolution), rows)
