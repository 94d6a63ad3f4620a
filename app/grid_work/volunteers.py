"""Volunteer teams (志愿服务队), their members and activities (志愿活动) with each member's hours, which
the work statistics add up. Only people of the people table volunteer (a resident who volunteers is
first a person: the roster's workbook or 人员与职责)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, Topic, VolunteerChanged
from app.grid_work.errors import WorkError
from app.models import (
    Grid,
    Person,
    Resident,
    VolunteerActivity,
    VolunteerHours,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.store.base import utcnow
from app.tickets.models import Ticket

MAX_HOURS = 24.0  # one activity, one person: more is a typing slip


class TeamKind(StrEnum):
    VOLUNTEER = "volunteer"  # 志愿服务队: counted by the work statistics
    SELF_GOVERNANCE = "self_governance"  # 居民自治小组 of a compound: its members may vote as a group

    @property
    def zh(self) -> str:
        return {"volunteer": "志愿服务队", "self_governance": "居民自治小组"}[self.value]


@dataclass(frozen=True)
class ActivityDraft:
    team_id: int
    at: datetime  # naive UTC, not in the future
    title: str
    hours: tuple[tuple[int, float], ...]  # (person id, hours) of the members who took part
    note: str = ""
    place: str = ""
    ticket_id: int | None = None  # the ticket whose need the activity served


@dataclass(frozen=True)
class TeamLine:
    team_id: int
    name: str
    grid: str
    purpose: str
    members: int
    activities: int
    hours: float
    kind: str = TeamKind.VOLUNTEER.value


class VolunteerBook:
    """Adds teams and members and records activities for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def add_team(
        self, name: str, grid_code: str, purpose: str = "", kind: str = TeamKind.VOLUNTEER.value
    ) -> int:
        """A volunteer team of a grid, or a compound's 居民自治小组 (one per compound)."""
        name = name.strip()
        if not name or len(name) > 64:
            raise WorkError("队伍名称须为 1–64 字 a team name is 1 to 64 characters")
        if kind not in {k.value for k in TeamKind}:
            raise WorkError(f"队伍类型应为 volunteer 或 self_governance, not {kind!r}")
        with self.site.db.session() as session:
            grid = session.scalar(select(Grid).where(Grid.code == grid_code))
            if grid is None:
                raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
            if kind == TeamKind.SELF_GOVERNANCE:
                _check_self_governance(session, grid)
            team = VolunteerTeam(name=name, grid_id=grid.id, purpose=purpose.strip() or None, kind=kind)
            session.add(team)
            session.flush()
            audit.record(
                session,
                self.site.seat,
                "volunteer.team_add",
                "volunteer_team",
                team.id,
                name=name,
                grid=grid_code,
                kind=kind,
            )
            team_id = team.id
        self._publish(team_id, "team_added")
        return team_id

    def join(self, team_id: int, person_id: int) -> bool:
        """Add a member; False when they already were one."""
        with self.site.db.session() as session:
            _team(session, team_id)
            if session.get(Person, person_id) is None:
                raise WorkError(f"人员 {person_id} 不存在 person {person_id} does not exist")
            if session.get(VolunteerTeamMember, (team_id, person_id)) is not None:
                return False
            session.add(VolunteerTeamMember(team_id=team_id, person_id=person_id))
            audit.record(
                session, self.site.seat, "volunteer.join", "volunteer_team", team_id, person_id=person_id
            )
        self._publish(team_id, "joined")
        return True

    def join_resident(self, team_id: int, resident_id: int) -> tuple[int, bool]:
        """A resident of the roster joins a team: they become a person of the people table (linked by
        `people.resident_id`, reused when they already are one); (person id, newly joined)."""
        with self.site.db.session() as session:
            _team(session, team_id)
            person_id = person_for_resident(session, resident_id, "居民志愿者").id
        return person_id, self.join(team_id, person_id)

    def record_activity(self, draft: ActivityDraft, *, now: datetime | None = None) -> int:
        _check_activity(draft, now or utcnow())
        with self.site.db.session() as session:
            _team(session, draft.team_id)
            members = set(
                session.scalars(
                    select(VolunteerTeamMember.person_id).where(VolunteerTeamMember.team_id == draft.team_id)
                )
            )
            strangers = sorted({p for p, _h in draft.hours} - members)
            if strangers:
                raise WorkError(f"不是本队成员 not members of the team: {', '.join(map(str, strangers))}")
            if draft.ticket_id is not None and session.get(Ticket, draft.ticket_id) is None:
                raise WorkError(f"工单 {draft.ticket_id} 不存在 ticket {draft.ticket_id} does not exist")
            activity = VolunteerActivity(
                team_id=draft.team_id,
                at=draft.at,
                title=draft.title.strip(),
                note=draft.note.strip(),
                place=draft.place.strip(),
                ticket_id=draft.ticket_id,
            )
            session.add(activity)
            session.flush()
            session.add_all(
                VolunteerHours(activity_id=activity.id, person_id=p, hours=h) for p, h in draft.hours
            )
            audit.record(
                session,
                self.site.seat,
                "volunteer.activity",
                "volunteer_activity",
                activity.id,
                team_id=draft.team_id,
                at=draft.at.isoformat(),
                title=activity.title,
                place=activity.place,
                ticket_id=draft.ticket_id,
                hours=dict(draft.hours),
            )
            activity_id = activity.id
        self._publish(draft.team_id, "activity")
        return activity_id

    def _publish(self, team_id: int, action: str) -> None:
        self.site.hub.publish(Change(Topic.VOLUNTEER, (team_id,), VolunteerChanged(action)))


def person_for_resident(session: Session, resident_id: int, title: str) -> Person:
    """The person (people table) a resident of the roster is: the one linked by `people.resident_id`,
    else the one with the resident's phone (a person is known by the phone, as in the site's
    workbook), else a new one linked to the roster. Volunteers, 楼栋长 and 微网格员 are people, and a
    person needs a phone the office can call: a resident without one is refused."""
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise WorkError(f"居民 {resident_id} 不存在 resident {resident_id} does not exist")
    person = session.scalar(select(Person).where(Person.resident_id == resident_id).order_by(Person.id))
    if person is None and not resident.phone:
        raise WorkError(
            f"{resident.name} 没有登记手机，请先在花名册中补充 the resident has no phone on record"
        )
    if person is None:
        person = session.scalar(select(Person).where(Person.phone == resident.phone).order_by(Person.id))
    if person is None:
        person = Person(name=resident.name, phone=resident.phone, title=title, resident_id=resident_id)
        session.add(person)
        session.flush()
    return person


def _team(session: Session, team_id: int) -> VolunteerTeam:
    team = session.get(VolunteerTeam, team_id)
    if team is None:
        raise WorkError(f"队伍 {team_id} 不存在 team {team_id} does not exist")
    return team


def _check_self_governance(session: Session, grid: Grid) -> None:
    """A 居民自治小组 belongs to a compound (level 3), one per compound."""
    if grid.level != 3:
        raise WorkError(
            f"居民自治小组须建在小区网格（{grid.name} 是第 {grid.level} 级）"
            " a residents' self-governance group belongs to a compound (level 3)"
        )
    existing = session.scalar(
        select(VolunteerTeam.name).where(
            VolunteerTeam.grid_id == grid.id, VolunteerTeam.kind == TeamKind.SELF_GOVERNANCE.value
        )
    )
    if existing is not None:
        raise WorkError(f"{grid.name} 已有居民自治小组“{existing}” the compound already has its group")


def _check_activity(draft: ActivityDraft, now: datetime) -> None:
    if len(draft.place) > 200:
        raise WorkError("活动地点过长（最多 200 字）the place is longer than 200 characters")
    if draft.at > now:
        raise WorkError("活动时间不能晚于现在 the activity cannot be in the future")
    if not draft.title.strip():
        raise WorkError("须填写活动名称 the activity needs a title")
    if not draft.hours:
        raise WorkError("须登记至少一名成员的服务时长 give at least one member's hours")
    people = [p for p, _h in draft.hours]
    if len(set(people)) != len(people):
        raise WorkError("同一成员登记了两次 a member is listed twice")
    for person_id, hours in draft.hours:
        if not 0 < hours <= MAX_HOURS:
            raise WorkError(
                f"人员 {person_id} 的时长应在 0–{MAX_HOURS:g} 小时之间 hours must be over 0 and at most {MAX_HOURS:g}"
            )


def list_teams(session: Session, grid_ids: set[int] | None = None, kind: str | None = None) -> list[TeamLine]:
    """The teams of a subtree (None: everywhere), of one kind or of every kind."""
    members = (
        select(VolunteerTeamMember.team_id, func.count().label("n"))
        .group_by(VolunteerTeamMember.team_id)
        .subquery()
    )
    activity = (
        select(
            VolunteerActivity.team_id,
            func.count(func.distinct(VolunteerActivity.id)).label("n"),
            func.coalesce(func.sum(VolunteerHours.hours), 0.0).label("hours"),
        )
        .outerjoin(VolunteerHours, VolunteerHours.activity_id == VolunteerActivity.id)
        .group_by(VolunteerActivity.team_id)
        .subquery()
    )
    query = (
        select(VolunteerTeam, Grid.name, members.c.n, activity.c.n, activity.c.hours)
        .join(Grid, Grid.id == VolunteerTeam.grid_id)
        .outerjoin(members, members.c.team_id == VolunteerTeam.id)
        .outerjoin(activity, activity.c.team_id == VolunteerTeam.id)
        .order_by(VolunteerTeam.id)
    )
    if grid_ids is not None:
        query = query.where(VolunteerTeam.grid_id.in_(grid_ids))
    if kind is not None:
        query = query.where(VolunteerTeam.kind == kind)
    return [
        TeamLine(t.id, t.name, grid, t.purpose or "", m or 0, a or 0, float(h or 0), t.kind)
        for t, grid, m, a, h in session.execute(query)
    ]
