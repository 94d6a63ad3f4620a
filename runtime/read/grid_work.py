"""What the grid-work screens (议事表决, 会议, 志愿服务, 走访, 工作统计) read: votes with their electorate
and the office's audited ballot list, meetings, volunteer teams with members, activities and hours,
the grids and people the forms pick from. Each read in its own short session, frozen values out.
Writes go through the core's `VoteDesk`, `MeetingBook`, `VolunteerBook` and `VisitLog`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.context import SiteContext
from app.grid_work.meeting_list import MeetingRow, ResolutionLine, list_meetings
from app.grid_work.micro_grid import BuildingStaff, CompoundSelfGovernance, self_governance
from app.grid_work.scope import grid_scope
from app.grid_work.visit_list import OverdueHousehold, VisitRow, list_visits, overdue_households
from app.grid_work.volunteer_reads import ActivityRow, MemberHours, list_activities, member_hours
from app.grid_work.volunteers import TeamLine, list_teams
from app.grid_work.vote_notice import notice_html
from app.grid_work.vote_reads import BallotLine, VoteSummary, describe, inspect, list_votes
from app.models import Ballot, Building, Duty, Grid, Household, Person, Resident, VolunteerTeamMember, Vote
from app.store.base import utcnow

__all__ = [
    "ActivityRow",
    "BallotLine",
    "BuildingStaff",
    "CompoundSelfGovernance",
    "GridChoice",
    "GridWorkReads",
    "MeetingRow",
    "MemberHours",
    "OverdueHousehold",
    "VisitRow",
    "ResolutionLine",
    "TeamLine",
    "Voter",
    "VoteSummary",
]


@dataclass(frozen=True)
class GridChoice:
    code: str
    name: str
    level: int


@dataclass(frozen=True)
class Voter:
    household_id: int | None
    person_id: int | None
    label: str  # the household's address or the member's name
    has_ballot: bool  # whether a ballot is already entered (never which choice)


class GridWorkReads:
    def __init__(self, site: SiteContext) -> None:
        self._site = site
        self._db = site.db

    # ---- the pickers ------------------------------------------------------------------------------

    def grids(self, max_level: int = 4) -> list[GridChoice]:
        """The grids in tree order by code, down to `max_level`."""
        with self._db.session() as session:
            rows = session.execute(
                select(Grid.code, Grid.name, Grid.level).where(Grid.level <= max_level).order_by(Grid.code)
            )
            return [GridChoice(*row) for row in rows]

    def people(self) -> list[tuple[int, str]]:
        with self._db.session() as session:
            return [
                tuple(r)
                for r in session.execute(select(Person.id, Person.name).order_by(Person.name, Person.id))
            ]

    # ---- votes ------------------------------------------------------------------------------------

    def votes(self, grid_code: str | None = None) -> list[VoteSummary]:
        """The votes of a compound or building (and the groups of its subtree), latest closing first."""
        with self._db.session() as session:
            return list_votes(session, grid_scope(session, grid_code)[1])

    def vote(self, vote_id: int) -> VoteSummary:
        with self._db.session() as session:
            return describe(session, vote_id)

    def voters(self, vote_id: int) -> list[Voter]:
        """Who may vote in `vote_id` and whether their ballot is in; choices stay secret."""
        with self._db.session() as session:
            vote = session.get(Vote, vote_id)
            if vote is None:
                return []
            entered = session.execute(
                select(Ballot.household_id, Ballot.person_id).where(Ballot.vote_id == vote_id)
            ).all()
            if vote.team_id is not None:
                done = {p for _h, p in entered}
                rows = session.execute(
                    select(Person.id, Person.name)
                    .join(VolunteerTeamMember, VolunteerTeamMember.person_id == Person.id)
                    .where(VolunteerTeamMember.team_id == vote.team_id)
                    .order_by(Person.name)
                )
                return [Voter(None, pid, name, pid in done) for pid, name in rows]
            done = {h for h, _p in entered}
            grids = select(Grid.id).where((Grid.id == vote.grid_id) | (Grid.parent_id == vote.grid_id))
            address = Building.address + Household.unit + "单元" + Household.room + "室"
            rows = session.execute(
                select(Household.id, address)
                .join(Building, Building.id == Household.building_id)
                .where(Building.grid_id.in_(grids))
                .order_by(Building.address, Household.unit, Household.room)
            )
            return [Voter(hid, None, label, hid in done) for hid, label in rows]

    def ballots(self, vote_id: int, reason: str) -> list[BallotLine]:
        """Each ballot with its voter and choice, for the office: written to the audit log with the
        reason (the caller checks the permission; the core refuses an empty reason)."""
        with self._db.session() as session:
            return inspect(session, self._site.seat, vote_id, reason)

    def notice(self, vote_id: int) -> str:
        """The 公示 of a counted vote as HTML, dated today (the site's zone)."""
        with self._db.session() as session:
            summary = describe(session, vote_id)
        return notice_html(summary, self._site.clock.zone, utcnow())

    # ---- visits -----------------------------------------------------------------------------------

    def visits(
        self,
        grid_code: str | None,
        start: datetime | None = None,
        end: datetime | None = None,
        visitor_id: int | None = None,
        tag: str | None = None,
    ) -> list[VisitRow]:
        """A subtree's visits (voided ones marked), newest first, filtered by period, visitor, finding."""
        with self._db.session() as session:
            grids = grid_scope(session, grid_code)[1]
            return list_visits(session, grids, start, end, visitor_id=visitor_id, tag=tag)

    def overdue(self, grid_code: str | None, worker_id: int | None = None) -> list[OverdueHousehold]:
        """The households due for a visit, by the grid worker who owes it (one worker, or all)."""
        with self._db.session() as session:
            found = overdue_households(session, grid_scope(session, grid_code)[1], utcnow())
        return [o for o in found if worker_id is None or o.worker_id == worker_id]

    # ---- 楼院自治 ---------------------------------------------------------------------------------

    def self_governance(self, compound_code: str) -> CompoundSelfGovernance:
        """A compound's buildings with their 楼栋长 and 微网格员, and its 居民自治小组."""
        with self._db.session() as session:
            return self_governance(session, compound_code)

    # ---- meetings ---------------------------------------------------------------------------------

    def meetings(
        self, grid_code: str | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[MeetingRow]:
        with self._db.session() as session:
            return list_meetings(session, grid_scope(session, grid_code)[1], start, end)

    def meeting_people(self, grid_code: str) -> list[tuple[int, str]]:
        """Who is expected at a grid's meeting: those on duty in the grid, the grids below it and the
        grids above it (nearest first); everyone when nobody is on duty there."""
        with self._db.session() as session:
            scope, below = grid_scope(session, grid_code)
            chain, grid_id = set(below or ()), scope.id if scope else None
            while grid_id is not None:
                chain.add(grid_id)
                grid_id = session.scalar(select(Grid.parent_id).where(Grid.id == grid_id))
            rows = session.execute(
                select(Person.id, Person.name)
                .join(Duty, Duty.person_id == Person.id)
                .where(Duty.grid_id.in_(chain))
                .distinct()
                .order_by(Person.name)
            ).all()
        return [tuple(r) for r in rows] or self.people()

    # ---- volunteers -------------------------------------------------------------------------------

    def teams(self, grid_code: str | None = None, kind: str | None = None) -> list[TeamLine]:
        with self._db.session() as session:
            return list_teams(session, grid_scope(session, grid_code)[1], kind)

    def residents(self, grid_code: str | None, limit: int = 2000) -> list[tuple[int, str]]:
        """The residents of a subtree who may join a team or take a micro-grid job, those with a phone on
        record (a person needs one): (resident id, "name · address")."""
        address = Building.address + Household.unit + "单元" + Household.room + "室"
        with self._db.session() as session:
            query = (
                select(Resident.id, Resident.name, address)
                .join(Household, Household.id == Resident.household_id)
                .join(Building, Building.id == Household.building_id)
                .where(Resident.phone.is_not(None), Resident.phone != "")
                .order_by(Building.address, Household.unit, Household.room, Resident.name)
                .limit(limit)
            )
            grids = grid_scope(session, grid_code)[1]
            if grids is not None:
                query = query.where(Building.grid_id.in_(grids))
            return [(rid, f"{name} · {place}") for rid, name, place in session.execute(query)]

    def team_members(self, team_id: int) -> list[MemberHours]:
        """A team's members with each one's hours in this team and in every team."""
        with self._db.session() as session:
            return member_hours(session, team_id)

    def activities(self, team_id: int) -> list[ActivityRow]:
        with self._db.session() as session:
            return list_activities(session, team_id)

    def ballot_count(self, vote_id: int) -> int:
        with self._db.session() as session:
            return session.scalar(select(func.count()).where(Ballot.vote_id == vote_id)) or 0
