"""Daily series read from the roll-ups: one value per site-local day (every day present, zero when
nothing happened) for the whole site or the subtree of one grid of levels 1 to 3.

The roll-ups count every step under each grid of its chain (see `TicketDaily`), so a subtree's series
is the range of its root's rows: a year is 365 days x the categories and sources seen, whatever the
number of tickets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.rollups.alarms import ACK_BUCKETS, percentile_from_buckets
from app.rollups.days import days_between
from app.rollups.models import SITE, AlarmAckBucket, AlarmDaily, TicketDaily


@dataclass(frozen=True)
class TicketDay:
    day: date
    received: int = 0
    closed: int = 0
    overdue: int = 0
    escalated: int = 0


@dataclass(frozen=True)
class AlarmDay:
    day: date
    raised: int = 0
    acknowledged: int = 0
    ack_seconds: float = 0.0


@dataclass(frozen=True)
class AckTimes:
    """Time to acknowledge over a range of days: mean exact, median and 90th percentile as the upper
    bound of their bucket (None when nothing was acknowledged)."""

    acknowledged: int
    mean_seconds: float | None
    p50_seconds: float | None
    p90_seconds: float | None


def _scoped(query, table, first: date, last: date, grid_id: int | None):
    """Rows of one grid's subtree (None: the whole site) from `first` to `last`."""
    return query.where(
        table.c.grid_id == (SITE if grid_id is None else grid_id), table.c.day >= first, table.c.day <= last
    )


def ticket_series(session: Session, first: date, last: date, grid_id: int | None = None) -> list[TicketDay]:
    """Received, closed, overdue and escalated per day from `first` to `last` (both included)."""
    t = TicketDaily.__table__
    query = _scoped(
        select(
            t.c.day,
            func.sum(t.c.received),
            func.sum(t.c.closed),
            func.sum(t.c.overdue),
            func.sum(t.c.escalated),
        ),
        t,
        first,
        last,
        grid_id,
    ).group_by(t.c.day)
    found = {
        _as_date(day): TicketDay(_as_date(day), *(int(v or 0) for v in values))
        for day, *values in session.execute(query)
    }
    return [found.get(day, TicketDay(day)) for day in days_between(first, last)]


def alarm_series(session: Session, first: date, last: date, grid_id: int | None = None) -> list[AlarmDay]:
    a = AlarmDaily.__table__
    query = _scoped(
        select(a.c.day, func.sum(a.c.raised), func.sum(a.c.acknowledged), func.sum(a.c.ack_seconds)),
        a,
        first,
        last,
        grid_id,
    ).group_by(a.c.day)
    found = {
        _as_date(day): AlarmDay(_as_date(day), int(raised or 0), int(acked or 0), float(seconds or 0.0))
        for day, raised, acked, seconds in session.execute(query)
    }
    return [found.get(day, AlarmDay(day)) for day in days_between(first, last)]


def alarms_by_kind(
    session: Session, first: date, last: date, grid_id: int | None = None
) -> dict[str, tuple[int, int]]:
    """(raised, acknowledged) per alarm kind over the range, most raised first."""
    a = AlarmDaily.__table__
    query = _scoped(
        select(a.c.kind, func.sum(a.c.raised), func.sum(a.c.acknowledged)), a, first, last, grid_id
    ).group_by(a.c.kind)
    rows = [(kind, (int(r or 0), int(k or 0))) for kind, r, k in session.execute(query)]
    return dict(sorted(rows, key=lambda item: -item[1][0]))


def ack_times(session: Session, first: date, last: date, grid_id: int | None = None) -> AckTimes:
    b = AlarmAckBucket.__table__
    query = _scoped(select(b.c.bucket, func.sum(b.c.count)), b, first, last, grid_id).group_by(b.c.bucket)
    counts = [0] * (len(ACK_BUCKETS) + 1)
    for bucket, n in session.execute(query):
        counts[bucket] += int(n or 0)
    days = alarm_series(session, first, last, grid_id)
    acked = sum(d.acknowledged for d in days)
    mean = sum(d.ack_seconds for d in days) / acked if acked else None
    return AckTimes(acked, mean, percentile_from_buckets(counts, 0.5), percentile_from_buckets(counts, 0.9))


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
