"""Who may vote: every household of a compound (level-3 grid) or building (micro-grid), one ballot
each; or every member of a volunteer team (a group), one ballot each."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.grid_work.errors import WorkError
from app.models import Building, Grid, Household, VolunteerTeam, VolunteerTeamMember

HOUSEHOLD_LEVELS = (3, 4)  # 小区 (compound), 楼栋 (building's micro-grid)


@dataclass(frozen=True)
class Electorate:
    grid_id: int
    team_id: int | None  # None: the households of the grid

    def size(self, session: Session) -> int:
        if self.team_id is not None:
            query = select(func.count()).where(VolunteerTeamMember.team_id == self.team_id)
            return session.scalar(query) or 0
        query = select(func.count(Household.id)).join(Building, Building.id == Household.building_id)
        return session.scalar(query.where(Building.grid_id.in_(self._grids(session)))) or 0

    def admits(self, session: Session, household_id: int | None, person_id: int | None) -> bool:
        if self.team_id is not None:
            if person_id is None:
                return False
            key = (self.team_id, person_id)
            return session.get(VolunteerTeamMember, key) is not None
        if household_id is None:
            return False
        grid_id = session.scalar(
            select(Building.grid_id)
            .join(Household, Household.building_id == Building.id)
            .where(Household.id == household_id)
        )
        return grid_id is not None and grid_id in self._grids(session)

    def _grids(self, session: Session) -> set[int]:
        """The compound and its buildings' micro-grids (level 4 is the deepest level)."""
        query = select(Grid.id).where(or_(Grid.id == self.grid_id, Grid.parent_id == self.grid_id))
        return set(session.scalars(query))


def households_of(session: Session, grid_code: str) -> Electorate:
    """The households of a compound or building: refused for a street or community (too wide)."""
    grid = session.scalar(select(Grid).where(Grid.code == grid_code))
    if grid is None:
        raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
    if grid.level not in HOUSEHOLD_LEVELS:
        raise WorkError(
            f"按户表决须选小区或楼栋网格（{grid.name} 是第 {grid.level} 级）"
            f" a household vote is held in a compound or building, not a level-{grid.level} grid"
        )
    return Electorate(grid.id, None)


def members_of(session: Session, team_id: int) -> Electorate:
    team = session.get(VolunteerTeam, team_id)
    if team is None:
        raise WorkError(f"队伍 {team_id} 不存在 group {team_id} does not exist")
    return Electorate(team.grid_id, team.id)
