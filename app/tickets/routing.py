"""Who handles a ticket: the grid chain of the place, the leader of each level and the fallbacks.

A site has about a thousand grids and a few thousand duties, so both are read once into memory; a
dispatch batch of thousands of tickets then needs no query per ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Duty, DutyRole, Grid, Person
from app.tickets.states import LEVEL_ZH


@dataclass(frozen=True)
class GridInfo:
    id: int
    code: str
    name: str
    level: int
    parent_id: int | None


class PointLocator(Protocol):
    """Finds the deepest grid holding a point; the grid tree's STRtree lookup provides it."""

    def __call__(self, lon: float, lat: float) -> int | None: ...


class BatchLocator(Protocol):
    def __call__(self, lons: Sequence[float], lats: Sequence[float]) -> list[int | None]: ...


@dataclass
class GridBook:
    """Every grid by id and code, with its chain of ancestors by level."""

    grids: dict[int, GridInfo] = field(default_factory=dict)
    by_code: dict[str, GridInfo] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> GridBook:
        book = cls()
        rows = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.parent_id))
        for row in rows:
            info = GridInfo(row.id, row.code, row.name, row.level, row.parent_id)
            book.grids[info.id] = info
            book.by_code[info.code] = info
        return book

    def chain(self, grid_id: int | None) -> dict[int, GridInfo]:
        """The grid and its ancestors keyed by level (1..4)."""
        chain: dict[int, GridInfo] = {}
        seen = 0
        while grid_id is not None and grid_id in self.grids and seen < 8:
            info = self.grids[grid_id]
            chain[info.level] = info
            grid_id = info.parent_id
            seen += 1
        return chain

    def name(self, grid_id: int | None) -> str:
        info = self.grids.get(grid_id) if grid_id is not None else None
        return info.name if info else "—"


@dataclass
class LeaderBook:
    """Leaders per grid, county-level leaders per level-1 grid, supervisors, and everyone's name."""

    leaders: dict[int, int] = field(default_factory=dict)
    county_leaders: dict[int, int] = field(default_factory=dict)
    supervisors: set[int] = field(default_factory=set)
    names: dict[int, str] = field(default_factory=dict)
    phones: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> LeaderBook:
        book = cls()
        roles = (DutyRole.LEADER.value, DutyRole.COUNTY_LEADER.value, DutyRole.SUPERVISOR.value)
        rows = session.execute(
            select(Duty.grid_id, Duty.role, Person.id, Person.name, Person.phone)
            .join(Person, Person.id == Duty.person_id)
            .where(Duty.role.in_(roles))
            .order_by(Duty.grid_id, Person.id)
        )
        for grid_id, role, person_id, name, phone in rows:
            book.names[person_id] = name
            book.phones[person_id] = phone
            if role == DutyRole.LEADER:
                book.leaders.setdefault(grid_id, person_id)
            elif role == DutyRole.COUNTY_LEADER:
                book.county_leaders.setdefault(grid_id, person_id)
            else:
                book.supervisors.add(person_id)
        return book

    def name(self, person_id: int | None) -> str:
        return self.names.get(person_id, "—") if person_id is not None else "—"


@dataclass(frozen=True)
class Assignment:
    level: int  # 3, 2, 1 or 0 (county-level leader)
    grid_id: int | None
    person_id: int | None
    notes: tuple[str, ...] = ()


def assign(chain: dict[int, GridInfo], level: int, leaders: LeaderBook) -> Assignment:
    """The handler at `level` or, when that level has no grid or no leader, the nearest one above.

    The notes say in plain words why the ticket went higher than asked, for the timeline.
    """
    notes: list[str] = []
    for current in range(level, 0, -1):
        grid = chain.get(current)
        if grid is None:
            notes.append(f"该位置没有{LEVEL_ZH[current]}，转上一级")
            continue
        person = leaders.leaders.get(grid.id)
        if person is not None:
            return Assignment(current, grid.id, person, tuple(notes))
        notes.append(f"{grid.name}（{LEVEL_ZH[current]}）未设网格长，转上一级网格")
    street = chain.get(1)
    county = leaders.county_leaders.get(street.id) if street else None
    if county is None:
        notes.append("未设包联县级领导，由指挥中心值班长督办")
    return Assignment(0, street.id if street else None, county, tuple(notes))


def approvers(chain: dict[int, GridInfo], level: int, leaders: LeaderBook) -> tuple[set[int], str]:
    """Who may approve an extension or parking for a ticket handled at `level`: one level up."""
    if level <= 0:
        return set(leaders.supervisors), "指挥中心值班长"
    above = assign(chain, level - 1, leaders)
    if above.person_id is None:
        return set(leaders.supervisors), "指挥中心值班长"
    where = LEVEL_ZH[above.level]
    return {above.person_id}, f"{where}{leaders.name(above.person_id)}"
