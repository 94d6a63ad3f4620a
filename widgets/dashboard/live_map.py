"""The grid map on the wall: the map area's own canvas (widgets/map), coloured by open tickets, with the
open alarms and overdue tickets as markers; no search, no details, no tooltips (the details carry the
grid leaders' phones, which a wall never shows). It reads the grid layer once and the overlay again
when the dashboard is told of a change."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QVBoxLayout, QWidget

from runtime.read.map import GridLayer, MapOverlay, MapReads, MarkerKind
from widgets.jobs import Jobs
from widgets.map.canvas import MapCanvas
from widgets.map.overlay import Colouring, coloured_counts, overlay_colours
from widgets.map.panel import map_font_family
from widgets.map.renderer import MapContent
from widgets.map.scene import MapScene

WALL_MARKERS = frozenset({MarkerKind.ALARM, MarkerKind.TICKET_OVERDUE})
ALARMS_WITHIN = timedelta(hours=24)


class DashboardMap(QWidget):
    def __init__(self, reads: MapReads, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads, self._jobs = reads, jobs
        self.canvas = MapCanvas(map_font_family())
        self.scene: MapScene | None = None
        self.overlay: MapOverlay | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)

    def reload(self) -> None:
        """The grid outlines (again, after an import) and then what is drawn on them."""
        self._jobs.submit("map-layer", self.reads.grid_layer, self._show_layer)

    def refresh(self) -> None:
        """Counts and markers only: the outlines stay."""
        if self.scene is not None:
            self._jobs.submit("map-overlay", lambda: self.reads.overlay(ALARMS_WITHIN), self._show_overlay)

    def _show_layer(self, layer: GridLayer) -> None:
        self.scene = MapScene(layer.grids)
        self.canvas.set_scene(self.scene)
        self.canvas.fit_all(animate=False)
        self.refresh()

    def _show_overlay(self, overlay: MapOverlay) -> None:
        if self.scene is None:
            return
        self.overlay = overlay
        colours = overlay_colours(self.scene, coloured_counts(overlay, Colouring.OPEN_TICKETS))
        markers = [m for m in overlay.markers if m.kind in WALL_MARKERS]
        self.canvas.set_content(MapContent(colours.fills, markers))
