"""Site-local days: the roll-ups count per calendar day where the site is, not per UTC day.

`site_zone` is the one place the roll-ups and reports learn the site's time zone; it reads the site's
setting (设置 → 站点) and falls back to Asia/Shanghai.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.site_clock import clock_in


def site_zone(session: Session) -> ZoneInfo:
    """The site's zone as its one clock reads it (app/site_clock.py: an unknown zone falls back)."""
    return clock_in(session).zone


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The site-local date of a naive-UTC instant."""
    return moment.replace(tzinfo=UTC).astimezone(zone).date()


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The naive-UTC instant a site-local day begins (DST-safe: zoneinfo resolves the local midnight)."""
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def days_between(first: date, last: date) -> list[date]:
    """Every date from `first` to `last`, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
