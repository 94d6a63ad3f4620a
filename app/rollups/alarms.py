"""The alarms' daily roll-up: raised and acknowledged alarms per day of raising, grid and kind, with
the time to acknowledge as a sum (for the mean) and as counts per bucket (for the median and the
90th percentile). Written by `AlarmService` in the transaction that raises or acknowledges; an alarm
is acknowledged once, so a step only ever adds.

The alarms area sits above `app`, so this module names the few columns it reads of the `alarms` table
itself instead of importing its model.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import DateTime, Integer, String, column, delete, func, select, table
from sqlalchemy.orm import Session

from app.models import Grid
from app.rollups.buckets import SlotDays, utc_slot
from app.rollups.counters import add_counts, write_counts
from app.rollups.days import local_day, site_zone
from app.rollups.models import SITE, AlarmAckBucket, AlarmDaily

_ALARMS = table(
    "alarms",
    column("raised_at", DateTime),
    column("grid_id", Integer),
    column("kind", String),
    column("acknowledged_at", DateTime),
)

# Upper bounds (seconds) of the time-to-acknowledge buckets; the last bucket is open-ended.
ACK_BUCKETS: tuple[float, ...] = (15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 14400, 43200, 86400)
DAILY_KEYS = ("day", "grid_id", "kind")
BUCKET_KEYS = ("day", "grid_id", "kind", "bucket")


class AlarmFacts(NamedTuple):
    """What the roll-up needs of one alarm."""

    raised_at: datetime
    grid_id: int | None
    kind: str
    acknowledged_at: datetime | None


def bucket_of(seconds: float) -> int:
    return bisect_left(ACK_BUCKETS, seconds)


def bucket_bound(index: int) -> float | None:
    """The upper bound of a bucket, None for the open-ended last one."""
    return ACK_BUCKETS[index] if index < len(ACK_BUCKETS) else None


class GridLevels:
    """Which grids an alarm counts under: the site and its grid's ancestors (itself included) of
    levels 1 to 3, from {grid id: (parent id, level)}."""

    def __init__(self, parents: dict[int, tuple[int | None, int]]) -> None:
        self.parents = parents

    @classmethod
    def load(cls, session: Session) -> GridLevels:
        query = select(Grid.id, Grid.parent_id, Grid.level)
        parents = {g: (p, level) for g, p, level in session.execute(query)}
        return cls(parents)

    def scopes(self, grid_id: int | None) -> tuple[int, ...]:
        found = [SITE]
        while grid_id is not None and grid_id in self.parents:
            parent, level = self.parents[grid_id]
            if level <= 3:
                found.append(grid_id)
            grid_id = parent
        return tuple(found)


def _scopes(session: Session, grid_id: int | None) -> tuple[int, ...]:
    """The scopes of one grid, read up the tree (at most four rows)."""
    found, current = [SITE], grid_id
    while current is not None:
        row = session.execute(select(Grid.parent_id, Grid.level).where(Grid.id == current)).first()
        if row is None:
            break
        if row.level <= 3:
            found.append(current)
        current = row.parent_id
    return tuple(found)


def count_raised(session: Session, alarms: Iterable[AlarmFacts]) -> None:
    zone = site_zone(session)
    deltas: dict[tuple, Counter] = defaultdict(Counter)
    for alarm in alarms:
        for scope in _scopes(session, alarm.grid_id):
            deltas[(local_day(alarm.raised_at, zone), scope, alarm.kind)]["raised"] += 1
    add_counts(session, AlarmDaily.__table__, DAILY_KEYS, deltas)


def count_acknowledged(session: Session, alarm: AlarmFacts) -> None:
    """An alarm was acknowledged (by hand, or by being handled straight away)."""
    assert alarm.acknowledged_at is not None
    day = local_day(alarm.raised_at, site_zone(session))
    seconds = max(0.0, (alarm.acknowledged_at - alarm.raised_at).total_seconds())
    keys = [(day, scope, alarm.kind) for scope in _scopes(session, alarm.grid_id)]
    add_counts(
        session,
        AlarmDaily.__table__,
        DAILY_KEYS,
        {k: {"acknowledged": 1, "ack_seconds": seconds} for k in keys},
    )
    bucket = bucket_of(seconds)
    add_counts(session, AlarmAckBucket.__table__, BUCKET_KEYS, {(*k, bucket): {"count": 1} for k in keys})


def recount(session: Session) -> tuple[dict[tuple, Counter], dict[tuple, int]]:
    """The daily counters and the bucket counts from the alarm rows themselves."""
    zone = site_zone(session)
    alarms = _ALARMS
    slot = utc_slot(session, alarms.c.raised_at, zone)
    levels = GridLevels.load(session)
    daily: dict[tuple, Counter] = defaultdict(Counter)
    query = select(slot, alarms.c.grid_id, alarms.c.kind, func.count()).group_by(
        slot, alarms.c.grid_id, alarms.c.kind
    )
    day_of = SlotDays(zone)
    for at, grid_id, kind, n in session.execute(query):
        for scope in levels.scopes(grid_id):
            daily[(day_of(at), scope, kind)]["raised"] += n
    buckets: dict[tuple, int] = defaultdict(int)
    acked = select(alarms.c.raised_at, alarms.c.acknowledged_at, alarms.c.grid_id, alarms.c.kind).where(
        alarms.c.acknowledged_at.is_not(None)
    )
    for raised_at, acked_at, grid_id, kind in session.execute(acked):
        seconds = max(0.0, (acked_at - raised_at).total_seconds())
        for scope in levels.scopes(grid_id):
            key = (local_day(raised_at, zone), scope, kind)
            daily[key]["acknowledged"] += 1
            daily[key]["ack_seconds"] += seconds
            buckets[(*key, bucket_of(seconds))] += 1
    return daily, buckets


def stored(session: Session) -> tuple[dict[tuple, Counter], dict[tuple, int]]:
    daily: dict[tuple, Counter] = {}
    for row in session.execute(select(AlarmDaily.__table__)).mappings():
        counter = Counter({n: row[n] for n in ("raised", "acknowledged", "ack_seconds") if row[n]})
        if counter:
            daily[(_as_date(row["day"]), row["grid_id"], row["kind"])] = counter
    buckets = {
        (_as_date(r.day), r.grid_id, r.kind, r.bucket): r.count
        for r in session.execute(select(AlarmAckBucket.__table__))
        if r.count
    }
    return daily, buckets


def rebuild(session: Session) -> int:
    """Replace the alarms' roll-up with a recount; returns the number of rows written."""
    session.execute(delete(AlarmDaily.__table__))
    session.execute(delete(AlarmAckBucket.__table__))
    daily, buckets = recount(session)
    write_counts(session, AlarmDaily.__table__, DAILY_KEYS, daily)
    write_counts(
        session, AlarmAckBucket.__table__, BUCKET_KEYS, {k: {"count": n} for k, n in buckets.items()}
    )
    return len(daily) + len(buckets)


def percentile_from_buckets(counts: Sequence[int], fraction: float) -> float | None:
    """The upper bound of the bucket holding the given fraction of the acknowledged alarms (an upper
    estimate: "90% were acknowledged within N seconds"); None when none were, inf past the last."""
    total = sum(counts)
    if not total:
        return None
    rank = fraction * total
    running = 0
    for index, n in enumerate(counts):
        running += n
        if running >= rank:
            bound = bucket_bound(index)
            return float("inf") if bound is None else bound
    return float("inf")


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
