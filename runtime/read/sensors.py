"""The site's sensors as the settings dialog lists them: each with where it is (its household's address,
or the flat it waits at) and what was last heard from it, and the codes heard that no sensor has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select

from alarms.addresses import household_address
from alarms.models import HeardCode, SensorStatus
from app.context import SiteContext
from app.models import Building, Household, PendingSensor, Sensor

HEARD_CODES_SHOWN = 200


class Binding(StrEnum):
    """Where a sensor stands (the dialog's words for each are in the view)."""

    BOUND = "bound"  # to a household
    WAITING = "waiting"  # on a flat where no household lives yet (待绑定)
    NONE = "none"  # neither: its household was removed


@dataclass(frozen=True)
class SensorRow:
    id: int
    code: str
    protocol: str
    kind: str
    name: str
    binding: Binding
    address: str  # the household's, or the flat it waits at; "" when neither
    household_id: int | None
    last_seen_at: datetime | None  # naive UTC
    battery: int | None
    online: bool | None


@dataclass(frozen=True)
class HeardRow:
    """A code a dongle heard that no sensor is bound to."""

    protocol: str
    code: str
    dongle: str | None
    last_heard_at: datetime  # naive UTC
    times: int


class SensorCatalogue:
    """Reads the sensors and the heard codes for the settings dialog (one short session per call)."""

    def __init__(self, site: SiteContext) -> None:
        self.db = site.db

    def sensors(self) -> list[SensorRow]:
        """Every sensor, the waiting ones first (they need the office's eye), then by address and code."""
        with self.db.session() as session:
            rows = session.execute(
                select(
                    Sensor,
                    household_address().label("household_address"),
                    PendingSensor.address,
                    SensorStatus.last_seen_at,
                    SensorStatus.battery,
                    SensorStatus.online,
                )
                .outerjoin(Household, Household.id == Sensor.household_id)
                .outerjoin(Building, Building.id == Household.building_id)
                .outerjoin(PendingSensor, PendingSensor.sensor_id == Sensor.id)
                .outerjoin(SensorStatus, SensorStatus.sensor_id == Sensor.id)
            ).all()
            found = [_row(*row) for row in rows]
        order = {Binding.WAITING: 0, Binding.NONE: 1, Binding.BOUND: 2}
        return sorted(found, key=lambda s: (order[s.binding], s.address, s.code))

    def heard(self, limit: int = HEARD_CODES_SHOWN) -> list[HeardRow]:
        """Codes heard but not bound to a sensor, most recently heard first."""
        with self.db.session() as session:
            rows = session.execute(
                select(
                    HeardCode.protocol,
                    HeardCode.device_code,
                    HeardCode.dongle,
                    HeardCode.last_heard_at,
                    HeardCode.times,
                )
                .order_by(HeardCode.last_heard_at.desc())
                .limit(limit)
            ).all()
        return [HeardRow(*row) for row in rows]


def _row(sensor: Sensor, household_address, waiting_address, last_seen, battery, online) -> SensorRow:
    if sensor.household_id is not None:
        binding, address = Binding.BOUND, household_address or ""
    elif waiting_address is not None:
        binding, address = Binding.WAITING, waiting_address
    else:
        binding, address = Binding.NONE, ""
    return SensorRow(
        sensor.id,
        sensor.device_code,
        sensor.protocol,
        sensor.kind,
        sensor.name,
        binding,
        address,
        sensor.household_id,
        last_seen,
        battery,
        online,
    )
