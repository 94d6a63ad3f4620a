"""Trends for the statistics panel's charts: tickets received, closed and overdue per site-local day
(from the daily roll-ups), the working calendar's rest days, and the three rates per day, for the whole
site or one grid's subtree (a grid worker's: their own subtree only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property

from app.calendar import WorkCalendar
from app.context import SiteContext
from app.rollups.days import day_start, days_between, site_zone
from app.rollups.series import ticket_series
from app.site_clock import SiteClock
from app.tickets.categories import CategoryBook, load_categories
from app.tickets.kpi import rates_per_day
from app.tickets.routing import GridBook
from runtime.read.seat_scope import scoped_grid_code, seat_scope
from runtime.read.ticket_day import TicketOfDay, tickets_received_on

RATES = ("response_rate", "resolution_rate", "satisfaction_rate")


class TrendOutOfReach(ValueError):
    """A grid below level 3 has no daily roll-ups to draw a trend from."""

    def __init__(self, grid_code: str) -> None:
        super().__init__(f"微网格 {grid_code} 没有日汇总，趋势图只到三级网格 no daily roll-ups below level 3")


@dataclass(frozen=True)
class GridChoice:
    code: str
    name: str
    level: int


@dataclass(frozen=True)
class Trend:
    days: tuple[date, ...]
    received: tuple[int, ...]
    closed: tuple[int, ...]
    overdue: tuple[int, ...]
    rest: tuple[bool, ...]  # not a working day (weekend, 法定节假日)
    rates: dict[str, tuple[float | None, ...]]  # RATES → per day, None where no ticket had one


class TrendReads:
    """Each call opens and closes its own session."""

    def __init__(self, site: SiteContext, calendar: WorkCalendar | None = None) -> None:
        self._db = site.db
        self._site = site
        self._calendar = calendar or WorkCalendar()

    @property
    def clock(self) -> SiteClock:
        """The site's clock: the drill-down's times are in the site's zone."""
        return self._site.clock

    @property
    def scoped(self) -> bool:
        """Whether the signed-in user reads one subtree only (a grid worker), not the whole site."""
        return seat_scope(self._site) is not None

    def tickets_of_day(self, day: date, grid_code: str | None = None) -> list[TicketOfDay]:
        """The tickets behind one day of the "received" line (the chart's click), scoped as the chart."""
        return tickets_received_on(self._site, self._categories, day, grid_code)

    @cached_property
    def _categories(self) -> CategoryBook:
        return load_categories()

    def grid_choices(self) -> list[GridChoice]:
        """The grids a chart may be narrowed to: levels 1 to 3 (a grid worker's: in their subtree), by code."""
        scope = seat_scope(self._site)
        with self._db.session() as session:
            book = GridBook.load(session)
        grids = [
            GridChoice(g.code, g.name, g.level)
            for g in book.grids.values()
            if g.level <= 3 and (scope is None or g.id in scope)
        ]
        return sorted(grids, key=lambda g: g.code)

    def trend(self, days: int, grid_code: str | None = None, today: date | None = None) -> Trend:
        """The last `days` days up to today (the site's), for the site or the subtree of `grid_code`; a
        grid worker's for their own subtree whatever grid is asked (TrendOutOfReach when their grid is a
        micro-grid: the daily roll-ups count grids of levels 1 to 3 only)."""
        with self._db.session() as session:
            grid_code = scoped_grid_code(self._site, session, grid_code)
            zone = site_zone(session)
            last = today or datetime.now(UTC).astimezone(zone).date()
            first = last - timedelta(days=days - 1)
            book = GridBook.load(session)
            info = book.by_code.get(grid_code) if grid_code else None
            grid_id = info.id if info else None
            if grid_id is not None and info.level > 3:
                raise TrendOutOfReach(grid_code)
            series = ticket_series(session, first, last, grid_id)
            start, end = day_start(first, zone), day_start(last + timedelta(days=1), zone)
            rates = rates_per_day(session, book, zone, start=start, end=end, grid_id=grid_id)
        span = days_between(first, last)
        return Trend(
            days=tuple(span),
            received=tuple(d.received for d in series),
            closed=tuple(d.closed for d in series),
            overdue=tuple(d.overdue for d in series),
            rest=tuple(not self._calendar.workday(day) for day in span),
            rates={name: tuple(rates.get(day, {}).get(name) for day in span) for name in RATES},
        )
