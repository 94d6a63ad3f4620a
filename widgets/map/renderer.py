"""Paints the map for one viewport: base map, grid regions and boundaries, labels, markers.

Kept apart from the widget so the same code paints the screen, the PNG/PDF export and the benchmark.
Paths are cached per grid in map coordinates (a view is only a QTransform), only grids in view are
visited, and the level of detail decides which level is filled and labelled. `RenderOptions` can
switch caching and level of detail off: that is the naive baseline the benchmark compares against.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from runtime.read.map import Marker, MarkerKind
from widgets.map import markers as marker_art
from widgets.map.labels import LabelBook, LabelPlacer, LabelText
from widgets.map.lod import Detail, everything, visible_detail
from widgets.map.scene import MapGrid, MapScene, lonlat_to_map, path_of
from widgets.map.style import (
    BACKGROUND,
    FOCUS_DIM,
    HALO,
    HOVER_FILL,
    LEVEL_STYLES,
    SEARCH_PIN,
    SELECTION,
)
from widgets.map.viewport import Viewport

MARKER_MIN_SCALE = 0.25  # pixels per metre: closer than community zoom, where markers don't pile up
ALWAYS_SHOWN = (MarkerKind.ALARM,)
LABEL_FIT = {1: 0.9, 2: 0.9, 3: 0.9, 4: 0.75}  # share of a grid's on-screen width its name may take
BOUNDARY_NUDGES = ((0.0, 0.0), (0.55, 0.55), (-0.55, -0.55))  # device pixels


@dataclass(frozen=True)
class RenderOptions:
    cache_paths: bool = True
    level_of_detail: bool = True
    antialias: bool = True


@dataclass
class MapContent:
    """What to draw besides the grid outlines themselves."""

    fills: Mapping[int, QColor] = field(default_factory=dict)  # overlay colour per grid; else level style
    markers: Sequence[Marker] = ()
    focus: int | None = None  # the grid drilled into: outside it is dimmed
    basemap: object | None = None  # a TileLayer (anything with draw(painter, viewport))


@dataclass
class Frame:
    """What one static paint produced, for hit-testing markers and for tests."""

    detail: Detail
    labels: dict[int, QRectF]  # grid id -> screen rectangle of its label
    markers: list[tuple[Marker, QPointF]]  # markers drawn, with their screen positions


def opaque_fill(colour: QColor) -> QColor:
    """A translucent style colour blended over the background once, so painting it needs no blending."""
    a = colour.alphaF()
    return QColor(
        round(colour.red() * a + BACKGROUND.red() * (1 - a)),
        round(colour.green() * a + BACKGROUND.green() * (1 - a)),
        round(colour.blue() * a + BACKGROUND.blue() * (1 - a)),
    )


def translucent_fill(colour: QColor) -> QColor:
    """Over a base map: light enough that the streets underneath stay readable."""
    return QColor(colour.red(), colour.green(), colour.blue(), min(colour.alpha(), 90))


def cosmetic_pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class MapRenderer:
    def __init__(self, scene: MapScene, font_family: str) -> None:
        self.scene = scene
        self.labels = LabelBook(font_family)

    def paint_static(
        self,
        painter: QPainter,
        viewport: Viewport,
        content: MapContent,
        options: RenderOptions = RenderOptions(),
    ) -> Frame:
        """Everything that only changes when the view or the data changes."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, options.antialias)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(QRectF(0, 0, viewport.width, viewport.height), BACKGROUND)
        if content.basemap is not None:
            content.basemap.draw(painter, viewport)
        view = viewport.map_rect()
        if options.level_of_detail:
            detail = visible_detail(self.scene, view, viewport.scale, content.focus)
        else:
            detail = everything(self.scene)
        painter.save()
        painter.setTransform(viewport.transform())
        self._paint_regions(painter, detail, content, options, translucent=content.basemap is not None)
        self._paint_boundaries(painter, detail, options)
        if content.focus is not None and content.focus in self.scene.grids:
            dim = QPainterPath()
            dim.setFillRule(Qt.FillRule.OddEvenFill)
            dim.addRect(view.adjusted(-1, -1, 1, 1))
            dim.addPath(self._path(content.focus, options))
            painter.fillPath(dim, FOCUS_DIM)
        painter.restore()
        labels = self._paint_labels(painter, viewport, detail, options)
        drawn = self._paint_markers(painter, viewport, content.markers, options)
        return Frame(detail, labels, drawn)

    def paint_highlights(
        self,
        painter: QPainter,
        viewport: Viewport,
        hover: int | None,
        selection: int | None,
        pin: QPointF | None = None,
    ) -> None:
        """The cheap layer drawn over the cached picture on every frame: hover, selection, search pin."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.save()
        painter.setTransform(viewport.transform())
        if hover is not None and hover in self.scene.grids and hover != selection:
            path = self.scene.grids[hover].path
            painter.fillPath(path, HOVER_FILL)
            painter.strokePath(path, cosmetic_pen(QColor(120, 180, 255), 1.6))
        if selection is not None and selection in self.scene.grids:
            path = self.scene.grids[selection].path
            painter.strokePath(path, cosmetic_pen(QColor(255, 213, 74, 90), 7.0))
            painter.strokePath(path, cosmetic_pen(SELECTION, 2.4))
        painter.restore()
        if pin is not None:
            marker_art.draw_pin(painter, viewport.to_screen(pin), SEARCH_PIN)

    def _path(self, grid_id: int, options: RenderOptions) -> QPainterPath:
        grid = self.scene.grids[grid_id]
        return grid.path if options.cache_paths else path_of(grid.geometry)

    def _paint_regions(
        self,
        painter: QPainter,
        detail: Detail,
        content: MapContent,
        options: RenderOptions,
        translucent: bool,
    ) -> None:
        """Fills first without antialiasing (the edges drawn next cover the seams), then 1 px edges.

        Opaque fills pre-blended with the background cost a fifth of translucent ones; over a base map
        the fills stay translucent so the streets show through.
        """
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        grounds = [g for g in detail.boundaries if not self.scene.grids[g].tiled]
        for grid_id in [*reversed(grounds), *detail.regions]:
            grid = self.scene.grids[grid_id]
            fill = content.fills.get(grid_id, LEVEL_STYLES[grid.level].fill)
            painter.setBrush(translucent_fill(fill) if translucent else opaque_fill(fill))
            painter.drawPath(self._path(grid_id, options))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, options.antialias)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for grid_id in detail.regions:
            style = LEVEL_STYLES[self.scene.grids[grid_id].level]
            painter.setPen(cosmetic_pen(style.edge, 1.0))
            painter.drawPath(self._path(grid_id, options))

    def _paint_boundaries(self, painter: QPainter, detail: Detail, options: RenderOptions) -> None:
        """Outlines of open grids over their children, thicker for coarser levels.

        Qt rasterises 1 px cosmetic lines on a fast path and wider ones through the general stroker
        (five times slower), so a wide line is drawn as 1 px lines nudged sub-pixel apart.
        """
        painter.setBrush(Qt.BrushStyle.NoBrush)
        base = painter.transform()
        for grid_id in detail.boundaries:
            style = LEVEL_STYLES[self.scene.grids[grid_id].level]
            painter.setPen(cosmetic_pen(style.edge, 1.0))
            path = self._path(grid_id, options)
            for dx, dy in BOUNDARY_NUDGES[: max(1, round(style.boundary_width))]:
                painter.setTransform(base * QTransform.fromTranslate(dx, dy))
                painter.drawPath(path)
        painter.setTransform(base)

    def _paint_labels(
        self, painter: QPainter, viewport: Viewport, detail: Detail, options: RenderOptions
    ) -> dict[int, QRectF]:
        grids = self.scene.grids
        grounds = [g for g in detail.boundaries if not grids[g].tiled]  # a compound around its buildings
        # Coarser levels first; within a level the smallest grids first: they have the fewest places
        # their name fits, the larger ones can still move their label a little or wrap it.
        order = sorted([*detail.regions, *grounds], key=lambda g: (grids[g].level, grids[g].extent))
        bounds = QRectF(0, 0, viewport.width, viewport.height)
        order = [g for g in order if bounds.contains(viewport.to_screen(grids[g].anchor))]
        if not options.level_of_detail:
            labels = {g: self.labels.text(g, grids[g].name, grids[g].level) for g in order}
            placed = {
                g: (labels[g], QRectF(viewport.to_screen(grids[g].anchor), labels[g].size)) for g in order
            }
        else:
            placed = self._place_labels(viewport, order)
        for grid_id, (label, rect) in placed.items():
            middle = rect.center() if options.level_of_detail else viewport.to_screen(grids[grid_id].anchor)
            self._draw_label(painter, label, middle, LEVEL_STYLES[grids[grid_id].level].label_colour)
        return {grid_id: rect for grid_id, (_label, rect) in placed.items()}

    def _place_labels(self, viewport: Viewport, order: list[int]) -> dict[int, tuple[LabelText, QRectF]]:
        """Every label that lies wholly inside its own grid first (those cannot collide), then the rest
        centred on their anchors where that is free; a grid too small for any form of its name goes
        without (the tooltip names it)."""
        placer = LabelPlacer()
        placed: dict[int, tuple[LabelText, QRectF]] = {}
        fitting = {g: self._fitting_variants(viewport, self.scene.grids[g]) for g in order}
        for strict in (True, False):
            for grid_id in order:
                if grid_id in placed:
                    continue
                grid = self.scene.grids[grid_id]
                centre = viewport.to_screen(grid.anchor)
                for label in fitting[grid_id]:
                    if strict:
                        rect = placer.place_near(
                            centre, label.size, lambda r, g=grid: self._inside(viewport, g, r)
                        )
                    else:
                        rect = placer.place(centre, label.size)
                    if rect is not None:
                        placed[grid_id] = (label, rect)
                        break
        return placed

    def _fitting_variants(self, viewport: Viewport, grid: MapGrid) -> list[LabelText]:
        """The forms of the grid's name no wider than its share of the grid's width on screen."""
        room = grid.bounds.width() * viewport.scale * LABEL_FIT[grid.level]
        variants = self.labels.variants(grid.id, grid.name, grid.level)
        # Buildings are sized by the longest sibling name on one line, so a row is all or none.
        first = max(variants[0].size.width(), self.labels.sibling_width(grid.level))
        return [
            label for i, label in enumerate(variants) if (first if i == 0 else label.size.width()) <= room
        ]

    @staticmethod
    def _inside(viewport: Viewport, grid: MapGrid, rect: QRectF) -> bool:
        corners = (rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight())
        return all(grid.path.contains(viewport.to_map(corner)) for corner in corners)

    @staticmethod
    def _draw_label(painter: QPainter, label: LabelText, middle: QPointF, colour: QColor) -> None:
        painter.setFont(label.font)
        top = middle.y() - label.size.height() / 2
        for index, line in enumerate(label.lines):
            width = line.size().width()
            top_left = QPointF(middle.x() - width / 2, top + index * label.line_height)
            painter.setPen(HALO)
            painter.drawStaticText(top_left + QPointF(1.0, 1.0), line)
            painter.setPen(colour)
            painter.drawStaticText(top_left, line)

    def _paint_markers(
        self, painter: QPainter, viewport: Viewport, markers: Sequence[Marker], options: RenderOptions
    ) -> list[tuple[Marker, QPointF]]:
        drawn: list[tuple[Marker, QPointF]] = []
        show_all = viewport.scale >= MARKER_MIN_SCALE or not options.level_of_detail
        bounds = QRectF(-20, -20, viewport.width + 40, viewport.height + 40)
        for marker in markers:
            if marker.kind in ALWAYS_SHOWN or not show_all:
                continue  # alarms are drawn by the blinking layer, over everything
            position = viewport.to_screen(lonlat_to_map(marker.lon, marker.lat))
            if bounds.contains(position):
                marker_art.draw_marker(painter, marker.kind, position)
                drawn.append((marker, position))
        return drawn

    def paint_alarms(
        self, painter: QPainter, viewport: Viewport, markers: Sequence[Marker], phase: float
    ) -> None:
        """Active alarms at their household, pulsing with `phase` in [0, 1); shown at every zoom."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for marker in markers:
            if marker.kind == MarkerKind.ALARM:
                marker_art.draw_alarm(
                    painter, viewport.to_screen(lonlat_to_map(marker.lon, marker.lat)), phase
                )
