"""What the map shows, read from the store: grid outlines and leaders, overlay counts and markers,
the side panel's facts about one grid, and search (runtime/read/map_search.py).

Each is one small query (grouped counts, no per-grid loops) so a live update after a ticket or an
alarm costs a few milliseconds. Tickets count where they are filed most precisely (micro-grid, else
compound, community, street); the map adds them up the tree.

A grid worker's map is their subtree's (the seat's `User.grid_scope`, applied here whatever the map
asks): every grid's outline is drawn, but counts, markers, leaders, a grid's facts and the building and
household search hits come from their subtree only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

import shapely
from shapely.geometry.base import BaseGeometry
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState
from app.context import SiteContext
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Person, Resident, Sensor
from app.site_clock import SiteClock
from app.store.base import utcnow
from app.tickets.models import Ticket
from app.tickets.states import State
from runtime.read import map_search
from runtime.read.map_search import SearchHit
from runtime.read.seat_scope import Scope, seat_scope, within

# Open for the map: anything not yet closed. Closed tickets await only the return visit.
NOT_OPEN = (State.CLOSED.value, State.EVALUATED.value, State.DISMISSED.value)
ACTIVE_ALARM_STATES = (AlarmState.RAISED.value, AlarmState.ACKNOWLEDGED.value)
DUTY_ORDER = (DutyRole.LEADER, DutyRole.MEMBER, DutyRole.POLICE, DutyRole.COUNTY_LEADER, DutyRole.SUPERVISOR)


@dataclass(frozen=True)
class GridRecord:
    """One grid as the map needs it: identity, place in the tree, WGS-84 outline."""

    id: int
    code: str
    name: str
    level: int
    parent_id: int | None
    geometry: BaseGeometry


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str | None
    role: str  # a DutyRole value


@dataclass(frozen=True)
class GridLayer:
    """The grid tree as the map draws it: every outline, and the leader of every grid that has one."""

    grids: tuple[GridRecord, ...]
    leaders: Mapping[int, Contact]


class MarkerKind(StrEnum):
    CAMERA = "camera"
    CAMERA_AI = "camera_ai"
    SENSOR = "sensor"
    TICKET = "ticket"
    TICKET_OVERDUE = "ticket_overdue"
    ALARM = "alarm"


@dataclass(frozen=True)
class Marker:
    kind: MarkerKind
    ref_id: int  # the camera, sensor, ticket or alarm id
    lon: float
    lat: float
    title: str


@dataclass(frozen=True)
class MapOverlay:
    """One snapshot of what the store says, counted per grid where each thing is filed."""

    open_tickets: Mapping[int, int] = field(default_factory=dict)
    overdue_tickets: Mapping[int, int] = field(default_factory=dict)
    alarms: Mapping[int, int] = field(default_factory=dict)  # alarms raised in the chosen time range
    markers: tuple[Marker, ...] = ()


@dataclass(frozen=True)
class GridFacts:
    """What the side panel shows about one grid (its whole subtree for the counts)."""

    staff: tuple[Contact, ...] = ()
    households: int = 0
    residents: int = 0
    open_tickets: int = 0
    overdue_tickets: int = 0
    cameras: tuple[tuple[int, str], ...] = ()
    sensors: tuple[tuple[int, str, str], ...] = ()  # id, name, kind
    active_alarms: tuple[tuple[int, str, datetime], ...] = ()  # id, title, raised at


class MapReads:
    """The map's reads of one site; each opens and closes its own session."""

    def __init__(self, site: SiteContext) -> None:
        self._db = site.db
        self._site = site

    @property
    def clock(self) -> SiteClock:
        """The site's clock (the printed map's date line)."""
        return self._site.clock

    @property
    def scope(self) -> Scope:
        """The signed-in grid worker's subtree (None: the whole site); every read below keeps to it."""
        return seat_scope(self._site)

    def grid_layer(self) -> GridLayer:
        """Every grid with an outline, and the grids' leaders (read again after an import)."""
        with self._db.sessions() as session:
            return GridLayer(tuple(_grid_records(session)), _leaders(session, self.scope))

    def overlay(self, alarms_within: timedelta) -> MapOverlay:
        """Counts per grid (alarms raised within the last `alarms_within`) and every marker, as the
        store holds them now."""
        with self._db.sessions() as session:
            return _overlay(session, utcnow() - alarms_within, self.scope)

    def grid_facts(self, grid_id: int, subtree: list[int]) -> GridFacts:
        """The selected grid's staff, and counts over `subtree` (the grid and every grid below it); a grid
        outside a grid worker's subtree has no facts, and a grid above it counts only its part of it."""
        scope = self.scope
        if scope is not None:
            if grid_id not in scope and not scope & set(subtree):
                return GridFacts()
            subtree = [g for g in subtree if g in scope]
        with self._db.sessions() as session:
            return _grid_facts(session, grid_id, subtree, with_staff=scope is None or grid_id in scope)

    def search(self, text: str) -> tuple[SearchHit, ...]:
        """Grids by code or name, buildings by name or address, households by address or householder."""
        with self._db.sessions() as session:
            return tuple(map_search.search(session, text, self.scope))


def _grid_records(session: Session) -> list[GridRecord]:
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


def _leaders(session: Session, scope: Scope) -> dict[int, Contact]:
    """The leader of every grid that has one (first by id when a grid has two), in `scope`."""
    rows = session.execute(
        select(Duty.grid_id, Person.name, Person.phone)
        .join(Person, Person.id == Duty.person_id)
        .where(Duty.role == DutyRole.LEADER.value, *within(Duty.grid_id, scope))
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


def _overlay(session: Session, alarms_since: datetime, scope: Scope) -> MapOverlay:
    grid = _ticket_grid()
    open_filter = and_(Ticket.state.not_in(NOT_OPEN), *within(grid, scope))
    return MapOverlay(
        open_tickets=_grouped(session, select(grid, func.count()).where(open_filter).group_by(grid)),
        overdue_tickets=_grouped(
            session,
            select(grid, func.count()).where(open_filter, Ticket.overdue_since.is_not(None)).group_by(grid),
        ),
        alarms=_grouped(
            session,
            select(Alarm.grid_id, func.count())
            .where(Alarm.raised_at >= alarms_since, *within(Alarm.grid_id, scope))
            .group_by(Alarm.grid_id),
        ),
        markers=(
            *_camera_markers(session, scope),
            *_sensor_markers(session, scope),
            *_ticket_markers(session, scope),
            *_alarm_markers(session, scope),
        ),
    )


def _camera_markers(session: Session, scope: Scope) -> list[Marker]:
    rows = session.execute(
        select(Camera.id, Camera.name, Camera.lon, Camera.lat, Camera.ai_enabled).where(
            *within(Camera.grid_id, scope)
        )
    ).all()
    return [
        Marker(MarkerKind.CAMERA_AI if ai else MarkerKind.CAMERA, cid, lon, lat, name)
        for cid, name, lon, lat, ai in rows
        if lon is not None and lat is not None
    ]


def _sensor_markers(session: Session, scope: Scope) -> list[Marker]:
    """Sensors sit at their household's building; a sensor without a household is not drawn."""
    rows = session.execute(
        select(Sensor.id, Sensor.name, Building.lon, Building.lat, Household.unit, Household.room)
        .join(Household, Household.id == Sensor.household_id)
        .join(Building, Building.id == Household.building_id)
        .where(*within(Building.grid_id, scope))
    ).all()
    return [
        Marker(MarkerKind.SENSOR, sid, lon, lat, f"{name} ({unit}单元{room})")
        for sid, name, lon, lat, unit, room in rows
    ]


def _place(lon_column, lat_column):
    """A point's own position, else its household's building, else the building named on it."""
    return func.coalesce(lon_column, Building.lon), func.coalesce(lat_column, Building.lat)


def _ticket_markers(session: Session, scope: Scope) -> list[Marker]:
    lon, lat = _place(Ticket.lon, Ticket.lat)
    household_building = (
        select(Household.building_id).where(Household.id == Ticket.household_id).scalar_subquery()
    )
    rows = session.execute(
        select(Ticket.id, Ticket.text, Ticket.overdue_since, lon, lat)
        .outerjoin(Building, Building.id == func.coalesce(Ticket.building_id, household_building))
        .where(Ticket.state.not_in(NOT_OPEN), *within(_ticket_grid(), scope))
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


def _alarm_markers(session: Session, scope: Scope) -> list[Marker]:
    lon, lat = _place(Alarm.lon, Alarm.lat)
    rows = session.execute(
        select(Alarm.id, Alarm.title, lon, lat)
        .outerjoin(Household, Household.id == Alarm.household_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .where(Alarm.state.in_(ACTIVE_ALARM_STATES), *within(Alarm.grid_id, scope))
    ).all()
    return [
        Marker(MarkerKind.ALARM, aid, x, y, title)
        for aid, title, x, y in rows
        if x is not None and y is not None
    ]


def _grid_facts(session: Session, grid_id: int, subtree: list[int], *, with_staff: bool = True) -> GridFacts:
    """`with_staff`: whether the grid's own people are shown (not above a grid worker's own grid)."""
    staff = (
        session.execute(
            select(Person.name, Person.phone, Duty.role)
            .join(Person, Person.id == Duty.person_id)
            .where(Duty.grid_id == grid_id)
            .order_by(Duty.id)
        ).all()
        if with_staff
        else []
    )
    rank = {role.value: i for i, role in enumerate(DUTY_ORDER)}
    households = (
        select(Household.id)
        .join(Building, Building.id == Household.building_id)
        .where(Building.grid_id.in_(subtree))
    )
    in_subtree = _ticket_grid().in_(subtree)
    open_filter = and_(in_subtree, Ticket.state.not_in(NOT_OPEN))
    return GridFacts(
        staff=tuple(
            sorted((Contact(n, p, r) for n, p, r in staff), key=lambda c: rank.get(c.role, len(rank)))
        ),
        households=session.scalar(select(func.count()).select_from(households.subquery())) or 0,
        residents=session.scalar(
            select(func.count()).select_from(Resident).where(Resident.household_id.in_(households))
        )
        or 0,
        open_tickets=session.scalar(select(func.count()).select_from(Ticket).where(open_filter)) or 0,
        overdue_tickets=session.scalar(
            select(func.count()).select_from(Ticket).where(open_filter, Ticket.overdue_since.is_not(None))
        )
        or 0,
        cameras=tuple(
            (cid, name)
            for cid, name in session.execute(
                select(Camera.id, Camera.name).where(Camera.grid_id.in_(subtree)).order_by(Camera.name)
            )
        ),
        sensors=tuple(
            (sid, name, kind)
            for sid, name, kind in session.execute(
                select(Sensor.id, Sensor.name, Sensor.kind)
                .where(Sensor.grid_id.in_(subtree))
                .order_by(Sensor.id)
            )
        ),
        active_alarms=tuple(
            (aid, title, raised)
            for aid, title, raised in session.execute(
                select(Alarm.id, Alarm.title, Alarm.raised_at)
                .where(Alarm.grid_id.in_(subtree), Alarm.state.in_(ACTIVE_ALARM_STATES))
                .order_by(Alarm.raised_at.desc())
            )
        ),
    )
