"""Grouping instants by UTC hour in the database, so a recount turns hours, not rows, into local days.

A UTC hour lies inside one local day wherever the zone's offset is a whole number of hours (all of
China); for the few zones with half- or quarter-hour offsets the recount groups by minute instead.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement


def _whole_hours(zone: ZoneInfo) -> bool:
    year = datetime.now(UTC).year
    offsets = (datetime(year, month, 1, tzinfo=zone).utcoffset() for month in (1, 7))
    return all(offset is not None and offset.total_seconds() % 3600 == 0 for offset in offsets)


def utc_slot(session: Session, column: ColumnElement, zone: ZoneInfo) -> ColumnElement:
    """The start of the UTC hour (or minute) of `column`, as the dialect gives it back."""
    hourly = _whole_hours(zone)
    if session.get_bind().dialect.name == "postgresql":
        return func.date_trunc("hour" if hourly else "minute", column)
    return func.strftime("%Y-%m-%d %H:00:00" if hourly else "%Y-%m-%d %H:%M:00", column)


def slot_instant(value: datetime | str) -> datetime:
    """A slot as naive UTC (SQLite returns text, PostgreSQL a datetime)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


class SlotDays:
    """Slot → site-local day, each slot converted once: a recount meets every hour many times (once
    per grid, category and source)."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone
        self._days: dict[datetime | str, date] = {}

    def __call__(self, slot: datetime | str) -> date:
        day = self._days.get(slot)
        if day is None:
            moment = slot_instant(slot)
            day = self._days[slot] = moment.replace(tzinfo=UTC).astimezone(self._zone).date()
        return day
