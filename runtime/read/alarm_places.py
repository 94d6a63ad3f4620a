"""Where an alarm is, in the words a person on duty reads off a wall: the flat's address, the device that
raised it, and the grids it lies in.

Read for a handful of alarms at a time (what the kiosk wall's alarm overlay shows), in one session and a
few queries, and handed out as frozen values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.addresses import household_addresses
from alarms.values import AlarmView
from app.context import SiteContext
from app.models import Camera, Grid, Sensor
from app.site_clock import SiteClock

GRID_SEPARATOR = " › "
# The street (level 1) is the same for every alarm of a site: the path starts at the community.
FIRST_LEVEL_SHOWN = 2


@dataclass(frozen=True)
class AlarmPlace:
    address: str  # the household's address, or the address the alarm carries; "" when neither
    device: str  # the sensor's or camera's name; "" when the alarm came from neither
    grid: str  # the grid names from the community down, e.g. "幸福里社区 › 幸福里三区 › 7号楼微网格"
    lon: float | None
    lat: float | None


class AlarmPlaces:
    """Describes where alarms are; the views ask with the AlarmViews they already hold."""

    def __init__(self, site: SiteContext) -> None:
        self.db = site.db
        self.site = site

    @property
    def clock(self) -> SiteClock:
        """The site's clock: every time these views show is in the site's zone."""
        return self.site.clock

    def describe(self, alarms: Iterable[AlarmView]) -> dict[int, AlarmPlace]:
        """Alarm id → its place, for every alarm given."""
        alarms = list(alarms)
        if not alarms:
            return {}
        with self.db.session() as session:
            addresses = household_addresses(
                session, {a.household_id for a in alarms if a.household_id is not None}
            )
            sensors = _names(session, Sensor, {a.sensor_id for a in alarms if a.sensor_id is not None})
            cameras = _names(session, Camera, {a.camera_id for a in alarms if a.camera_id is not None})
            paths = _grid_paths(session, {a.grid_id for a in alarms if a.grid_id is not None})
        return {
            alarm.id: AlarmPlace(
                address=addresses.get(alarm.household_id, "") or str(alarm.detail.get("address") or ""),
                device=sensors.get(alarm.sensor_id)
                or str(alarm.detail.get("sensor") or "")
                or cameras.get(alarm.camera_id, ""),
                grid=paths.get(alarm.grid_id, ""),
                lon=alarm.lon,
                lat=alarm.lat,
            )
            for alarm in alarms
        }


def _names(session: Session, table: type[Sensor] | type[Camera], ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(table.id, table.name).where(table.id.in_(ids))).all())


def _grid_paths(session: Session, grid_ids: set[int]) -> dict[int, str]:
    """Each grid's names from the community down to itself: one query per level, not per grid."""
    known: dict[int, tuple[str, int, int | None]] = {}  # id → (name, level, parent id)
    wanted = set(grid_ids)
    while wanted:
        rows = session.execute(
            select(Grid.id, Grid.name, Grid.level, Grid.parent_id).where(Grid.id.in_(wanted))
        ).all()
        known |= {row.id: (row.name, row.level, row.parent_id) for row in rows}
        wanted = {row.parent_id for row in rows if row.parent_id is not None} - known.keys()
    paths = {}
    for grid_id in grid_ids:
        names: list[str] = []
        seen: set[int] = set()
        current: int | None = grid_id
        while current in known and current not in seen:  # a broken parent loop ends too
            seen.add(current)
            name, level, parent = known[current]
            if level >= FIRST_LEVEL_SHOWN:
                names.append(name)
            current = parent
        paths[grid_id] = GRID_SEPARATOR.join(reversed(names))
    return paths
