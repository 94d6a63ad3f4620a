"""The store reads behind the map: grid outlines, leaders, overlay counts and markers, side-panel facts.

Each is one small query (grouped counts, no per-grid loops) so a live update after a ticket or an
alarm costs a few milliseconds. Tickets count where they are filed most precisely (micro-grid, else
compound, community, street); the map adds them up the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import shapely
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Person, Resident, Sensor
from app.tickets.models import Ticket
from app.tickets.states import State
from widgets.map.overlay import Marker, MarkerKind, OverlayData
from widgets.map.scene import GridRecord

# Open for the map: anything not yet closed. Closed tickets await only the return visit.
NOT_OPEN = (State.CLOSED.value, State.EVALUATED.value, State.DISMISSED.value)
ACTIVE_ALARM_STATES = (AlarmState.RAISED.value, AlarmState.ACKNOWLEDGED.value)
DUTY_ORDER = (DutyRole.LEADER, DutyRole.MEMBER, DutyRole.POLICE, DutyRole.COUNTY_LEADER, DutyRole.SUPERVISOR)


def grid_records(session: Session) -> list[GridRecord]:
    rows = session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.parent_id, Grid.geometry_wkb).where(
            Grid.geometry_wkb.is_not(None)
        )
    ).all()
    geometries = shapely.from_wkb([row.geometry_wkb for row in rows])
    return [
        GridRecord(row.id, row.code, row.name, row.level, row.parent_id, geometry)
        for row, geometry in zip(rows, geometries, strict=True)
    ]


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None
    role: str  # a DutyRole value


def leaders(session: Session) -> dict[int, Contact]:
    """The leader of every grid that has one (first by id when a grid has two)."""
    rows = session.execute(
        select(Duty.grid_id, Person.name, Person.phone)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.role == DutyRole.LEADER.value)
        .order_by(Duty.id)
    ).all()
    out: dict[int, Contact] = {}
    for grid_id, name, phone in rows:
        out.setdefault(grid_id, Contact(name, phone, DutyRole.LEADER.value))
    return out


def _ticket_grid():
    return func.coalesce(Ticket.grid_l4_id, Ticket.grid_l3_id, Ticket.grid_l2_id, Ticket.grid_l1_id)


def _grouped(session: Session, statement) -> dict[int, int]:
    return {grid_id: count for grid_id, count in session.execute(statement).all() if grid_id is not None}


def overlay_snapshot(session: Session, alarms_since: datetime) -> OverlayData:
    """Counts per grid and every marker, as the store holds them now."""
    grid = _ticket_grid()
    open_filter = Ticket.state.not_in(NOT_OPEN)
    data = OverlayData(
        open_tickets=_grouped(session, select(grid, func.count()).where(open_filter).group_by(grid)),
        overdue_tickets=_grouped(
            session,
            select(grid, func.count()).where(open_filter, Ticket.overdue_since.is_not(None)).group_by(grid),
        ),
        alarms=_grouped(
            session,
            select(Alarm.grid_id, func.count())
            .where(Alarm.raised_at >= alarms_since)
            .group_by(Alarm.grid_id),
        ),
    )
    data.markers.extend(_camera_markers(session))
    data.markers.extend(_sensor_markers(session))
    data.markers.extend(_ticket_markers(session))
    data.markers.extend(_alarm_markers(session))
    return data


def _camera_markers(session: Session) -> list[Marker]:
    rows = session.execute(select(Camera.id, Camera.name, Camera.lon, Camera.lat, Camera.ai_enabled)).all()
    return [
        Marker(MarkerKind.CAMERA_AI if ai else MarkerKind.CAMERA, cid, lon, lat, name)
        for cid, name, lon, lat, ai in rows
        if lon is not None and lat is not None
    ]


def _sensor_markers(session: Session) -> list[Marker]:
    """Sensors sit at their household's building; a sensor without a household is not drawn."""
    rows = session.execute(
        select(Sensor.id, Sensor.name, Building.lon, Building.lat, Household.unit, Household.room)
        .join(Household, Household.id == Sensor.household_id)
        .join(Building, Building.id == Household.building_id)
    ).all()
    return [
        Marker(MarkerKind.SENSOR, sid, lon, lat, f"{name} ({unit}单元{room})")
        for sid, name, lon, lat, unit, room in rows
    ]


def _place(lon_column, lat_column):
    """A point's own position, else its household's building, else the building named on it."""
    return func.coalesce(lon_column, Building.lon), func.coalesce(lat_column, Building.lat)


def _ticket_markers(session: Session) -> list[Marker]:
    lon, lat = _place(Ticket.lon, Ticket.lat)
    household_building = (
        select(Household.building_id).where(Household.id == Ticket.household_id).scalar_subquery()
    )
    rows = session.execute(
        select(Ticket.id, Ticket.text, Ticket.overdue_since, lon, lat)
        .outerjoin(Building, Building.id == func.coalesce(Ticket.building_id, household_building))
        .where(Ticket.state.not_in(NOT_OPEN))
    ).all()
    return [
        Marker(
            MarkerKind.TICKET_OVERDUE if overdue else MarkerKind.TICKET,
            tid,
            x,
            y,
            f"#{tid} {text[:24]}",
        )
        for tid, text, overdue, x, y in rows
        if x is not None and y is not None
    ]


def _alarm_markers(session: Session) -> list[Marker]:
    lon, lat = _place(Alarm.lon, Alarm.lat)
    rows = session.execute(
        select(Alarm.id, Alarm.title, lon, lat)
        .outerjoin(Household, Household.id == Alarm.household_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .where(Alarm.state.in_(ACTIVE_ALARM_STATES))
    ).all()
    return [
        Marker(MarkerKind.ALARM, aid, x, y, title)
        for aid, title, x, y in rows
        if x is not None and y is not None
    ]


@dataclass
class GridFacts:
    """What the side panel shows about one grid (its whole subtree for the counts)."""

    staff: list[Contact] = field(default_factory=list)
    households: int = 0
    residents: int = 0
    open_tickets: int = 0
    overdue_tickets: int = 0
    cameras: list[tuple[int, str]] = field(default_factory=list)
    sensors: list[tuple[int, str, str]] = field(default_factory=list)  # id, name, kind
    active_alarms: list[tuple[int, str, datetime]] = field(default_factory=list)


def grid_facts(session: Session, grid_id: int, subtree: list[int]) -> GridFacts:
    facts = GridFacts()
    staff = session.execute(
        select(Person.name, Person.phone, Duty.role)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.grid_id == grid_id)
        .order_by(Duty.id)
    ).all()
    rank = {role.value: i for i, role in enumerate(DUTY_ORDER)}
    facts.staff = sorted((Contact(n, p, r) for n, p, r in staff), key=lambda c: rank.get(c.role, len(rank)))
    households = (
        select(Household.id)
        .join(Building, Building.id == Household.building_id)
        .where(Building.grid_id.in_(subtree))
    )
    facts.households = session.scalar(select(func.count()).select_from(households.subquery())) or 0
    facts.residents = (
        session.scalar(
            select(func.count()).select_from(Resident).where(Resident.household_id.in_(households))
        )
        or 0
    )
    in_subtree = _ticket_grid().in_(subtree)
    open_filter = and_(in_subtree, Ticket.state.not_in(NOT_OPEN))
    facts.open_tickets = session.scalar(select(func.count()).select_from(Ticket).where(open_filter)) or 0
    facts.overdue_tickets = (
        session.scalar(
            select(func.count()).select_from(Ticket).where(open_filter, Ticket.overdue_since.is_not(None))
        )
        or 0
    )
    facts.cameras = [
        (cid, name)
        for cid, name in session.execute(
            select(Camera.id, Camera.name).where(Camera.grid_id.in_(subtree)).order_by(Camera.name)
        )
    ]
    facts.sensors = [
        (sid, name, kind)
        for sid, name, kind in session.execute(
            select(Sensor.id, Sensor.name, Sensor.kind).where(Sensor.grid_id.in_(subtree)).order_by(Sensor.id)
        )
    ]
    facts.active_alarms = [
        (aid, title, raised)
        for aid, title, raised in session.execute(
            select(Alarm.id, Alarm.title, Alarm.raised_at)
            .where(Alarm.grid_id.in_(subtree), Alarm.state.in_(ACTIVE_ALARM_STATES))
            .order_by(Alarm.raised_at.desc())
        )
    ]
    return facts


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "grid", "building", "household"
    title: str
    subtitle: str
    grid_id: int | None  # the grid to select
    lon: float | None  # a point to pin (buildings and households)
    lat: float | None
    exact: bool = False  # the text was this grid's code: go there without asking


SEARCH_LIMIT = 20


def search(session: Session, text: str) -> list[SearchHit]:
    """Grids by code or name, buildings by name or address, households by address or householder."""
    text = text.strip()
    if not text:
        return []
    like = f"%{text}%"
    hits: list[SearchHit] = []
    exact = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.level).where(Grid.code == text)).all()
    partial = session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level)
        .where(or_(Grid.name.like(like), Grid.code.like(f"{text}%")), Grid.code != text)
        .order_by(Grid.level, Grid.code)
        .limit(SEARCH_LIMIT)
    ).all()
    hits.extend(
        SearchHit("grid", name, code, gid, None, None, exact=True) for gid, code, name, _level in exact
    )
    hits.extend(SearchHit("grid", name, code, gid, None, None) for gid, code, name, _level in partial)
    buildings = session.execute(
        select(Building.id, Building.name, Building.address, Building.grid_id, Building.lon, Building.lat)
        .where(or_(Building.address.like(like), Building.name.like(like)))
        .order_by(Building.address)
        .limit(SEARCH_LIMIT)
    ).all()
    hits.extend(
        SearchHit("building", address, name, gid, lon, lat)
        for _bid, name, address, gid, lon, lat in buildings
    )
    hits.extend(_household_hits(session, text))
    return hits[: SEARCH_LIMIT * 2]


def _household_hits(session: Session, text: str) -> list[SearchHit]:
    """A full household address ("…3号楼2单元301室") or a householder's name."""
    address = Building.address + Household.unit + "单元" + Household.room + "室"
    householder = (
        select(Resident.household_id)
        .where(Resident.name == text, Resident.relation == "户主")
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Household.id,
            Household.unit,
            Household.room,
            Building.address,
            Building.grid_id,
            Building.lon,
            Building.lat,
        )
        .join(Building, Building.id == Household.building_id)
        .where(or_(address.like(f"%{text}%"), Household.id.in_(householder)))
        .order_by(Household.id)
        .limit(SEARCH_LIMIT)
    ).all()
    return [
        SearchHit("household", f"{addr}{unit}单元{room}室", "", gid, lon, lat)
        for _hid, unit, room, addr, gid, lon, lat in rows
    ]
