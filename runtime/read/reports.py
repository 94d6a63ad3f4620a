"""What the export dialog (文件 → 导出报告) and the map's SLA colouring ask: the grids a report may
cover, the site's today, a report's data, and each grid's SLA figures for a period.

Each call opens and closes its own session; the answers are plain frozen data.
"""

from __future__ import annotations

from datetime import date

from app.context import SiteContext
from app.rollups.days import site_zone
from app.rollups.grid_sla import GridSla, grid_sla
from app.site_clock import clock_in
from runtime.read.trends import GridChoice, TrendReads
from runtime.reports.data import Report, report_for
from runtime.reports.periods import Period, PeriodKind


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
