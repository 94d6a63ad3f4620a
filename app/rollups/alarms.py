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

from app.rollups.buckets import slot_instant, utc_slot
from app.rollups.counters import add_counts
from app.rollups.days import local_day, site_zone
from app.rollups.models import NO_GRID, AlarmAckBucket, AlarmDaily

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


def count_raised(session: Session, alarms: Iterable[AlarmFacts]) -> None:
    zone = site_zone(session)
    deltas: dict[tuple, Counter] = defaultdict(Counter)
    for alarm in alarms:
        deltas[(local_day(alarm.raised_at, zone), alarm.grid_id or NO_GRID, alarm.kind)]["raised"] += 1
    add_counts(session, AlarmDaily.__table__, DAILY_KEYS, deltas)


def count_acknowledged(session: Session, alarm: AlarmFacts) -> None:
    """An alarm was acknowledged (by hand, or by being handled straight away)."""
    assert alarm.acknowledged_at is not None
    day = local_day(alarm.raised_at, site_zone(session))
    key = (day, alarm.grid_id or NO_GRID, alarm.kind)
    seconds = max(0.0, (alarm.acknowledged_at - alarm.raised_at).total_seconds())
    add_counts(session, AlarmDaily.__table__, DAILY_KEYS, {key: {"acknowledged": 1, "ack_seconds": seconds}})
    add_counts(session, AlarmAckBucket.__table__, BUCKET_KEYS, {(*key, bucket_of(seconds)): {"count": 1}})


def recount(session: Session) -> tuple[dict[tuple, Counter], dict[tuple, int]]:
    """The daily counters and the bucket counts from the alarm rows themselves."""
    zone = site_zone(session)
    alarms = _ALARMS
    slot = utc_slot(session, alarms.c.raised_at, zone)
    grid = func.coalesce(alarms.c.grid_id, NO_GRID)
    daily: dict[tuple, Counter] = defaultdict(Counter)
    query = select(slot, grid, alarms.c.kind, func.count()).group_by(slot, grid, alarms.c.kind)
    for at, grid_id, kind, n in session.execute(query):
        daily[(local_day(slot_instant(at), zone), grid_id, kind)]["raised"] += n
    buckets: dict[tuple, int] = defaultdict(int)
    acked = select(alarms.c.raised_at, alarms.c.acknowledged_at, grid, alarms.c.kind).where(
        alarms.c.acknowledged_at.is_not(None)
    )
    for raised_at, acked_at, grid_id, kind in session.execute(acked):
        key = (local_day(raised_at, zone), grid_id, kind)
        seconds = max(0.0, (acked_at - raised_at).total_seconds())
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
    add_counts(session, AlarmDaily.__table__, DAILY_KEYS, daily)
    add_counts(session, AlarmAckBucket.__table__, BUCKET_KEYS, {k: {"count": n} for k, n in buckets.items()})
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
