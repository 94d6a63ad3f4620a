"""楼院自治: a building's micro-grid (a level-4 grid) has its 楼栋长 (one) and 微网格员 (any number),
people of the people table (a resident who takes the job is first made a person, linked to the
roster); a compound has one 居民自治小组 (a team of kind self_governance, app/grid_work/volunteers.py).
Appointing and relieving are duties (`duties`), audited and published as a grid change."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import Change, GridChanged, Topic
from app.grid_work.errors import WorkError
from app.grid_work.volunteers import TeamKind, person_for_resident
from app.models import (
    Building,
    Duty,
    DutyRole,
    Grid,
    Household,
    Person,
    VolunteerTeam,
    VolunteerTeamMember,
)
from app.store.base import utcnow

MICRO_ROLES = (DutyRole.BUILDING_HEAD, DutyRole.MICRO_MEMBER)
BUILDING_LEVEL = 4
COMPOUND_LEVEL = 3


@dataclass(frozen=True)
class BuildingStaff:
    grid_code: str
    name: str
    households: int
    heads: tuple[tuple[int, str], ...]  # (person id, name): one 楼栋长
    micro_members: tuple[tuple[int, str], ...]  # 微网格员


@dataclass(frozen=True)
class CompoundSelfGovernance:
    compound: str
    buildings: tuple[BuildingStaff, ...]
    group_id: int | None  # the 居民自治小组; None: not yet formed
    group_name: str
    group_members: tuple[str, ...]


class MicroGridStaff:
    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def appoint(self, grid_code: str, person_id: int, role: str) -> None:
        """Appoint a 楼栋长 (replacing the one before, kept in the audit) or add a 微网格员."""
        duty_role = _micro_role(role)
        with self.site.db.session() as session:
            grid = _building_grid(session, grid_code)
            if session.get(Person, person_id) is None:
                raise WorkError(f"人员 {person_id} 不存在 person {person_id} does not exist")
            replaced: list[int] = []
            if duty_role is DutyRole.BUILDING_HEAD:
                replaced = list(
                    session.scalars(
                        select(Duty.person_id).where(Duty.grid_id == grid.id, Duty.role == duty_role.value)
                    )
                )
                session.execute(delete(Duty).where(Duty.grid_id == grid.id, Duty.role == duty_role.value))
            elif _has(session, grid.id, person_id, duty_role):
                raise WorkError("该人员已是本楼微网格员 already a micro-grid worker of this building")
            session.add(
                Duty(person_id=person_id, grid_id=grid.id, role=duty_role.value, since=utcnow().date())
            )
            audit.record(
                session,
                self.site.seat,
                "micro_grid.appoint",
                "grid",
                grid.id,
                role=duty_role.value,
                person_id=person_id,
                replaced=replaced,
            )
            grid_id = grid.id
        self.site.hub.publish(Change(Topic.GRID, (grid_id,), GridChanged(updated=1)))

    def appoint_resident(self, grid_code: str, resident_id: int, role: str) -> int:
        """A resident takes the job: made a person linked to the roster first; returns the person id."""
        _micro_role(role)
        with self.site.db.session() as session:
            _building_grid(session, grid_code)
            person_id = person_for_resident(session, resident_id, DutyRole(role).zh).id
        self.appoint(grid_code, person_id, role)
        return person_id

    def relieve(self, grid_code: str, person_id: int, role: str) -> None:
        duty_role = _micro_role(role)
        with self.site.db.session() as session:
            grid = _building_grid(session, grid_code)
            if not _has(session, grid.id, person_id, duty_role):
                raise WorkError(f"该人员不是本楼的{duty_role.zh} not in that role here")
            session.execute(
                delete(Duty).where(
                    Duty.grid_id == grid.id, Duty.person_id == person_id, Duty.role == duty_role.value
                )
            )
            audit.record(
                session,
                self.site.seat,
                "micro_grid.relieve",
                "grid",
                grid.id,
                role=duty_role.value,
                person_id=person_id,
            )
            grid_id = grid.id
        self.site.hub.publish(Change(Topic.GRID, (grid_id,), GridChanged(updated=1)))


def self_governance(session: Session, compound_code: str) -> CompoundSelfGovernance:
    """A compound's buildings with their 楼栋长 and 微网格员, and its 居民自治小组 with members."""
    compound = session.scalar(select(Grid).where(Grid.code == compound_code))
    if compound is None or compound.level != COMPOUND_LEVEL:
        raise WorkError(f"请选择小区网格 {compound_code!r} is not a compound (level 3)")
    grids = session.execute(
        select(Grid.id, Grid.code, Grid.name).where(Grid.parent_id == compound.id).order_by(Grid.code)
    ).all()
    ids = [g.id for g in grids]
    homes = dict(
        session.execute(
            select(Building.grid_id, func.count(Household.id))
            .join(Household, Household.building_id == Building.id)
            .where(Building.grid_id.in_(ids))
            .group_by(Building.grid_id)
        ).all()
    )
    staff: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for grid_id, role, person_id, name in session.execute(
        select(Duty.grid_id, Duty.role, Person.id, Person.name)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.grid_id.in_(ids), Duty.role.in_([r.value for r in MICRO_ROLES]))
        .order_by(Person.name)
    ):
        staff[(grid_id, role)].append((person_id, name))
    group = session.scalar(
        select(VolunteerTeam).where(
            VolunteerTeam.grid_id == compound.id, VolunteerTeam.kind == TeamKind.SELF_GOVERNANCE.value
        )
    )
    members: tuple[str, ...] = ()
    if group is not None:
        members = tuple(
            session.scalars(
                select(Person.name)
                .join(VolunteerTeamMember, VolunteerTeamMember.person_id == Person.id)
                .where(VolunteerTeamMember.team_id == group.id)
                .order_by(Person.name)
            )
        )
    buildings = tuple(
        BuildingStaff(
            g.code,
            g.name,
            homes.get(g.id, 0),
            tuple(staff[(g.id, DutyRole.BUILDING_HEAD.value)]),
            tuple(staff[(g.id, DutyRole.MICRO_MEMBER.value)]),
        )
        for g in grids
    )
    return CompoundSelfGovernance(
        compound.name, buildings, group.id if group else None, group.name if group else "", members
    )


def _micro_role(role: str) -> DutyRole:
    if role not in {r.value for r in MICRO_ROLES}:
        raise WorkError(f"职责应为 building_head(楼栋长) 或 micro_member(微网格员), not {role!r}")
    return DutyRole(role)


def _building_grid(session: Session, grid_code: str) -> Grid:
    grid = session.scalar(select(Grid).where(Grid.code == grid_code))
    if grid is None:
        raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
    if grid.level != BUILDING_LEVEL:
        raise WorkError(
            f"楼栋长和微网格员属于楼栋微网格（{grid.name} 是第 {grid.level} 级）"
            " building heads and micro-grid workers belong to a building's micro-grid (level 4)"
        )
    return grid


def _has(session: Session, grid_id: int, person_id: int, role: DutyRole) -> bool:
    query = select(Duty.id).where(
        Duty.grid_id == grid_id, Duty.person_id == person_id, Duty.role == role.value
    )
    return session.scalar(query) is not None
