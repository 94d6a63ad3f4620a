"""What the export dialog (文件 → 导出报告) and the map's SLA colouring ask: the grids a report may
cover, the site's today, a report's data, and each grid's SLA figures for a period.

Each call opens and closes its own session; the answers are plain frozen data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.context import SiteContext
from app.rollups.days import site_zone
from app.rollups.grid_sla import GridSla, grid_sla
from app.site_clock import clock_in
from app.tickets.routing import GridBook
from runtime.read.trends import GridChoice, TrendReads
from runtime.reports.data import Report, report_for
from runtime.reports.periods import Period, PeriodKind

HEAT_WEEKS = 8


@dataclass(frozen=True)
class SlaHeat:
    """The SLA heat table: the sub-grids of a scope (rows) over consecutive periods (columns)."""

    periods: tuple[Period, ...]
    rows: tuple[tuple[str, str, tuple[GridSla | None, ...]], ...]  # (code, name, a figure per period)


class ReportReads:
    def __init__(self, site: SiteContext) -> None:
        self._site = site

    def today(self) -> date:
        """The site's date today (a report's default period holds it)."""
        with self._site.db.session() as session:
            return clock_in(session).today()

    def grid_choices(self) -> list[GridChoice]:
        """The grids a report may cover: levels 1 to 3, by code."""
        return TrendReads(self._site).grid_choices()

    def report(self, kind: PeriodKind | str, at: date, grid_code: str | None) -> Report:
        """The report of the period of `kind` holding `at`; ReportError says why one cannot be made."""
        return report_for(self._site.db, str(kind), at, grid_code)

    def grid_sla(self, kind: PeriodKind | str, at: date) -> tuple[Period, dict[str, GridSla]]:
        """Every grid's (levels 1–3) SLA figures for the period of `kind` holding `at`, by grid code."""
        period = Period.of(kind, at)
        with self._site.db.session() as session:
            zone = site_zone(session)
            return period, grid_sla(session, period.first, period.last, period.bounds(zone))

    def sla_heat(
        self, parent_code: str | None, today: date | None = None, weeks: int = HEAT_WEEKS
    ) -> SlaHeat:
        """The SLA of `parent_code`'s child grids (None: the streets) over the last `weeks` weeks
        up to the one holding `today` (the site's, by default)."""
        with self._site.db.session() as session:
            zone = site_zone(session)
            day = today or clock_in(session).today()
            book = GridBook.load(session)
            parent = book.by_code.get(parent_code) if parent_code else None
            children = sorted(
                (
                    g
                    for g in book.grids.values()
                    if g.parent_id == (parent.id if parent else None) and g.level <= 3
                ),
                key=lambda g: g.code,
            )
            periods = tuple(
                Period.of(PeriodKind.WEEK, day - timedelta(weeks=back)) for back in range(weeks - 1, -1, -1)
            )
            figures = [grid_sla(session, p.first, p.last, p.bounds(zone)) for p in periods]
        rows = tuple((g.code, g.name, tuple(found.get(g.code) for found in figures)) for g in children)
        return SlaHeat(periods, rows)
