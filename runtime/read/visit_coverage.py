"""Visit coverage for the map: per building's grid, how many households have had no visit in the
last N days (never visited included; voided visits do not count). One grouped query."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, or_, select

from app.context import SiteContext
from app.models import Building, Household, Visit
from app.store.base import utcnow

MAX_DAYS = 3650


class VisitCoverageReads:
    def __init__(self, site: SiteContext) -> None:
        self._db = site.db

    def unvisited(self, days: int) -> dict[int, int]:
        """grid id (the buildings' grids) -> households not visited in the last `days` days."""
        since = utcnow() - timedelta(days=max(1, min(days, MAX_DAYS)))
        last = (
            select(Visit.household_id, func.max(Visit.at).label("at"))
            .where(Visit.voided_at.is_(None))
            .group_by(Visit.household_id)
            .subquery()
        )
        query = (
            select(Building.grid_id, func.count(Household.id))
            .join(Household, Household.building_id == Building.id)
            .outerjoin(last, last.c.household_id == Household.id)
            .where(or_(last.c.at.is_(None), last.c.at < since))
            .group_by(Building.grid_id)
        )
        with self._db.session() as session:
            return {grid_id: n for grid_id, n in session.execute(query)}
