"""The grid chain of a place: level 1 (the street) down to its grid, each with the people to call.

The one implementation of the chain and its contacts. Escalation reads it from the store; the read
models (`runtime.read.grid_chain`) read it from a GridTree kept in memory. Both feed `_links`, so a
card and an escalation always name the same people in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.grid_tree import GridTree
from app.models import Duty, DutyRole, Grid, Person

PAIRED_PARTY_MEMBER = "paired_party_member"  # a Contact's role for a household's 联户党员 (not a duty)


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None
    role: str  # a DutyRole value, or PAIRED_PARTY_MEMBER

    @property
    def role_zh(self) -> str:
        if self.role == PAIRED_PARTY_MEMBER:
            return "联户党员"
        return DutyRole(self.role).zh


@dataclass(frozen=True)
class ChainLink:
    grid_id: int
    level: int
    name: str
    code: str
    contacts: tuple[Contact, ...]  # CHAIN_ROLES order, then by person


# Who is listed for each grid of the chain, in the order an operator phones them: the leader (网格长),
# the county-level leader who backs a street (包联县级领导), the community police officer, the grid
# workers, and on a building's micro-grid its 微网格员 and 楼栋长 (neighbours who can be at the door
# first). A role appears where someone holds it.
CHAIN_ROLES = (
    DutyRole.LEADER,
    DutyRole.COUNTY_LEADER,
    DutyRole.POLICE,
    DutyRole.MEMBER,
    DutyRole.MICRO_MEMBER,
    DutyRole.BUILDING_HEAD,
)


@dataclass(frozen=True)
class _Grid:
    id: int
    level: int
    name: str
    code: str


@dataclass(frozen=True)
class _Duty:
    grid_id: int
    role: str
    person_id: int
    name: str
    phone: str | None


def _links(grids: list[_Grid], duties: Iterable[_Duty]) -> tuple[ChainLink, ...]:
    """The chain from its grids (level 1 first) and the duties held on them."""
    by_grid: dict[int, list[_Duty]] = {}
    for duty in duties:
        if duty.role in CHAIN_ROLES:
            by_grid.setdefault(duty.grid_id, []).append(duty)
    links = []
    for grid in grids:
        ranked = sorted(by_grid.get(grid.id, ()), key=lambda d: (CHAIN_ROLES.index(d.role), d.person_id))
        contacts = tuple(Contact(d.name, d.phone, DutyRole(d.role).value) for d in ranked)
        links.append(ChainLink(grid.id, grid.level, grid.name, grid.code, contacts))
    return tuple(links)


def chain_from_tree(tree: GridTree, grid_id: int | None) -> tuple[ChainLink, ...]:
    """The chain read from a GridTree already in memory, without queries; empty for an unknown grid."""
    if grid_id is None or grid_id not in tree:
        return ()
    nodes = tree.chain(grid_id)
    duties = (
        _Duty(d.grid_id, d.role, d.person_id, d.name, d.phone)
        for node in nodes
        for d in tree.duties(node.id, CHAIN_ROLES)
    )
    return _links([_Grid(n.id, n.level, n.name, n.code) for n in nodes], duties)


def grid_chain(session: Session, grid_id: int | None) -> tuple[ChainLink, ...]:
    """The chain read from the store: a few small queries, for a one-off such as an escalation."""
    grids: list[_Grid] = []
    seen: set[int] = set()
    current = session.get(Grid, grid_id) if grid_id is not None else None
    while current is not None and current.id not in seen:  # a loop in bad data must not hang
        seen.add(current.id)
        grids.append(_Grid(current.id, current.level, current.name, current.code))
        current = session.get(Grid, current.parent_id) if current.parent_id is not None else None
    if not grids:
        return ()
    grids.reverse()
    rows = session.execute(
        select(Duty.grid_id, Duty.role, Person.id, Person.name, Person.phone)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.grid_id.in_([g.id for g in grids]), Duty.role.in_(CHAIN_ROLES))
    ).all()
    return _links(grids, (_Duty(*row) for row in rows))


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
