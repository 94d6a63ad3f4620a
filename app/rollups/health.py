"""The devices' roll-ups: camera availability per day (seconds watched and live, outages) and the
sensors' health per day (a snapshot of low battery, silent, offline), each under the grids of the
device's chain and `SITE`, as the ticket and alarm roll-ups are.

Written by the runtime (`runtime/device_health.py`): the cameras' seconds as the capture of each
process saw them, the sensors' snapshot when a sensor or alarm change arrives and once an hour.
The sensors' status table is the alarm area's (above `app`): its columns are named here, as
`app/rollups/alarms.py` names the alarms'.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Boolean, DateTime, Integer, column, func, select, table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.models import Camera, Sensor
from app.rollups.alarms import GridLevels
from app.rollups.counters import add_counts
from app.rollups.days import days_between
from app.rollups.models import SITE, CameraDaily, SensorHealthDaily

_SENSOR_STATUS = table(
    "sensor_status",
    column("sensor_id", Integer),
    column("online", Boolean),
    column("silent_alarm_at", DateTime),
    column("low_battery_alarm_at", DateTime),
)
HEALTH = ("sensors", "low_battery", "silent", "offline")


@dataclass(frozen=True)
class CameraSeconds:
    """What one process saw of one camera on one day."""

    observed: float
    live: float
    outages: int = 0


@dataclass(frozen=True)
class CameraDay:
    day: date
    cameras: int  # cameras watched that day
    observed_seconds: float
    live_seconds: float
    outages: int

    @property
    def availability(self) -> float | None:
        return self.live_seconds / self.observed_seconds if self.observed_seconds else None


@dataclass(frozen=True)
class SensorHealthDay:
    day: date
    recorded: bool  # False: no snapshot was taken that day (no process of the site ran)
    sensors: int = 0
    low_battery: int = 0
    silent: int = 0
    offline: int = 0


def add_camera_seconds(session: Session, day: date, seen: Mapping[int, CameraSeconds]) -> None:
    """Add one process's observations of a day to the cameras' roll-up (in the caller's transaction)."""
    if not seen:
        return
    levels = GridLevels.load(session)
    grids = dict(session.execute(select(Camera.id, Camera.grid_id).where(Camera.id.in_(list(seen)))).all())
    deltas: dict[tuple, dict] = {}
    for camera_id, seconds in seen.items():
        if camera_id not in grids:  # deleted meanwhile: nobody asks for its availability any more
            continue
        for scope in levels.scopes(grids[camera_id]):
            deltas[(scope, day, camera_id)] = {
                "observed_seconds": seconds.observed,
                "live_seconds": seconds.live,
                "outages": seconds.outages,
            }
    add_counts(session, CameraDaily.__table__, ("grid_id", "day", "camera_id"), deltas)


def sensor_health_now(session: Session) -> dict[int, Counter]:
    """The sensors' health as the store holds it now, per scope (`SITE` and grids of levels 1 to 3)."""
    s = _SENSOR_STATUS
    query = select(Sensor.grid_id, s.c.online, s.c.silent_alarm_at, s.c.low_battery_alarm_at).outerjoin(
        s, s.c.sensor_id == Sensor.id
    )
    levels = GridLevels.load(session)
    counts: dict[int, Counter] = defaultdict(Counter)
    for grid_id, online, silent_at, low_at in session.execute(query):
        for scope in levels.scopes(grid_id):
            counts[scope]["sensors"] += 1
            counts[scope]["low_battery"] += low_at is not None
            counts[scope]["silent"] += silent_at is not None
            counts[scope]["offline"] += online is False
    return counts


def snapshot_sensor_health(session: Session, day: date) -> int:
    """Write (over the day's earlier snapshot) the sensors' health now as `day`'s; returns rows written.
    An upsert, so two processes taking the snapshot at once both succeed with the same figures."""
    counts = sensor_health_now(session)
    rows = [
        {"grid_id": scope, "day": day, **{name: c[name] for name in HEALTH}} for scope, c in counts.items()
    ]
    t = SensorHealthDaily.__table__
    gone = t.delete().where(t.c.day == day)
    if counts:  # a grid whose last sensor left keeps no row of today
        gone = gone.where(t.c.grid_id.not_in(list(counts)))
    session.execute(gone)
    if rows:
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement = dialect.insert(t)
        statement = statement.on_conflict_do_update(
            index_elements=[t.c.grid_id, t.c.day], set_={name: statement.excluded[name] for name in HEALTH}
        )
        session.execute(statement, rows)
    return len(rows)


def camera_series(session: Session, first: date, last: date, grid_id: int | None = None) -> list[CameraDay]:
    t = CameraDaily.__table__
    query = (
        select(
            t.c.day,
            func.count(t.c.camera_id),
            func.sum(t.c.observed_seconds),
            func.sum(t.c.live_seconds),
            func.sum(t.c.outages),
        )
        .where(t.c.grid_id == (SITE if grid_id is None else grid_id), t.c.day >= first, t.c.day <= last)
        .group_by(t.c.day)
    )
    found = {
        _as_date(day): CameraDay(_as_date(day), int(n), float(obs or 0), float(live or 0), int(out or 0))
        for day, n, obs, live, out in session.execute(query)
    }
    return [found.get(day, CameraDay(day, 0, 0.0, 0.0, 0)) for day in days_between(first, last)]


def sensor_series(
    session: Session, first: date, last: date, grid_id: int | None = None
) -> list[SensorHealthDay]:
    t = SensorHealthDaily.__table__
    query = select(t.c.day, *(t.c[name] for name in HEALTH)).where(
        t.c.grid_id == (SITE if grid_id is None else grid_id), t.c.day >= first, t.c.day <= last
    )
    found = {
        _as_date(day): SensorHealthDay(_as_date(day), True, *values)
        for day, *values in session.execute(query)
    }
    return [found.get(day, SensorHealthDay(day, False)) for day in days_between(first, last)]


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
