"""Which colouring the map shows, the fill it gives each grid and the legend that explains it: counts
of what is filed in each subtree (overlay.py, from the map's overlay read) or each grid's SLA for a
period holding the site's today (sla_colouring.py, read from the roll-ups when chosen or when tickets
change)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.site_clock import SiteClock
from runtime.read.map import MapOverlay
from runtime.read.reports import ReportReads
from runtime.reports.periods import PeriodKind
from widgets.map.overlay import Colouring, Colours, LegendEntry, coloured_counts, legend, overlay_colours
from widgets.map.scene import MapScene
from widgets.map.sla_colouring import SlaColours, overdue_legend, sla_colours, sla_line
from widgets.map.visit_coverage import VisitCoverage


class GridColouring:
    def __init__(
        self, sla_reads: ReportReads | None, clock: SiteClock, coverage: VisitCoverage | None = None
    ) -> None:
        self.sla_reads = sla_reads
        self.coverage = coverage
        self.clock = clock
        self.colouring = Colouring.NONE
        self.sla_period = PeriodKind.MONTH
        self.colours: Colours | None = None
        self.sla: SlaColours | None = None

    def read_sla(self, scene: MapScene) -> None:
        """Each grid's SLA figures for the chosen period (when an SLA colouring is on)."""
        if not self.colouring.is_sla or self.sla_reads is None:
            self.sla = None
            return
        period, figures = self.sla_reads.grid_sla(self.sla_period, self.clock.today())
        self.sla = sla_colours(scene, figures, self.colouring, period.label)

    def fills(self, scene: MapScene, overlay: MapOverlay) -> dict[int, QColor]:
        self.colours = None
        if self._coverage_on():
            self.colours = overlay_colours(scene, self.coverage.counts())
        elif self.colouring.is_sla:
            self.colours = self.sla.colours if self.sla is not None else None
        elif self.colouring != Colouring.NONE:
            self.colours = overlay_colours(scene, coloured_counts(overlay, self.colouring))
        return self.colours.fills if self.colours is not None else {}

    def legend(self, level: int) -> tuple[str, list[LegendEntry]]:
        """The legend's title and classes; the count classes are those of `level`, the one in view."""
        if self.colours is None:
            return "", []
        if self._coverage_on():
            return self.coverage.label(), legend(self.colours.breaks_by_level.get(level, [1, 2, 3, 4]))
        if self.colouring.is_sla and self.sla is not None:
            return self.sla.title, self.sla.entries or overdue_legend(self.sla, level)
        return self.colouring.label(), legend(self.colours.breaks_by_level.get(level, [1, 2, 3, 4]))

    def tooltip_line(self, grid_id: int, level: int) -> str:
        """The grid's SLA for the tooltip while an SLA colouring is on ("" otherwise, or for a micro grid)."""
        if not self.colouring.is_sla or self.sla is None or level > 3 or self._coverage_on():
            return ""
        return sla_line(self.sla.figures.get(grid_id))

    def _coverage_on(self) -> bool:
        return self.coverage is not None and self.coverage.active
