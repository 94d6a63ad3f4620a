"""The grid's work in a period (工作统计), for any grid subtree: what a community office reports each
month — volunteer teams, households visited and people reached, problems found and turned into
tickets, problems solved, meetings held, volunteer hours, votes held.

Volunteer hours are the members' hours of the period's volunteer activities (`volunteers activity`).
`work_stats` is the one core function the screen, the command line and the monthly report share.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from app.context import SiteContext
from app.grid_work.scope import GridScope, grid_scope
from app.models import (
    Building,
    Household,
    Meeting,
    Visit,
    VisitFinding,
    VolunteerActivity,
    VolunteerHours,
    VolunteerTeam,
    Vote,
)
from app.tickets.models import Ticket

VOLUNTEER = "volunteer"  # TeamKind.VOLUNTEER: a compound's 居民自治小组 is not a volunteer team
NO_VOLUNTEER_ACTIVITIES = (
    "志愿服务时长尚无记录（站点未登记志愿活动）volunteer hours are not recorded yet: no volunteer activities"
)


@dataclass(frozen=True)
class WorkStats:
    grid_code: str | None  # None: the whole site
    grid_name: str
    start: datetime  # naive UTC, included
    end: datetime  # naive UTC, excluded
    volunteer_teams: int
    visits: int
    households_visited: int
    people_reached: int  # residents met on the visits (人次)
    findings: int
    findings_by_tag: tuple[tuple[str, int], ...]  # (FindingTag value, count), most first
    findings_ticketed: int  # findings turned into tickets
    findings_solved: int  # of those tickets, closed (结案) in the period
    tickets_solved: int  # every ticket of the subtree closed in the period, whatever its source
    meetings: int
    volunteer_activities: int
    volunteer_hours: float  # the members' hours of the period's activities
    volunteer_hours_note: str  # why the hours are 0 when no activity was recorded
    votes_held: int  # votes counted (closed) in the period

    def as_dict(self) -> dict:
        data = asdict(self)
        data["findings_by_tag"] = dict(self.findings_by_tag)
        return data


def work_stats(
    session_or_ctx: Session | SiteContext, grid_code: str | None, start: datetime, end: datetime
) -> WorkStats:
    """The work of `grid_code`'s subtree (None: the site) in [start, end), both naive UTC."""
    if isinstance(session_or_ctx, SiteContext):
        with session_or_ctx.db.session() as session:
            return work_stats(session, grid_code, start, end)
    session = session_or_ctx
    root, grid_ids = grid_scope(session, grid_code)

    def count(query: Select, grid_column) -> int:
        if grid_ids is not None:
            query = query.where(grid_column.in_(grid_ids))
        return session.scalar(query) or 0

    visits = _visits_in(grid_ids, start, end)
    visit_count, households, people = session.execute(
        select(
            func.count(visits.c.id),
            func.count(func.distinct(visits.c.household_id)),
            func.sum(visits.c.people_met),
        )
    ).one()
    by_tag = session.execute(
        select(VisitFinding.tag, func.count(VisitFinding.id), func.count(VisitFinding.ticket_id))
        .join(visits, visits.c.id == VisitFinding.visit_id)
        .group_by(VisitFinding.tag)
    ).all()
    solved, findings_solved = _tickets_solved(session, root, visits, start, end)
    activities, hours = _volunteering(session, grid_ids, start, end)
    return WorkStats(
        grid_code=grid_code,
        grid_name=root.name if root else "全站",
        start=start,
        end=end,
        volunteer_teams=count(
            select(func.count(VolunteerTeam.id)).where(VolunteerTeam.kind == VOLUNTEER), VolunteerTeam.grid_id
        ),
        visits=visit_count or 0,
        households_visited=households or 0,
        people_reached=int(people or 0),
        findings=sum(n for _tag, n, _t in by_tag),
        findings_by_tag=tuple(
            sorted(((tag, n) for tag, n, _t in by_tag), key=lambda item: (-item[1], item[0]))
        ),
        findings_ticketed=sum(t for _tag, _n, t in by_tag),
        findings_solved=findings_solved,
        tickets_solved=solved,
        meetings=count(
            select(func.count(Meeting.id)).where(Meeting.at >= start, Meeting.at < end), Meeting.grid_id
        ),
        volunteer_activities=activities,
        volunteer_hours=hours,
        volunteer_hours_note="" if activities else NO_VOLUNTEER_ACTIVITIES,
        votes_held=count(
            select(func.count(Vote.id)).where(Vote.closed_at >= start, Vote.closed_at < end), Vote.grid_id
        ),
    )


def _visits_in(grid_ids: set[int] | None, start: datetime, end: datetime) -> Subquery:
    """The period's visits to households of the subtree (the building's grid decides)."""
    query = (
        select(Visit.id, Visit.household_id, Visit.people_met)
        .join(Household, Household.id == Visit.household_id)
        .join(Building, Building.id == Household.building_id)
        .where(Visit.at >= start, Visit.at < end, Visit.voided_at.is_(None))
    )
    if grid_ids is not None:
        query = query.where(Building.grid_id.in_(grid_ids))
    return query.subquery()


def _tickets_solved(
    session: Session, root: GridScope | None, visits: Subquery, start: datetime, end: datetime
) -> tuple[int, int]:
    """Tickets of the subtree closed (结案) in the period: all of them, and those the visits' findings became."""
    closed = select(func.count(Ticket.id)).where(Ticket.closed_at >= start, Ticket.closed_at < end)
    if root is not None:  # a ticket carries its grid at every level, so the subtree is one column
        closed = closed.where(getattr(Ticket, f"grid_l{root.level}_id") == root.id)
    from_findings = select(VisitFinding.ticket_id).join(visits, visits.c.id == VisitFinding.visit_id)
    return session.scalar(closed) or 0, session.scalar(closed.where(Ticket.id.in_(from_findings))) or 0


def _volunteering(
    session: Session, grid_ids: set[int] | None, start: datetime, end: datetime
) -> tuple[int, float]:
    """The period's activities of the subtree's volunteer teams, and their members' hours."""
    query = (
        select(
            func.count(func.distinct(VolunteerActivity.id)),
            func.coalesce(func.sum(VolunteerHours.hours), 0.0),
        )
        .join(VolunteerTeam, VolunteerTeam.id == VolunteerActivity.team_id)
        .outerjoin(VolunteerHours, VolunteerHours.activity_id == VolunteerActivity.id)
        .where(VolunteerActivity.at >= start, VolunteerActivity.at < end, VolunteerTeam.kind == VOLUNTEER)
    )
    if grid_ids is not None:
        query = query.where(VolunteerTeam.grid_id.in_(grid_ids))
    activities, hours = session.execute(query).one()
    return activities or 0, round(float(hours or 0), 2)
