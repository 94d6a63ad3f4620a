"""The grid map panel: breadcrumb, search, the tool bar (widgets/map/tools.py), the map itself and the
side panel (widgets/map/details_split.py). The grids are coloured by counts (overlay.py) or by each
grid's SLA for a period (sla_colouring.py); the view exports as PNG or PDF (map_export.py).

`create_panel(shell_context)` is the factory the shell's PANELS list uses. The panel asks the site's
`MapReads` (runtime/read/map.py), listens for "ticket", "alarm" and "sensor" changes on the
Qt bridge and refreshes colours and markers within a moment, without reloading the grids.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QMenu, QMessageBox, QVBoxLayout, QWidget

from app.events import Change, Topic
from grid_map.mbtiles import MBTiles, MBTilesError
from runtime.read.map import Contact, MapOverlay, MapReads, Marker, MarkerKind
from runtime.read.map_search import SearchHit
from runtime.read.reports import ReportReads
from widgets.map.breadcrumb import Breadcrumb
from widgets.map.canvas import MapCanvas
from widgets.map.details import GridDetails
from widgets.map.details_split import DetailsSplit
from widgets.map.grid_colouring import GridColouring
from widgets.map.legend import Legend
from widgets.map.map_export import export_view
from widgets.map.overlay import Colouring, subtree_totals
from widgets.map.renderer import MapContent
from widgets.map.scene import MapScene, lonlat_to_map
from widgets.map.tiles import TileLayer
from widgets.map.tools import ALARM_WINDOWS, MapTools
from widgets.map.visit_coverage import VisitCoverage
from widgets.plain_text import literal_html

LIVE_TOPICS = frozenset({Topic.TICKET, Topic.ALARM, Topic.SENSOR})
REFRESH_DELAY_MS = 250  # a burst of changes (a sweep escalating 40 tickets) costs one refresh
MIN_FLIGHT_EXTENT_M = 300.0  # flying to one building still shows the buildings around it
FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
)


def map_font_family() -> str:
    installed = set(QFontDatabase.families())
    return next((family for family in FONT_FAMILIES if family in installed), QFont().family())


class MapPanel(QWidget):
    cameraActivated = Signal(int)  # open this camera's live view (the shell wires it to the wall)
    gridSelected = Signal(object)  # grid id or None

    def __init__(
        self,
        reads: MapReads,
        bridge=None,
        parent: QWidget | None = None,
        sla_reads: ReportReads | None = None,
        coverage: VisitCoverage | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.reads = reads
        # the SLA colourings are offered when the panel can read them
        # 走访覆盖 (widgets/map/visit_coverage.py) colours in place of the other colourings while it is on
        self.coverage = coverage
        self.paint = GridColouring(sla_reads, reads.clock, coverage)
        self.overlay = MapOverlay()
        self.alarm_window = ALARM_WINDOWS[0][0]
        self.focus: int | None = None
        self.tile_layer: TileLayer | None = None
        self._totals_open: dict[int, int] = {}
        self._totals_overdue: dict[int, int] = {}
        self._leaders: Mapping[int, Contact] = {}

        self.canvas = MapCanvas(map_font_family())
        self.details = GridDetails()
        self.breadcrumb = Breadcrumb()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("mapSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(160)
        self.legend = Legend(self.canvas)
        self.tools = MapTools([c for c in Colouring if sla_reads is not None or not c.is_sla])
        if coverage is not None:
            self.tools.add_layer_switch(coverage.switch, coverage.days)
            coverage.changed.connect(self._apply_content)
        self._layout()
        self._connect()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh_overlay)
        if bridge is not None:
            bridge.changed.connect(self._on_change)
        self._retranslate()
        self.reload()

    # --- building the panel -------------------------------------------------------------------
    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.breadcrumb, 1)
        top.addWidget(self.search_box)
        self.splitter = DetailsSplit(self.canvas, self.details)
        self.details_area = self.splitter.details_area
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tools)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.canvas.gridClicked.connect(self.select)
        self.canvas.gridActivated.connect(self.drill_into)
        self.canvas.emptyClicked.connect(lambda: self.select(None))
        self.canvas.markerClicked.connect(self._marker_clicked)
        self.canvas.tooltip_for = self.tooltip
        self.canvas.viewChanged.connect(self._update_legend)
        self.details.cameraChosen.connect(self.cameraActivated)
        self.breadcrumb.chosen.connect(self.go_up_to)
        self.search_box.returnPressed.connect(lambda: self.search(self.search_box.text()))
        tools = self.tools
        tools.colouring_box.currentIndexChanged.connect(self._colouring_changed)
        tools.sla_period_box.currentIndexChanged.connect(self._sla_period_changed)
        tools.window_box.currentIndexChanged.connect(self._window_changed)
        for box in tools.marker_boxes():
            box.toggled.connect(self._apply_content)
        tools.basemap_button.clicked.connect(self._choose_basemap)
        tools.crs_box.currentIndexChanged.connect(self._crs_changed)
        tools.fit_button.clicked.connect(lambda: self.go_up_to(None))
        tools.export_button.clicked.connect(self._choose_export)

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(self.tr("搜索网格编码/名称、地址、户主…"))
        self.tools.retranslate()

    # --- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the grid tree again (after an import) and everything drawn on it."""
        layer = self.reads.grid_layer()
        self._leaders = layer.leaders
        self.scene = MapScene(layer.grids)
        self.canvas.set_scene(self.scene)
        self.focus = None
        self._update_breadcrumb()
        self.refresh_overlay()

    def refresh_overlay(self) -> None:
        """Counts and markers from the store; the grids themselves stay as they are."""
        self.overlay = self.reads.overlay(self.alarm_window)
        self._totals_open = subtree_totals(self.scene, self.overlay.open_tickets)
        self._totals_overdue = subtree_totals(self.scene, self.overlay.overdue_tickets)
        self.paint.read_sla(self.scene)  # closing and escalating tickets move the period's SLA too
        self._apply_content()
        if self.canvas.selection is not None:
            self._show_details(self.canvas.selection)

    def _apply_content(self) -> None:
        tools = self.tools
        shown = {
            MarkerKind.CAMERA: tools.show_cameras.isChecked(),
            MarkerKind.CAMERA_AI: tools.show_cameras.isChecked(),
            MarkerKind.SENSOR: tools.show_sensors.isChecked(),
            MarkerKind.TICKET: tools.show_tickets.isChecked(),
            MarkerKind.TICKET_OVERDUE: tools.show_tickets.isChecked(),
            MarkerKind.ALARM: tools.show_alarms.isChecked(),
        }
        markers = [m for m in self.overlay.markers if shown[m.kind]]
        fills = self.paint.fills(self.scene, self.overlay)
        self.canvas.set_content(MapContent(fills, markers, self.focus, self.tile_layer))
        self._update_legend()

    def _update_legend(self) -> None:
        """The legend shows the classes of the level the view is coloured at; it follows the zoom."""
        self.legend.set_entries(*self.paint.legend(self._legend_level()))
        self._place_legend()

    def _legend_level(self) -> int:
        """The level most of the view is coloured at (the legend's classes are that level's)."""
        regions = self.canvas.detail().regions
        levels = [self.scene.grids[g].level for g in regions]
        return max(set(levels), key=levels.count) if levels else 1

    def _on_change(self, change: Change) -> None:
        if change.topic == Topic.GRID:
            self.reload()
        elif change.topic in LIVE_TOPICS:
            self._refresh_timer.start()

    # --- selection, drilling, search ----------------------------------------------------------
    def select(self, grid_id: int | None) -> None:
        self.canvas.set_selection(grid_id)
        if grid_id is None:
            self.details.show_nothing()
        else:
            self._show_details(grid_id)
        self.gridSelected.emit(grid_id)

    def _show_details(self, grid_id: int) -> None:
        facts = self.reads.grid_facts(grid_id, self.scene.subtree(grid_id))
        self.details.show_grid(self.scene.grids[grid_id], facts)

    def drill_into(self, grid_id: int) -> None:
        """Double-click: open this grid, fly to it and select it; its children become clickable."""
        self.focus = grid_id if self.scene.grids[grid_id].children else self.scene.grids[grid_id].parent_id
        self._update_breadcrumb()
        self._apply_content()
        self.select(grid_id)
        self.canvas.fit_grid(grid_id)

    def go_up_to(self, grid_id: int | None) -> None:
        """A breadcrumb step: back up to that grid (None: the whole district)."""
        self.focus = grid_id
        self.canvas.set_pin(None)
        self._update_breadcrumb()
        self._apply_content()
        self.select(grid_id)
        if grid_id is None:
            self.canvas.fit_all()
        else:
            self.canvas.fit_grid(grid_id)

    def _update_breadcrumb(self) -> None:
        chain = self.scene.ancestors(self.focus) if self.focus is not None else []
        self.breadcrumb.set_chain([(g, self.scene.grids[g].name) for g in chain])

    def search(self, text: str) -> list[SearchHit]:
        """Find and go: one hit (or an exact grid code) flies there at once, several offer a menu."""
        hits = [h for h in self.reads.search(text) if h.grid_id in self.scene.grids]
        if len(hits) == 1 or (hits and hits[0].exact):
            self.go_to(hits[0])
        elif hits:
            menu = QMenu(self)
            for hit in hits:
                label = f"{hit.title}  {hit.subtitle}".strip()
                menu.addAction(label, lambda h=hit: self.go_to(h))
            menu.popup(self.search_box.mapToGlobal(self.search_box.rect().bottomLeft()))
        else:
            self.search_box.setToolTip(literal_html(self.tr("没有找到“%s”") % text))
        return hits

    def go_to(self, hit: SearchHit) -> None:
        """Fly to a search hit and select its grid; buildings and households also get a pin."""
        grid = self.scene.grids[hit.grid_id]
        self.focus = grid.parent_id
        self._update_breadcrumb()
        self._apply_content()
        pin = lonlat_to_map(hit.lon, hit.lat) if hit.lon is not None and hit.lat is not None else None
        self.canvas.set_pin(pin)
        self.select(grid.id)
        target = grid.bounds
        if pin is not None:
            target = target.united(_around(pin, MIN_FLIGHT_EXTENT_M))
        elif target.width() < MIN_FLIGHT_EXTENT_M:
            target = target.united(_around(target.center(), MIN_FLIGHT_EXTENT_M))
        self.canvas.fly_to(target)

    def show_place(
        self, lon: float | None, lat: float | None, grid_id: int | None = None, title: str = ""
    ) -> bool:
        """Fly to a place (an alarm's household) with a pin, selecting its grid; False if it is unknown."""
        point = lonlat_to_map(lon, lat) if lon is not None and lat is not None else None
        if grid_id not in self.scene.grids:
            hits = self.scene.grids_at(point) if point is not None else []
            grid_id = hits[-1] if hits else None
        if grid_id is None:
            return False
        self.go_to(SearchHit("place", title, "", grid_id, lon, lat))
        return True

    def _marker_clicked(self, marker: Marker) -> None:
        if marker.kind in (MarkerKind.CAMERA, MarkerKind.CAMERA_AI):
            self.cameraActivated.emit(marker.ref_id)
            return
        hits = self.scene.grids_at(lonlat_to_map(marker.lon, marker.lat))
        if hits:
            self.select(hits[-1])

    def tooltip(self, grid_id: int) -> str:
        grid = self.scene.grids[grid_id]
        leader = self._leaders.get(grid_id)
        who = f"{escape(leader.name)} {escape(leader.phone or '')}" if leader else self.tr("空缺")
        overdue = self._totals_overdue.get(grid_id, 0)
        overdue_text = f"<span style='color:#ef5350'>{overdue}</span>" if overdue else "0"
        sla = self.paint.tooltip_line(grid_id, grid.level)
        return (
            f"<b>{escape(grid.name)}</b> <span style='color:#8fa3bf'>{escape(grid.code)}</span><br>"
            f"{self.tr('网格长')}：{who}<br>"
            f"{self.tr('未办结工单')} {self._totals_open.get(grid_id, 0)} · {self.tr('超期')} {overdue_text}"
            + (f"<br>{escape(sla)}" if sla else "")
        )

    # --- switches -----------------------------------------------------------------------------
    def _colouring_changed(self, index: int) -> None:
        self.paint.colouring = Colouring(self.tools.colouring_box.itemData(index))
        self.tools.show_sla_period(self.paint.colouring.is_sla)
        self.paint.read_sla(self.scene)
        self._apply_content()

    def _sla_period_changed(self) -> None:
        self.paint.sla_period = self.tools.sla_period()
        self.paint.read_sla(self.scene)
        self._apply_content()

    def _window_changed(self, index: int) -> None:
        self.alarm_window = self.tools.window_box.itemData(index)
        self.refresh_overlay()

    def set_colouring(self, colouring: Colouring) -> None:
        self.tools.colouring_box.setCurrentIndex(self.tools.colouring_box.findData(colouring.value))

    def open_basemap(self, path: str | Path, crs: str | None = None) -> None:
        """Use an MBTiles file as the base map; `crs` overrides what its metadata says."""
        tiles = MBTiles(path)
        if self.tile_layer is not None:
            self.tile_layer.close()
        self.tile_layer = TileLayer(tiles, crs)
        crs_box = self.tools.crs_box
        crs_box.blockSignals(True)
        crs_box.setCurrentIndex(crs_box.findData(self.tile_layer.crs))
        crs_box.blockSignals(False)
        self._apply_content()

    def _choose_basemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开离线底图"), "", "MBTiles (*.mbtiles)")
        if not path:
            return
        try:
            self.open_basemap(path)
        except MBTilesError as error:
            QMessageBox.warning(self, self.tr("底图"), literal_html(str(error)))

    def _crs_changed(self, index: int) -> None:
        if self.tile_layer is not None:
            self.tile_layer = TileLayer(self.tile_layer.tiles, self.tools.crs_box.itemData(index))
            self._apply_content()

    # --- export -------------------------------------------------------------------------------
    def export_view(self, path: str | Path) -> Path:
        """The current view as PNG (twice the screen's pixels) or PDF (A4 landscape, titled)."""
        title = " › ".join(self.breadcrumb.names()) + f"    {self.reads.clock.now():%Y-%m-%d %H:%M %Z}"
        return export_view(self.canvas, self.legend, title, map_font_family(), path)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出地图"), "网格地图.png", "PNG (*.png);;PDF (*.pdf)"
        )
        if path:
            try:
                self.export_view(path)
            except OSError as error:
                QMessageBox.warning(self, self.tr("导出"), literal_html(str(error)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._update_breadcrumb()
            self._apply_content()
            if self.canvas.selection is None:
                self.details.show_nothing()
            else:
                self._show_details(self.canvas.selection)
        super().changeEvent(event)

    def _place_legend(self) -> None:
        self.legend.move(12, self.canvas.height() - self.legend.height() - 12)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.splitter.arrange_for(event.size().width(), event.size().height())
        self._place_legend()


def _around(centre: QPointF, extent: float) -> QRectF:
    return QRectF(centre.x() - extent / 2, centre.y() - extent / 2, extent, extent)


def create_panel(shell_context) -> QWidget:
    """The shell's factory: the map on the site's reads, live through the shell's Qt bridge."""
    bridge = shell_context.bridge
    coverage = VisitCoverage(shell_context.reads.visit_coverage.unvisited, bridge)
    return MapPanel(shell_context.reads.map, bridge, sla_reads=shell_context.reads.reports, coverage=coverage)
