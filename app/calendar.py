"""Working time: office hours, weekends, Chinese public holidays and the adjusted working days.

Time limits of tickets run in working time. The store keeps naive UTC; the calendar thinks in the
site's time zone (its `site.time_zone` setting), whatever zone the computer running it is set to.
Holidays come from the `chinesecalendar` package (import name `chinese_calendar`), which knows the
State Council's yearly arrangement including the weekend days that become working days (调休).
"""

from __future__ import annotations

import logging
import math
import threading
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

log = logging.getLogger(__name__)

DEFAULT_PERIODS: tuple[tuple[time, time], ...] = ((time(8, 30), time(12, 0)), (time(14, 0), time(18, 0)))
SITE_ZONE_DEFAULT = ZoneInfo("Asia/Shanghai")
MAX_DAYS = 3660  # ten years of days: a limit can never be that long


def _official_workday(day: date) -> bool:
    """The State Council's arrangement; outside the years the package knows, Monday to Friday."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def parse_periods(text: str) -> tuple[tuple[time, time], ...]:
    """Office hours from "08:30-12:00,14:00-18:00" (local time), validated: ordered, not overlapping."""
    periods: list[tuple[time, time]] = []
    for part in text.split(","):
        start_text, _, end_text = part.strip().partition("-")
        try:
            start, end = time.fromisoformat(start_text.strip()), time.fromisoformat(end_text.strip())
        except ValueError as error:
            raise ValueError(f"办公时间格式错误 bad office hours {part!r}: use HH:MM-HH:MM") from error
        if end <= start or (periods and start < periods[-1][1]):
            raise ValueError(f"办公时间须按顺序且不重叠 office hours out of order: {text!r}")
        periods.append((start, end))
    if not periods:
        raise ValueError("办公时间为空 no office hours given")
    return tuple(periods)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class _Workdays:
    """The workdays of [first, end) as sorted date ordinals; never changed once built."""

    first: int
    end: int
    days: tuple[int, ...]

    def before(self, ordinal: int) -> int:
        """How many workdays of the table come before this day."""
        return bisect_left(self.days, ordinal)

    def has(self, ordinal: int) -> bool:
        position = bisect_left(self.days, ordinal)
        return position < len(self.days) and self.days[position] == ordinal


class _WorkdayIndex:
    """Workday tables grown a year at a time as instants need them.

    With a table, "working minutes since the table's first day" is a bisect plus a sum over the day's
    office periods, so adding or measuring working time costs the same for an hour and for a month.
    Each call works on one immutable table, so threads growing the index never disturb each other.
    """

    def __init__(self, is_workday: Callable[[date], bool]) -> None:
        self._is_workday = is_workday
        self._lock = threading.Lock()
        self.table = _Workdays(0, 0, ())

    def cover(self, first: int, end: int) -> _Workdays:
        """A table covering [first, end), in whole years."""
        table = self.table
        if table.first <= first and end <= table.end:
            return table
        with self._lock:
            table = self.table
            if table.end:
                first, end = min(first, table.first), max(end, table.end)
            first = date(date.fromordinal(first).year, 1, 1).toordinal()
            end = date(date.fromordinal(end - 1).year + 1, 1, 1).toordinal()
            known = set(table.days)
            days = tuple(
                ordinal
                for ordinal in range(first, end)
                if ordinal in known
                or (not table.first <= ordinal < table.end and self._is_workday(date.fromordinal(ordinal)))
            )
            self.table = _Workdays(first, end, days)
            return self.table


@dataclass(frozen=True)
class WorkCalendar:
    """Adds and measures working minutes between naive-UTC instants."""

    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS
    zone: ZoneInfo = SITE_ZONE_DEFAULT
    is_workday: Callable[[date], bool] = field(default=_official_workday, compare=False)

    def __post_init__(self) -> None:
        spans = tuple((_minutes(a), _minutes(b)) for a, b in self.periods)
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "minutes_per_day", sum(b - a for a, b in spans))
        object.__setattr__(self, "_index", _WorkdayIndex(self.is_workday))
        # The last start asked about: a ticket's deadline and its warnings all start from one instant.
        object.__setattr__(self, "_last", (None, None, 0.0))

    minutes_per_day: int = field(init=False, default=0)

    def _local(self, moment: datetime) -> datetime:
        """A naive-UTC instant as naive wall-clock time in the site's zone (fromutc: the cheapest way)."""
        return self.zone.fromutc(moment.replace(tzinfo=self.zone)).replace(tzinfo=None)

    def _utc(self, local: datetime) -> datetime:
        """Naive wall-clock time in the site's zone as a naive-UTC instant (the earlier of a repeated hour)."""
        return local - local.replace(tzinfo=self.zone).utcoffset()  # type: ignore[operator]

    def workday(self, day: date) -> bool:
        ordinal = day.toordinal()
        return self._index.cover(ordinal, ordinal + 1).has(ordinal)  # type: ignore[attr-defined]

    def _position(self, table: _Workdays, local: datetime) -> float:
        """Working minutes from the table's first day to a local instant on a day the table covers."""
        ordinal = local.toordinal()
        before = table.before(ordinal)
        minutes = float(before * self.minutes_per_day)
        if before < len(table.days) and table.days[before] == ordinal:
            cursor = local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 60e6
            for span_start, span_end in self._spans:  # type: ignore[attr-defined]
                if cursor <= span_start:
                    break
                minutes += min(cursor, span_end) - span_start
        return minutes

    def add(self, start: datetime, minutes: float) -> datetime:
        """The instant `minutes` of working time after `start` (both naive UTC)."""
        if minutes <= 0:
            return start
        local = self._local(start)
        first = local.toordinal()
        per_day = self.minutes_per_day
        last_start, table, position = self._last  # type: ignore[attr-defined]
        if last_start != start:
            table = self._index.cover(first, first + 1)  # type: ignore[attr-defined]
            position = self._position(table, local)
            object.__setattr__(self, "_last", (start, table, position))
        while True:
            target = position + float(minutes)
            nth = math.ceil(target / per_day) - 1  # the workday of the table it falls on
            offset = target - nth * per_day  # in (0, per_day]
            if offset < 1e-9 and nth > 0:  # exactly the end of the previous workday, up to rounding
                nth, offset = nth - 1, offset + per_day
            if nth < len(table.days) or table.end - first >= MAX_DAYS:
                break
            table = self._index.cover(table.first, table.end + 366)  # type: ignore[attr-defined]
            position = self._position(table, local)
        if nth >= len(table.days) or table.days[nth] - first >= MAX_DAYS:
            raise ValueError(f"时限过长 limit of {minutes} working minutes is beyond ten years")
        day = datetime.combine(date.fromordinal(table.days[nth]), time())
        for span_start, span_end in self._spans:  # type: ignore[attr-defined]
            if offset <= span_end - span_start:
                return self._utc(day + timedelta(minutes=span_start + offset))
            offset -= span_end - span_start
        return self._utc(day + timedelta(minutes=self._spans[-1][1]))  # type: ignore[attr-defined]

    def between(self, start: datetime, end: datetime) -> float:
        """Working minutes from `start` to `end` (0 when end is not after start)."""
        if end <= start:
            return 0.0
        local_start, local_end = self._local(start), self._local(end)
        table = self._index.cover(local_start.toordinal(), local_end.toordinal() + 1)  # type: ignore[attr-defined]
        return max(0.0, self._position(table, local_end) - self._position(table, local_start))


@dataclass(frozen=True)
class NaturalClock:
    """Round-the-clock time for emergencies: a 2-hour limit on a fire means two hours, holiday or not."""

    minutes_per_day: int = 1440

    def add(self, start: datetime, minutes: float) -> datetime:
        return start + timedelta(minutes=max(0.0, minutes))

    def between(self, start: datetime, end: datetime) -> float:
        return max(0.0, (end - start).total_seconds() / 60)
