"""The grid chain of a place: its micro-grid up to the street, with each level's leaders and phones."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.grid_tree import GridTree
from app.models import Duty, DutyRole, Grid, Person


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None
    role: str  # a DutyRole value

    @property
    def role_zh(self) -> str:
        return DutyRole(self.role).zh


@dataclass(frozen=True)
class ChainLink:
    grid_id: int
    level: int
    name: str
    leaders: tuple[Contact, ...]


# Who is listed for each grid of the chain, in this order: the people an operator phones first.
CHAIN_ROLES = [DutyRole.LEADER, DutyRole.MEMBER, DutyRole.COUNTY_LEADER]


def chain_from_tree(tree: GridTree, grid_id: int) -> list[ChainLink]:
    """The same chain read from a GridTree already in memory (no queries: what the popup uses)."""
    links = []
    for node in reversed(tree.chain(grid_id)):
        duties = sorted(tree.duties(node.id, CHAIN_ROLES), key=lambda d: (CHAIN_ROLES.index(d.role), d.name))
        links.append(
            ChainLink(node.id, node.level, node.name, tuple(Contact(d.name, d.phone, d.role) for d in duties))
        )
    return links


def grid_chain(session: Session, grid_id: int | None, tree: GridTree | None = None) -> list[ChainLink]:
    """From the given grid up to the root, each with its leader (网格长), grid workers, county leader."""
    if tree is not None and grid_id is not None and grid_id in tree:
        return chain_from_tree(tree, grid_id)
    grids: list[Grid] = []
    seen: set[int] = set()
    current = session.get(Grid, grid_id) if grid_id is not None else None
    while current is not None and current.id not in seen:
        seen.add(current.id)
        grids.append(current)
        current = session.get(Grid, current.parent_id) if current.parent_id is not None else None
    if not grids:
        return []
    rows = session.execute(
        select(Duty.grid_id, Duty.role, Person.name, Person.phone)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.grid_id.in_([g.id for g in grids]))
        .where(Duty.role.in_(CHAIN_ROLES))
        .order_by(Person.name)
    ).all()
    by_grid: dict[int, list[Contact]] = {}
    for gid, role, name, phone in sorted(rows, key=lambda r: CHAIN_ROLES.index(r.role)):
        by_grid.setdefault(gid, []).append(Contact(name, phone, role))
    return [ChainLink(g.id, g.level, g.name, tuple(by_grid.get(g.id, ()))) for g in grids]


def supervisors(session: Session, grid_ids: list[int]) -> list[Contact]:
    """值班长 on duty for these grids; when none is assigned along the chain, every supervisor."""
    query = (
        select(Person.name, Person.phone)
        .join(Duty, Duty.person_id == Person.id)
        .where(Duty.role == DutyRole.SUPERVISOR)
        .order_by(Person.name)
    )
    rows = session.execute(query.where(Duty.grid_id.in_(grid_ids))).all() if grid_ids else []
    if not rows:
        rows = session.execute(query).all()
    unique = dict.fromkeys((name, phone) for name, phone in rows)
    return [Contact(name, phone, DutyRole.SUPERVISOR) for name, phone in unique]
