"""Volunteer teams (志愿服务队), their members and activities (志愿活动) with each member's hours, which
the work statistics add up. Only people of the people table volunteer (a resident who volunteers is
first a person: the roster's workbook or 人员与职责)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, Topic, VolunteerChanged
from app.grid_work.errors import WorkError
from app.models import Grid, Person, VolunteerActivity, VolunteerHours, VolunteerTeam, VolunteerTeamMember
from app.store.base import utcnow

MAX_HOURS = 24.0  # one activity, one person: more is a typing slip


@dataclass(frozen=True)
class ActivityDraft:
    team_id: int
    at: datetime  # naive UTC, not in the future
    title: str
    hours: tuple[tuple[int, float], ...]  # (person id, hours) of the members who took part
    note: str = ""


@dataclass(frozen=True)
class TeamLine:
    team_id: int
    name: str
    grid: str
    purpose: str
    members: int
    activities: int
    hours: float


class VolunteerBook:
    """Adds teams and members and records activities for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def add_team(self, name: str, grid_code: str, purpose: str = "") -> int:
        name = name.strip()
        if not name or len(name) > 64:
            raise WorkError("队伍名称须为 1–64 字 a team name is 1 to 64 characters")
        with self.site.db.session() as session:
            grid = session.scalar(select(Grid).where(Grid.code == grid_code))
            if grid is None:
                raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
            team = VolunteerTeam(name=name, grid_id=grid.id, purpose=purpose.strip() or None)
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
            activity = VolunteerActivity(
                team_id=draft.team_id, at=draft.at, title=draft.title.strip(), note=draft.note.strip()
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
                hours=dict(draft.hours),
            )
            activity_id = activity.id
        self._publish(draft.team_id, "activity")
        return activity_id

    def _publish(self, team_id: int, action: str) -> None:
        self.site.hub.publish(Change(Topic.VOLUNTEER, (team_id,), VolunteerChanged(action)))


def _team(session: Session, team_id: int) -> VolunteerTeam:
    team = session.get(VolunteerTeam, team_id)
    if team is None:
        raise WorkError(f"队伍 {team_id} 不存在 team {team_id} does not exist")
    return team


def _check_activity(draft: ActivityDraft, now: datetime) -> None:
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


def list_teams(session: Session, grid_ids: set[int] | None = None) -> list[TeamLine]:
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
    return [
        TeamLine(t.id, t.name, grid, t.purpose or "", m or 0, a or 0, float(h or 0))
        for t, grid, m, a, h in session.execute(query)
    ]
