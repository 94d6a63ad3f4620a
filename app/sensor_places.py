"""Where a sensor is: the household its address names, or the flat it waits at (待绑定).

An office brings its files in the natural order (grids, site workbook, roster), so a sensor's address
often names a flat of a known building where no household lives yet. Such a sensor is stored waiting
on that flat (`PendingSensor`, with its building's micro-grid, so an alarm from it is still placed and
raised), and `bind_waiting` binds it as soon as a household appears there. The site workbook, the
settings dialog's service and the roster's import and hand edits all go through this one module.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.models import Building, Household, PendingSensor, Sensor
from app.roster.buildings import BuildingDirectory, BuildingNotFound, BuildingRef
from app.roster.cells import CellError, clean_room, clean_unit
from app.site_book.common import squash

PENDING_NOTE = "待绑定: 住户地址尚无住户"
_ADDRESS = re.compile(
    r"^(?P<building>.+?)(?P<unit>[0-9一二三四五六七八九十]+)单元(?P<room>[0-9A-Za-z-]+)(?:室|号|房)?$"
)


@dataclass(frozen=True)
class OpenPlace:
    """A flat of a known building where no household lives yet."""

    building_id: int
    grid_id: int
    unit: str
    room: str
    address: str  # the flat's full address, as its household's will read

    @property
    def note(self) -> str:
        return f"{PENDING_NOTE} ({self.address}); 该户登记后自动绑定 (bound when the household is added)"


@dataclass(frozen=True)
class WaitingPlace:
    """Where a waiting sensor's alarm is: the flat's address and its building's position."""

    address: str
    lon: float
    lat: float


@dataclass(frozen=True)
class HouseholdPlace:
    """A household a sensor can be bound to: its id, its building's micro-grid and its address."""

    id: int
    grid_id: int
    address: str


class HouseholdDirectory:
    """The site's households by full address, or by building, 单元 and 室; read once per import (plain
    rows, not ORM objects: a site of 5,000 households is read in a few tens of milliseconds)."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(
                Household.id,
                Household.building_id,
                Household.unit,
                Household.room,
                Building.address,
                Building.grid_id,
            ).join(Building, Building.id == Household.building_id)
        ).all()
        self.by_address: dict[str, list[HouseholdPlace]] = defaultdict(list)
        self.by_place: dict[tuple[int, str, str], HouseholdPlace] = {}
        for id_, building_id, unit, room, building_address, grid_id in rows:
            household = HouseholdPlace(id_, grid_id, f"{building_address}{unit}单元{room}室")
            self.by_address[squash(household.address)].append(household)
            self.by_place[(building_id, unit, room)] = household
        buildings = session.execute(
            select(Building.id, Building.name, Building.address, Building.grid_id)
        ).all()
        self.grid_of = {row.id: row.grid_id for row in buildings}
        self.buildings = BuildingDirectory(BuildingRef(row.id, row.name, row.address) for row in buildings)

    def place(self, label: str) -> HouseholdPlace | OpenPlace:
        """The one household `label` names, or the flat it names in a known building where no
        household lives yet; LookupError says why it is neither (not an address, no such building,
        two households at one address)."""
        exact = self.by_address.get(squash(label), [])
        if len(exact) == 1:
            return exact[0]
        if exact:
            raise LookupError(f"住户地址 '{label}' 不唯一 (站点中有 {len(exact)} 户同一地址)")
        match = _ADDRESS.match(squash(label))
        if match is None:
            raise LookupError(f"住户地址 '{label}' 无法识别 (应如 幸福路1号3号楼1单元101室)")
        try:
            building = self.buildings.match(match["building"])
            unit, room = clean_unit(match["unit"]), clean_room(match["room"])
        except (BuildingNotFound, CellError) as error:
            raise LookupError(f"住户地址 '{label}': {error.args[0]}") from None
        household = self.by_place.get((building.id, unit, room))
        if household is not None:
            return household
        address = f"{building.address}{unit}单元{room}室"
        return OpenPlace(building.id, self.grid_of[building.id], unit, room, address)


def place_sensor(session: Session, sensor: Sensor, where: HouseholdPlace | OpenPlace) -> None:
    """Bind `sensor` to a household, or leave it waiting on a flat (its grid is the building's)."""
    pending = session.get(PendingSensor, sensor.id) if sensor.id is not None else None
    if isinstance(where, HouseholdPlace):
        sensor.household_id, sensor.grid_id = where.id, where.grid_id
        if pending is not None:
            session.delete(pending)
        return
    sensor.household_id, sensor.grid_id = None, where.grid_id
    session.flush()  # the sensor's id, for a new one
    if pending is None:
        pending = PendingSensor(sensor_id=sensor.id)
        session.add(pending)
    pending.address, pending.building_id = where.address, where.building_id
    pending.unit, pending.room = where.unit, where.room


def waiting_at(session: Session, sensor: Sensor) -> OpenPlace | None:
    """The flat a sensor waits at, as `place` would name it now (None: bound, or not waiting)."""
    pending = session.get(PendingSensor, sensor.id)
    if pending is None:
        return None
    return OpenPlace(pending.building_id, sensor.grid_id, pending.unit, pending.room, pending.address)


def waiting_place(session: Session, sensor_id: int) -> WaitingPlace | None:
    """The address and position an alarm from a waiting sensor is raised at."""
    row = session.execute(
        select(PendingSensor.address, Building.lon, Building.lat)
        .join(Building, Building.id == PendingSensor.building_id)
        .where(PendingSensor.sensor_id == sensor_id)
    ).first()
    return WaitingPlace(*row) if row is not None else None


def bind_waiting(session: Session, seat: Seat) -> list[int]:
    """Bind every waiting sensor whose flat now has a household, in the caller's unit of work, each
    audited; returns their ids (the caller publishes `Change(sensor, bound)` after the commit)."""
    rows = session.execute(
        select(PendingSensor, Household.id, Building.grid_id)
        .join(
            Household,
            (Household.building_id == PendingSensor.building_id)
            & (Household.unit == PendingSensor.unit)
            & (Household.room == PendingSensor.room),
        )
        .join(Building, Building.id == Household.building_id)
        .order_by(PendingSensor.sensor_id)
    ).all()
    bound = []
    for pending, household_id, grid_id in rows:
        sensor = session.get(Sensor, pending.sensor_id)
        sensor.household_id, sensor.grid_id = household_id, grid_id
        audit.record(
            session,
            seat,
            "sensor.bind",
            "sensor",
            sensor.id,
            code=sensor.device_code,
            household_id=household_id,
            address=pending.address,
            waited_since=pending.since,
        )
        session.delete(pending)
        bound.append(sensor.id)
    session.flush()
    return bound
