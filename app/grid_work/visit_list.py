"""Reading the visits back: the visit list of a grid subtree and the households overdue for a visit,
grouped by the grid worker who owes the visit. Frozen rows, no ORM objects."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.grid_tree import GridTree
from app.grid_work.visit_plan import read_plan
from app.models import Building, DutyRole, Household, Person, Resident, ResidentTag, Visit, VisitFinding

LIST_LIMIT = 500


@dataclass(frozen=True)
class FindingLine:
    tag: str
    text: str
    ticket_id: int | None


@dataclass(frozen=True)
class VisitRow:
    visit_id: int
    at: datetime  # naive UTC
    household_id: int
    address: str
    visitor: str
    people_met: int
    note: str
    findings: tuple[FindingLine, ...]
    visitor_id: int | None = None
    void_reason: str | None = None  # a voided visit (作废) stays listed and counts nowhere


@dataclass(frozen=True)
class OverdueHousehold:
    household_id: int
    address: str
    grid_id: int
    worker_id: int | None  # the grid worker who owes the visit; None when no one works that grid
    worker: str
    per_year: int
    last_visit: datetime | None
    due: datetime | None  # None: never visited


def _address():
    return Building.address + Household.unit + "单元" + Household.room + "室"


def list_visits(
    session: Session,
    grid_ids: set[int] | None,
    start: datetime | None = None,
    end: datetime | None = None,
    household_id: int | None = None,
    limit: int = LIST_LIMIT,
    visitor_id: int | None = None,
    tag: str | None = None,
) -> list[VisitRow]:
    """Visits newest first, in a subtree (None: everywhere), a period [start, end), one household, one
    visitor, and/or those with a finding of one kind."""
    query = (
        select(Visit, _address().label("address"), Person.name)
        .join(Household, Household.id == Visit.household_id)
        .join(Building, Building.id == Household.building_id)
        .outerjoin(Person, Person.id == Visit.person_id)
        .order_by(Visit.at.desc(), Visit.id.desc())
        .limit(limit)
    )
    if grid_ids is not None:
        query = query.where(Building.grid_id.in_(grid_ids))
    if start is not None:
        query = query.where(Visit.at >= start)
    if end is not None:
        query = query.where(Visit.at < end)
    if household_id is not None:
        query = query.where(Visit.household_id == household_id)
    if visitor_id is not None:
        query = query.where(Visit.person_id == visitor_id)
    if tag is not None:
        query = query.where(Visit.id.in_(select(VisitFinding.visit_id).where(VisitFinding.tag == tag)))
    rows = session.execute(query).all()
    findings: dict[int, list[FindingLine]] = defaultdict(list)
    ids = [row.Visit.id for row in rows]
    if ids:
        for f in session.scalars(
            select(VisitFinding).where(VisitFinding.visit_id.in_(ids)).order_by(VisitFinding.id)
        ):
            findings[f.visit_id].append(FindingLine(f.tag, f.text, f.ticket_id))
    return [
        VisitRow(
            v.id,
            v.at,
            v.household_id,
            address,
            name or "",
            v.people_met,
            v.note,
            tuple(findings[v.id]),
            v.person_id,
            v.void_reason if v.voided_at is not None else None,
        )
        for v, address, name in rows
    ]


def overdue_households(session: Session, grid_ids: set[int] | None, now: datetime) -> list[OverdueHousehold]:
    """Households whose planned visit is due by `now`, the never-visited first, then the longest overdue."""
    tree = GridTree.load(session)
    plan = read_plan(session)
    homes = select(Household.id, _address().label("address"), Building.grid_id).join(
        Building, Building.id == Household.building_id
    )
    if grid_ids is not None:
        homes = homes.where(Building.grid_id.in_(grid_ids))
    last = dict(
        session.execute(
            select(Visit.household_id, func.max(Visit.at))
            .where(Visit.voided_at.is_(None))
            .group_by(Visit.household_id)
        ).all()
    )
    tags: dict[int, set[str]] = defaultdict(set)
    for household_id, tag in session.execute(
        select(Resident.household_id, ResidentTag.tag).join(
            ResidentTag, ResidentTag.resident_id == Resident.id
        )
    ):
        tags[household_id].add(tag)
    found = []
    for household_id, address, grid_id in session.execute(homes):
        interval = plan.interval(tags[household_id])
        last_visit = last.get(household_id)
        due = None if last_visit is None else last_visit + interval
        if due is not None and due > now:
            continue
        worker = _worker(tree, grid_id)
        found.append(
            OverdueHousehold(
                household_id,
                address,
                grid_id,
                worker.person_id if worker else None,
                worker.name if worker else "",
                plan.per_year(tags[household_id]),
                last_visit,
                due,
            )
        )
    return sorted(found, key=lambda o: (o.worker, o.due is not None, o.due or now, o.address))


def _worker(tree: GridTree, grid_id: int):
    """Who owes the visit: a grid worker (网格员) of the household's grid or the nearest one above, else
    the nearest grid leader."""
    for node in reversed(tree.chain(grid_id)):
        members = tree.duties(node.id, (DutyRole.MEMBER,))
        if members:
            return members[0]
    return tree.nearest_leader(grid_id)
