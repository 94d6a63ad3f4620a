"""Working time: office hours, weekends, Chinese public holidays and the adjusted working days.

Time limits of tickets run in working time. The store keeps naive UTC; the calendar thinks in the
site's local time (China has one zone and no daylight saving, so a fixed offset is exact).
Holidays come from the `chinesecalendar` package (import name `chinese_calendar`), which knows the
State Council's yearly arrangement including the weekend days that become working days (调休).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import chinese_calendar

log = logging.getLogger(__name__)

DEFAULT_PERIODS: tuple[tuple[time, time], ...] = ((time(8, 30), time(12, 0)), (time(14, 0), time(18, 0)))
CHINA_UTC_OFFSET = timedelta(hours=8)


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
class WorkCalendar:
    """Adds and measures working minutes between naive-UTC instants."""

    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS
    utc_offset: timedelta = CHINA_UTC_OFFSET
    is_workday: Callable[[date], bool] = field(default=_official_workday, compare=False)

    def __post_init__(self) -> None:
        # Cached per calendar: the sweep and bulk dispatch ask about the same few days again and again.
        object.__setattr__(self, "_workday", lru_cache(maxsize=4096)(self.is_workday))
        spans = tuple((_minutes(a), _minutes(b)) for a, b in self.periods)
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "minutes_per_day", sum(b - a for a, b in spans))

    minutes_per_day: int = field(init=False, default=0)

    def workday(self, day: date) -> bool:
        return self._workday(day)  # type: ignore[attr-defined]

    def add(self, start: datetime, minutes: float) -> datetime:
        """The instant `minutes` of working time after `start` (both naive UTC)."""
        if minutes <= 0:
            return start
        local = start + self.utc_offset
        day = local.date()
        cursor = local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 60e6
        remaining = float(minutes)
        spans = self._spans  # type: ignore[attr-defined]
        for _ in range(3660):  # ten years of days: a limit can never be that long
            if self.workday(day):
                if cursor <= 0 and remaining > self.minutes_per_day:
                    remaining -= self.minutes_per_day
                else:
                    for span_start, span_end in spans:
                        begin = max(cursor, span_start)
                        if begin >= span_end:
                            continue
                        available = span_end - begin
                        if remaining <= available:
                            moment = datetime.combine(day, time()) + timedelta(minutes=begin + remaining)
                            return moment - self.utc_offset
                        remaining -= available
            day += timedelta(days=1)
            cursor = 0.0
        raise ValueError(f"时限过长 limit of {minutes} working minutes is beyond ten years")

    def between(self, start: datetime, end: datetime) -> float:
        """Working minutes from `start` to `end` (0 when end is not after start)."""
        if end <= start:
            return 0.0
        local_start, local_end = start + self.utc_offset, end + self.utc_offset
        total = 0.0
        day = local_start.date()
        spans = self._spans  # type: ignore[attr-defined]
        while day <= local_end.date():
            if self.workday(day):
                day_start = datetime.combine(day, time())
                lo = max(0.0, (local_start - day_start).total_seconds() / 60)
                hi = min(1440.0, (local_end - day_start).total_seconds() / 60)
                for span_start, span_end in spans:
                    overlap = min(hi, span_end) - max(lo, span_start)
                    if overlap > 0:
                        total += overlap
            day += timedelta(days=1)
        return total


@dataclass(frozen=True)
class NaturalClock:
    """Round-the-clock time for emergencies: a 2-hour limit on a fire means two hours, holiday or not."""

    minutes_per_day: int = 1440

    def add(self, start: datetime, minutes: float) -> datetime:
        return start + timedelta(minutes=max(0.0, minutes))

    def between(self, start: datetime, end: datetime) -> float:
        return max(0.0, (end - start).total_seconds() / 60)
