"""Intake: a request becomes rows — the ticket, its first timeline steps (受理 → 立案 → 派遣), its audit.

Rows are planned as plain dicts so one ticket and a batch of ten thousand go through the same code
and the batch can be written with executemany.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Building, Household
from app.roster.phone import PhoneError, normalise_phone
from app.tickets.categories import Category
from app.tickets.clock import Clock, refresh, start_level
from app.tickets.errors import TransitionRefused
from app.tickets.models import Ticket
from app.tickets.routing import Assignment, GridBook, GridInfo, LeaderBook, assign
from app.tickets.states import OPEN_STATES, Action, Source, State

DUPLICATE_RADIUS_M = 50.0
SOURCES = frozenset(s.value for s in Source)
SOURCE_ZH = {s.value: s.zh for s in Source}
# Plain strings for the rows: a batch of ten thousand would otherwise pay for enum lookups each time.
_ACCEPTED, _FILED, _DISPATCHED = State.ACCEPTED.value, State.FILED.value, State.DISPATCHED.value
_FILE, _DISPATCH = Action.FILE.value, Action.DISPATCH.value


@dataclass
class Intake:
    """What the operator took down; the place is a household, a building or a point (map click, lon/lat)."""

    category: str
    text: str
    source: str = Source.PHONE.value
    lon: float | None = None
    lat: float | None = None
    household_id: int | None = None
    building_id: int | None = None
    address: str | None = None
    reporter_name: str | None = None
    reporter_phone: str | None = None
    at: datetime | None = None
    photos: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Place:
    lon: float | None
    lat: float | None
    grid_id: int | None  # the deepest grid known for the place
    address: str | None
    household_id: int | None
    building_id: int | None


@dataclass(frozen=True)
class Actor:
    """Who acts: the operator and seat from this seat's identity, and the person if known."""

    name: str
    seat: str
    person_id: int | None = None


def resolve_place(session: Session, intake: Intake, locate) -> Place:
    """Household and building give the micro-grid directly; a point goes through the grid lookup."""
    check_source(intake.source)
    if intake.household_id is not None:
        household = session.get(Household, intake.household_id)
        if household is None:
            raise TransitionRefused(f"住户 {intake.household_id} 不存在 household does not exist")
        building = household.building
        return Place(
            building.lon,
            building.lat,
            building.grid_id,
            intake.address or household.address,
            household.id,
            building.id,
        )
    if intake.building_id is not None:
        building = session.get(Building, intake.building_id)
        if building is None:
            raise TransitionRefused(f"楼栋 {intake.building_id} 不存在 building does not exist")
        return Place(
            building.lon,
            building.lat,
            building.grid_id,
            intake.address or building.address,
            None,
            building.id,
        )
    if intake.lon is None or intake.lat is None:
        raise TransitionRefused(
            "须给出位置：住户、楼栋或经纬度 a place is needed: household, building or lon/lat"
        )
    grid_id = locate(intake.lon, intake.lat) if locate is not None else None
    return Place(intake.lon, intake.lat, grid_id, intake.address, None, None)


def checked(intake: Intake) -> Intake:
    """The intake as an operator typed it, tidied: text required, reporter's phone in canonical form.

    Refusals say which field is wrong, in Chinese first, so a form can show them next to that field.
    """
    text = (intake.text or "").strip()
    if not text:
        raise TransitionRefused("须填写反映内容 the description is empty")
    try:
        phone = normalise_phone(intake.reporter_phone)
    except PhoneError as error:
        raise TransitionRefused(f"反映人电话有误：{error.reason} bad reporter phone") from None
    name = (intake.reporter_name or "").strip() or None
    return replace(intake, text=text, reporter_phone=phone, reporter_name=name)


def dispatch_target(chain: dict[int, GridInfo], leaders: LeaderBook) -> Assignment | None:
    """Who gets a new ticket: the leader of its level-3 grid (or the nearest level above); None outside the grids."""
    return assign(chain, min(3, max(chain)), leaders) if chain else None


@dataclass(frozen=True)
class DispatchPreview:
    """Where a new ticket at this place would go, shown to the operator before submitting."""

    address: str | None
    chain: tuple[str, ...]  # grid names from the street down
    grid: str | None  # the grid it is dispatched to
    handler: str | None  # that grid's leader (or the county-level leader)
    level: int | None
    notes: tuple[str, ...]  # why it went higher than level 3, in plain words


def preview_dispatch(place: Place, grids: GridBook, leaders: LeaderBook) -> DispatchPreview:
    chain = grids.chain(place.grid_id)
    names = tuple(info.name for _level, info in sorted(chain.items()))
    target = dispatch_target(chain, leaders)
    if target is None:
        return DispatchPreview(place.address, names, None, None, None, ("位置不在任何网格内，待人工派遣",))
    return DispatchPreview(
        place.address,
        names,
        grids.name(target.grid_id) if target.grid_id is not None else None,
        leaders.name(target.person_id) if target.person_id is not None else None,
        target.level,
        target.notes,
    )


def check_source(source: str) -> None:
    if source not in SOURCES:
        known = "、".join(f"{s.value}({s.zh})" for s in Source)
        raise TransitionRefused(f"未知来源 unknown source {source!r}; known: {known}")


def metres_between(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Equirectangular distance: exact enough within a few hundred metres."""
    k = math.cos(math.radians((lat1 + lat2) / 2))
    return 6_371_000 * math.hypot(math.radians(lon2 - lon1) * k, math.radians(lat2 - lat1))


def find_duplicates(session: Session, category: str, place: Place, chain: dict[int, GridInfo]) -> list[dict]:
    """Open tickets of the same category at the same household, or within 50 m in the same level-3 grid."""
    query = select(Ticket.id, Ticket.state, Ticket.text, Ticket.lon, Ticket.lat, Ticket.household_id).where(
        Ticket.category_code == category, Ticket.state.in_([s.value for s in OPEN_STATES])
    )
    if place.household_id is not None:
        query = query.where(Ticket.household_id == place.household_id)
    elif 3 in chain:
        query = query.where(Ticket.grid_l3_id == chain[3].id)
    elif place.lon is None:
        return []
    found = []
    for row in session.execute(query.limit(200)):
        near = place.household_id is not None or (
            row.lon is not None
            and place.lon is not None
            and metres_between(row.lon, row.lat, place.lon, place.lat) <= DUPLICATE_RADIUS_M
        )
        if near:
            found.append({"id": row.id, "state": row.state, "text": row.text})
    return found


@lru_cache(maxsize=64)
def _detail_json(items: tuple[tuple[str, Any], ...]) -> str:
    """The few distinct details of intake steps (source, auto dispatch), encoded once each."""
    return json.dumps(dict(items), ensure_ascii=False)


def _filed_ticket(
    intake: Intake, category: Category, place: Place, chain: dict[int, GridInfo], at: datetime
) -> SimpleNamespace:
    """The new ticket's row, filed and not yet dispatched, at its place in the grid chain."""
    return SimpleNamespace(
        version=1,
        state=_FILED,
        category_code=category.code,
        source=intake.source,
        text=intake.text,
        reporter_name=intake.reporter_name,
        reporter_phone=intake.reporter_phone,
        household_id=place.household_id,
        building_id=place.building_id,
        lon=place.lon,
        lat=place.lat,
        address=place.address,
        grid_l1_id=chain[1].id if 1 in chain else None,
        grid_l2_id=chain[2].id if 2 in chain else None,
        grid_l3_id=chain[3].id if 3 in chain else None,
        grid_l4_id=chain[4].id if 4 in chain else None,
        level=None,
        assigned_grid_id=None,
        assignee_id=None,
        created_at=at,
        updated_at=at,
        dispatched_at=None,
        level_started_at=None,
        limit_minutes=None,
        extension_minutes=0.0,
        paused_minutes=0.0,
        warn_level=0,
        deadline_at=None,
        next_due_at=None,
        overdue_since=None,
        queue="",
        sort_at=None,
    )


def plan_ticket(
    intake: Intake,
    category: Category,
    place: Place,
    grids: GridBook,
    leaders: LeaderBook,
    clock: Clock,
    actor: Actor,
    now: datetime,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The ticket row and its first timeline events (without ticket_id), dispatched when the place is known."""
    at = intake.at or now
    chain = grids.chain(place.grid_id)
    ticket = _filed_ticket(intake, category, place, chain, at)

    def event(action: str, from_state: str | None, to_state: str, note: str, **detail: Any) -> dict[str, Any]:
        return {
            "at": at,
            "recorded_at": now,
            "action": action,
            "from_state": from_state,
            "to_state": to_state,
            "level": ticket.level,
            "grid_id": ticket.assigned_grid_id,
            "person_id": ticket.assignee_id,
            "actor": actor.name,
            "seat": actor.seat,
            "note": note,
            "detail": _detail_json(tuple(detail.items())),
        }

    events = [
        event(
            "accept",
            None,
            _ACCEPTED,
            f"{SOURCE_ZH[intake.source]}受理：{category.path}",
            source=intake.source,
        ),
        event(_FILE, _ACCEPTED, _FILED, f"立案（{category.case_type.value}）"),
    ]
    target = dispatch_target(chain, leaders)
    if target is None:
        events[-1]["note"] += "；位置不在任何网格内，待人工派遣"
    else:
        ticket.state = _DISPATCHED
        ticket.assigned_grid_id = target.grid_id
        ticket.assignee_id = target.person_id
        ticket.dispatched_at = at
        start_level(ticket, category, clock, target.level, at)
        note = f"派遣至{grids.name(target.grid_id)}，承办人{leaders.name(target.person_id)}"
        if target.notes:
            note += "（" + "；".join(target.notes) + "）"
        events.append(event(_DISPATCH, _FILED, _DISPATCHED, note, auto=True))
    refresh(ticket, clock, at)
    return vars(ticket), events
