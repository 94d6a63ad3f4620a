"""The grid's own work for the views: a household's visits, the households due for a visit, the
work statistics of a subtree and period, the votes (totals only). Each read in its own short session,
frozen values out. Writes go through the core's `VisitLog` and `VoteDesk`. A grid worker's visits,
overdue households and work statistics are their subtree's, whatever grid the view names."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, select

from app.context import SiteContext
from app.grid_work.findings import FindingTag
from app.grid_work.scope import grid_scope
from app.grid_work.visit_list import OverdueHousehold, VisitRow, list_visits, overdue_households
from app.grid_work.vote_reads import VoteSummary, list_votes
from app.grid_work.work_stats import WorkStats, work_stats
from app.models import Building, Duty, DutyRole, Grid, Household, PartyPairing, Person
from app.site_clock import clock_in
from app.store.base import utcnow
from runtime.read.seat_scope import scoped_grid_code

__all__ = ["FindingTag", "OverdueHousehold", "VisitRow", "VoteSummary", "WorkReads", "WorkStats"]


class WorkReads:
    def __init__(self, site: SiteContext) -> None:
        self._db = site.db
        self._site = site

    def household_visits(self, household_id: int, limit: int = 50) -> list[VisitRow]:
        """One household's visits, newest first, with what each found and the tickets it became."""
        with self._db.session() as session:
            return list_visits(session, None, household_id=household_id, limit=limit)

    def visits(
        self, grid_code: str | None, start: datetime | None = None, end: datetime | None = None
    ) -> list[VisitRow]:
        with self._db.session() as session:
            grid_code = scoped_grid_code(self._site, session, grid_code)
            return list_visits(session, grid_scope(session, grid_code)[1], start, end)

    def overdue(self, grid_code: str | None) -> list[OverdueHousehold]:
        with self._db.session() as session:
            grid_code = scoped_grid_code(self._site, session, grid_code)
            return overdue_households(session, grid_scope(session, grid_code)[1], utcnow())

    def stats(self, grid_code: str | None, start: datetime, end: datetime) -> WorkStats:
        with self._db.session() as session:
            return work_stats(session, scoped_grid_code(self._site, session, grid_code), start, end)

    def votes(self) -> list[VoteSummary]:
        with self._db.session() as session:
            return list_votes(session)

    def zone(self) -> ZoneInfo:
        """The site's time zone: the visit form's clock reads and writes in it."""
        with self._db.session() as session:
            return clock_in(session).zone

    def visitors(self, household_id: int | None = None) -> list[tuple[int, str]]:
        """Who can be named as the visitor: the household's own people first (those on duty in its
        grids, from the building up, and its paired party members), then everyone else by name."""
        with self._db.session() as session:
            everyone = [
                (pid, name)
                for pid, name in session.execute(
                    select(Person.id, Person.name).order_by(Person.name, Person.id)
                )
            ]
            own = _own_people(session, household_id) if household_id is not None else []
        first = {pid: rank for rank, pid in enumerate(own)}
        return sorted(everyone, key=lambda person: first.get(person[0], len(first)))


# Who visits households: the grid worker first, then the grid leader, then the rest on duty.
VISITOR_ROLES = case(
    (Duty.role == DutyRole.MEMBER.value, 0), (Duty.role == DutyRole.LEADER.value, 1), else_=2
)


def _own_people(session, household_id: int) -> list[int]:
    """Who is on duty in the household's micro-grid and the grids above it, nearest first, then its
    paired party members."""
    grid_id = session.scalar(
        select(Building.grid_id)
        .join(Household, Household.building_id == Building.id)
        .where(Household.id == household_id)
    )
    people: list[int] = []
    while grid_id is not None:
        people += session.scalars(
            select(Duty.person_id).where(Duty.grid_id == grid_id).order_by(VISITOR_ROLES, Duty.id)
        )
        grid_id = session.scalar(select(Grid.parent_id).where(Grid.id == grid_id))
    people += session.scalars(
        select(PartyPairing.person_id).where(
            PartyPairing.household_id == household_id, PartyPairing.ended_at.is_(None)
        )
    )
    return list(dict.fromkeys(people))
