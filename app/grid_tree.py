"""The grid tree in memory: every grid, its place in the tree, its outline and who is on duty there.

Loaded from the store in one go (`GridTree.load(session)`, a few tens of milliseconds for ~1,100
grids) and then read without touching the database: dispatch locates a point, permissions take a
subtree, escalation walks the ancestors, cards show the leaders. Rebuild it when grids or duties
change; it never writes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import ArrayLike
from shapely.geometry.base import BaseGeometry
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Duty, DutyRole, Grid, GridLevel, Person
from grid_map.feature import GridFeature
from grid_map.index import OUTSIDE, GridIndex


@dataclass(frozen=True)
class GridNode:
    """One grid: identity, place in the tree and WGS-84 outline."""

    id: int
    code: str
    name: str
    level: int
    parent_id: int | None
    geometry: BaseGeometry | None
    centre: tuple[float, float] | None

    @property
    def level_name(self) -> str:
        return GridLevel(self.level).zh


@dataclass(frozen=True)
class DutyHolder:
    """A person on duty in a grid, with what a card or a dispatch message needs."""

    person_id: int
    name: str
    phone: str | None
    role: str
    grid_id: int

    @property
    def role_name(self) -> str:
        return DutyRole(self.role).zh if self.role in DutyRole._value2member_map_ else self.role


class GridTree:
    """The whole grid tree, indexed by id and code, with a point index over the outlines."""

    def __init__(self, nodes: Iterable[GridNode], duties: Iterable[DutyHolder] = ()) -> None:
        self._nodes: dict[int, GridNode] = {node.id: node for node in nodes}
        self._by_code = {node.code: node for node in self._nodes.values()}
        self._children: dict[int | None, list[int]] = defaultdict(list)
        for node in sorted(self._nodes.values(), key=lambda n: n.code):
            self._children[node.parent_id].append(node.id)
        self._duties: dict[int, list[DutyHolder]] = defaultdict(list)
        for duty in sorted(duties, key=lambda d: (d.grid_id, d.role, d.person_id)):
            self._duties[duty.grid_id].append(duty)
        mapped = [node for node in self._nodes.values() if node.geometry is not None]
        self._index = GridIndex(
            [
                GridFeature(
                    node.code,
                    node.name,
                    node.level,
                    self._nodes[node.parent_id].code if node.parent_id in self._nodes else None,
                    node.geometry,
                )
                for node in mapped
            ]
        )
        self._index_ids = np.array([self._by_code[code].id for code in self._index.codes], dtype=np.int64)

    @classmethod
    def load(cls, session: Session) -> GridTree:
        """Read every grid and every duty from the store."""
        rows = session.execute(
            select(
                Grid.id,
                Grid.code,
                Grid.name,
                Grid.level,
                Grid.parent_id,
                Grid.geometry_wkb,
                Grid.centre_lon,
                Grid.centre_lat,
            )
        ).all()
        geometries = shapely.from_wkb([row.geometry_wkb for row in rows]) if rows else []
        nodes = [
            GridNode(
                row.id,
                row.code,
                row.name,
                row.level,
                row.parent_id,
                geometry,
                (row.centre_lon, row.centre_lat) if row.centre_lon is not None else None,
            )
            for row, geometry in zip(rows, geometries, strict=True)
        ]
        duties = [
            DutyHolder(row.person_id, row.name, row.phone, row.role, row.grid_id)
            for row in session.execute(
                select(Duty.person_id, Person.name, Person.phone, Duty.role, Duty.grid_id).join(
                    Person, Person.id == Duty.person_id
                )
            )
        ]
        return cls(nodes, duties)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, grid_id: object) -> bool:
        return grid_id in self._nodes

    def node(self, grid_id: int) -> GridNode:
        """The grid with this id (KeyError if there is none)."""
        return self._nodes[grid_id]

    def get(self, code: str) -> GridNode | None:
        """The grid with this code, or None."""
        return self._by_code.get(code)

    def nodes(self, level: int | None = None) -> list[GridNode]:
        """All grids (or those of one level), ordered by code."""
        return sorted(
            (n for n in self._nodes.values() if level is None or n.level == level), key=lambda n: n.code
        )

    def roots(self) -> list[GridNode]:
        return [self._nodes[i] for i in self._children[None]]

    def children(self, grid_id: int) -> list[GridNode]:
        """The grids directly under this one, ordered by code."""
        return [self._nodes[i] for i in self._children.get(grid_id, ())]

    def ancestors(self, grid_id: int) -> list[GridNode]:
        """The grids above this one, level 1 first, ending with its parent (empty for level 1)."""
        chain: list[GridNode] = []
        parent_id = self._nodes[grid_id].parent_id
        while parent_id is not None and parent_id in self._nodes and len(chain) < len(self._nodes):
            chain.append(self._nodes[parent_id])
            parent_id = self._nodes[parent_id].parent_id
        return chain[::-1]

    def chain(self, grid_id: int) -> list[GridNode]:
        """Level 1 down to this grid, inclusive."""
        return [*self.ancestors(grid_id), self._nodes[grid_id]]

    def subtree_ids(self, grid_id: int) -> set[int]:
        """This grid and every grid below it: what a leader of this grid sees and acts on."""
        found, stack = set(), [grid_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self._children.get(current, ()))
        return found

    def locate(self, lon: float, lat: float) -> list[GridNode]:
        """The chain of grids holding a WGS-84 point, level 1 -> deepest (a building if it is in one)."""
        return [self._by_code[feature.code] for feature in self._index.locate(lon, lat)]

    def locate_ids(self, lons: ArrayLike, lats: ArrayLike) -> np.ndarray:
        """For many WGS-84 points: the id of each point's deepest grid, -1 where it is outside every grid."""
        positions = self._index.deepest_indices(lons, lats)
        return np.where(positions == OUTSIDE, OUTSIDE, self._index_ids[positions])

    def duties(self, grid_id: int, roles: Sequence[str] | None = None) -> list[DutyHolder]:
        """The people on duty in this grid (optionally only some roles), by role then person."""
        return [d for d in self._duties.get(grid_id, ()) if roles is None or d.role in roles]

    def leader_of(self, grid_id: int) -> DutyHolder | None:
        """The grid's leader (网格长), or None if the post is vacant."""
        leaders = self.duties(grid_id, (DutyRole.LEADER,))
        return leaders[0] if leaders else None

    def nearest_leader(self, grid_id: int) -> DutyHolder | None:
        """The leader of this grid, or of the nearest grid above it with one: who a ticket goes to."""
        for node in reversed(self.chain(grid_id)):
            leader = self.leader_of(node.id)
            if leader is not None:
                return leader
        return None
