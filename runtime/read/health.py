"""Alarms and devices over time, for the statistics panel's second row of charts: alarms raised per day by
kind with the day's median and 90th percentile time to acknowledge (from the alarm roll-ups and their
buckets), the list behind one day (the chart's drill-down), camera availability and the sensors'
health per day (`app/rollups/health.py`); for the site or one grid's subtree. No names, no phones:
an alarm is its kind, grid, priority and times."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from alarms.models import ALARM_KIND_ZH, Alarm
from app.context import SiteContext
from app.rollups.alarms import ACK_BUCKETS, GridLevels, percentile_from_buckets
from app.rollups.days import days_between
from app.rollups.health import CameraDay, SensorHealthDay, camera_series, sensor_series
from app.rollups.models import SITE, AlarmAckBucket, AlarmDaily
from app.site_clock import clock_in
from app.tickets.routing import GridBook


@dataclass(frozen=True)
class AlarmTrend:
    days: tuple[date, ...]
    kinds: tuple[str, ...]  # the kinds raised in the period, most raised first
    raised: dict[str, tuple[int, ...]]  # kind -> per day
    acknowledged: tuple[int, ...]
    p50_seconds: tuple[float | None, ...]  # None: nothing acknowledged that day; inf: past the last bucket
    p90_seconds: tuple[float | None, ...]

    def total(self, index: int) -> int:
        return sum(counts[index] for counts in self.raised.values())


@dataclass(frozen=True)
class AlarmOfDay:
    id: int
    at: datetime  # naive UTC
    kind: str  # the kind's code; `kind_name` in Chinese
    kind_name: str
    grid: str
    priority: int
    state: str
    ack_seconds: float | None


@dataclass(frozen=True)
class DeviceTrend:
    days: tuple[date, ...]
    cameras: tuple[CameraDay, ...]
    sensors: tuple[SensorHealthDay, ...]


def kind_name(kind: str) -> str:
    return ALARM_KIND_ZH.get(kind, kind)


class HealthReads:
    """Each call opens and closes its own session."""

    def __init__(self, site: SiteContext) -> None:
        self._db = site.db

    def _span(self, session, days: int, today: date | None) -> tuple[date, date]:
        last = today or clock_in(session).today()
        return last - timedelta(days=days - 1), last

    @staticmethod
    def _grid_id(session, grid_code: str | None) -> int | None:
        if not grid_code:
            return None
        info = GridBook.load(session).by_code.get(grid_code)
        return info.id if info else None

    def alarm_trend(self, days: int, grid_code: str | None = None, today: date | None = None) -> AlarmTrend:
        with self._db.session() as session:
            first, last = self._span(session, days, today)
            scope = self._grid_id(session, grid_code)
            scope = SITE if scope is None else scope
            a, b = AlarmDaily.__table__, AlarmAckBucket.__table__
            rows = session.execute(
                select(a.c.day, a.c.kind, a.c.raised, a.c.acknowledged).where(
                    a.c.grid_id == scope, a.c.day >= first, a.c.day <= last
                )
            ).all()
            buckets = session.execute(
                select(b.c.day, b.c.bucket, func.sum(b.c.count))
                .where(b.c.grid_id == scope, b.c.day >= first, b.c.day <= last)
                .group_by(b.c.day, b.c.bucket)
            ).all()
        span = days_between(first, last)
        index = {day: i for i, day in enumerate(span)}
        raised: dict[str, list[int]] = defaultdict(lambda: [0] * len(span))
        acked = [0] * len(span)
        for day, kind, n, k in rows:
            i = index[_as_date(day)]
            raised[kind][i] += int(n or 0)
            acked[i] += int(k or 0)
        counts = [[0] * (len(ACK_BUCKETS) + 1) for _ in span]
        for day, bucket, n in buckets:
            counts[index[_as_date(day)]][bucket] += int(n or 0)
        kinds = tuple(sorted(raised, key=lambda kind: (-sum(raised[kind]), kind)))
        return AlarmTrend(
            days=tuple(span),
            kinds=kinds,
            raised={kind: tuple(raised[kind]) for kind in kinds},
            acknowledged=tuple(acked),
            p50_seconds=tuple(percentile_from_buckets(c, 0.5) for c in counts),
            p90_seconds=tuple(percentile_from_buckets(c, 0.9) for c in counts),
        )

    def alarms_of_day(
        self, day: date, grid_code: str | None = None, kind: str | None = None
    ) -> list[AlarmOfDay]:
        """The alarms raised on one site day (in the subtree, of the kind): what a chart's day counts."""
        with self._db.session() as session:
            clock = clock_in(session)
            scope = self._grid_id(session, grid_code)
            query = select(
                Alarm.id,
                Alarm.raised_at,
                Alarm.kind,
                Alarm.grid_id,
                Alarm.priority,
                Alarm.state,
                Alarm.acknowledged_at,
            ).where(
                Alarm.raised_at >= clock.day_start(day),
                Alarm.raised_at < clock.day_start(day + timedelta(days=1)),
            )
            if kind is not None:
                query = query.where(Alarm.kind == kind)
            rows = session.execute(query.order_by(Alarm.raised_at, Alarm.id)).all()
            levels, grids = GridLevels.load(session), GridBook.load(session)
        return [
            AlarmOfDay(
                id=alarm_id,
                at=at,
                kind=kind_code,
                kind_name=kind_name(kind_code),
                grid=grids.name(grid_id),
                priority=priority,
                state=state,
                ack_seconds=None if acked is None else max(0.0, (acked - at).total_seconds()),
            )
            for alarm_id, at, kind_code, grid_id, priority, state, acked in rows
            if scope is None or scope in levels.scopes(grid_id)
        ]

    def device_trend(self, days: int, grid_code: str | None = None, today: date | None = None) -> DeviceTrend:
        with self._db.session() as session:
            first, last = self._span(session, days, today)
            scope = self._grid_id(session, grid_code)
            cameras = camera_series(session, first, last, scope)
            sensors = sensor_series(session, first, last, scope)
        return DeviceTrend(tuple(days_between(first, last)), tuple(cameras), tuple(sensors))


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
