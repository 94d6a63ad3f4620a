"""Report periods (日报, 周报, 月报) in the site's days, and their bounds as naive-UTC instants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.rollups.days import day_start


class PeriodKind(StrEnum):
    DAY = "day"
    WEEK = "week"  # Monday to Sunday
    MONTH = "month"

    @property
    def zh(self) -> str:
        return {"day": "日报", "week": "周报", "month": "月报"}[self.value]


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    first: date
    last: date  # included

    @classmethod
    def of(cls, kind: PeriodKind | str, at: date) -> Period:
        """The period of that kind holding `at`."""
        kind = PeriodKind(kind)
        if kind == PeriodKind.DAY:
            return cls(kind, at, at)
        if kind == PeriodKind.WEEK:
            monday = at - timedelta(days=at.weekday())
            return cls(kind, monday, monday + timedelta(days=6))
        first = at.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(kind, first, following - timedelta(days=1))

    def previous(self) -> Period:
        return Period.of(self.kind, self.first - timedelta(days=1))

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) as naive UTC: from the first day's local midnight to the day after the last."""
        return day_start(self.first, zone), day_start(self.last + timedelta(days=1), zone)

    def chart_days(self) -> tuple[date, date]:
        """The days a report's daily charts show: a day report shows the fortnight ending that day."""
        if self.kind == PeriodKind.DAY:
            return self.last - timedelta(days=13), self.last
        return self.first, self.last

    @property
    def key(self) -> str:
        """The period in a file name: 2026-11-02, 2026-W45 (ISO week) or 2026-11."""
        if self.kind == PeriodKind.DAY:
            return self.first.isoformat()
        if self.kind == PeriodKind.WEEK:
            year, week, _ = self.first.isocalendar()
            return f"{year}-W{week:02d}"
        return f"{self.first.year}-{self.first.month:02d}"

    def file_stem(self, grid_code: str | None) -> str:
        """A report's file name without its suffix: 工作月报_全域_2026-11, 工作周报_C1_2026-W45."""
        return f"工作{self.kind.zh}_{grid_code or '全域'}_{self.key}"

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.DAY:
            return f"{self.first.year}年{self.first.month}月{self.first.day}日"
        if self.kind == PeriodKind.WEEK:
            week = self.first.isocalendar().week
            return f"{self.first.year}年第{week}周（{self.first.month}月{self.first.day}日—{self.last.month}月{self.last.day}日）"
        return f"{self.first.year}年{self.first.month}月"
