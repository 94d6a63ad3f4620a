"""The grid tree prepared for drawing: one QPainterPath per grid in map coordinates, an STRtree for hits.

Map coordinates are Web Mercator metres with y pointing down (screen-like), so paths are built once
and every view is just a QTransform. Hit-testing asks the STRtree which outlines hold a point (tens of
microseconds) instead of looping over a thousand polygons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from grid_map.projection import lonlat_array_to_mercator, lonlat_to_mercator
from runtime.read.map import GridRecord


@dataclass
class MapGrid:
    id: int
    code: str
    name: str
    level: int
    parent_id: int | None
    geometry: BaseGeometry  # map coordinates
    path: QPainterPath  # map coordinates, built once
    bounds: QRectF  # map coordinates
    anchor: QPointF  # where its label goes (inside the outline)
    children: list[int] = field(default_factory=list)
    tiled: bool = True  # its children cover it (false for a compound with a few building footprints)

    @property
    def extent(self) -> float:
        """The longer side of its bounding box, in map units: how big it looks at a given scale."""
        return max(self.bounds.width(), self.bounds.height())


def lonlat_to_map(lon: float, lat: float) -> QPointF:
    x, y = lonlat_to_mercator(lon, lat)
    return QPointF(x, -y)


def _to_map_coords(coords: np.ndarray) -> np.ndarray:
    out = lonlat_array_to_mercator(coords)
    out[:, 1] *= -1.0
    return out


def _ring_polygon(coords: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in coords])


def path_of(geometry: BaseGeometry) -> QPainterPath:
    """A QPainterPath of a (multi)polygon's rings; odd-even fill keeps courtyards (holes) open."""
    path = QPainterPath()
    polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            path.addPolygon(_ring_polygon(np.asarray(ring.coords)))
            path.closeSubpath()
    return path


def _label_anchor(geometry: BaseGeometry) -> QPointF:
    centre = geometry.centroid
    point = centre if geometry.contains(centre) else geometry.representative_point()
    return QPointF(point.x, point.y)


def _open_ground_anchor(ground: BaseGeometry, fallback: QPointF) -> QPointF:
    parts = getattr(ground, "geoms", [ground])
    largest = max(parts, key=lambda part: part.area, default=None)
    if largest is None or largest.is_empty:
        return fallback
    point = polylabel(largest, tolerance=1.0)
    return QPointF(point.x, point.y)


class MapScene:
    """All grids ready to draw and hit-test; built once per load, read-only afterwards."""

    def __init__(self, records: Iterable[GridRecord]) -> None:
        records = [r for r in records if r.geometry is not None and not r.geometry.is_empty]
        self.grids: dict[int, MapGrid] = {}
        geometries = shapely.transform(np.array([r.geometry for r in records], dtype=object), _to_map_coords)
        for record, geometry in zip(records, geometries, strict=True):
            min_x, min_y, max_x, max_y = geometry.bounds
            self.grids[record.id] = MapGrid(
                id=record.id,
                code=record.code,
                name=record.name,
                level=record.level,
                parent_id=record.parent_id,
                geometry=geometry,
                path=path_of(geometry),
                bounds=QRectF(min_x, min_y, max_x - min_x, max_y - min_y),
                anchor=_label_anchor(geometry),
            )
        self.roots: list[int] = []
        for grid in self.grids.values():
            parent = self.grids.get(grid.parent_id) if grid.parent_id is not None else None
            if parent is None:
                self.roots.append(grid.id)
            else:
                parent.children.append(grid.id)
        for grid in self.grids.values():
            if grid.children:
                covered = sum(self.grids[child].geometry.area for child in grid.children)
                grid.tiled = covered >= 0.98 * grid.geometry.area
                if not grid.tiled:  # label the open ground between the buildings, not a rooftop
                    ground = grid.geometry.difference(
                        shapely.union_all([self.grids[c].geometry for c in grid.children])
                    )
                    grid.anchor = _open_ground_anchor(ground, grid.anchor)
        self._ids = np.array(list(self.grids), dtype=np.int64)
        shapely.prepare(geometries)
        self._tree = shapely.STRtree(geometries)

    def __len__(self) -> int:
        return len(self.grids)

    def bounds(self, ids: Sequence[int] | None = None) -> QRectF:
        """The map rectangle around the given grids (all grids when None)."""
        chosen = self.roots if ids is None else ids
        rect = QRectF()
        for grid_id in chosen:
            rect = rect.united(self.grids[grid_id].bounds)
        return rect

    def grids_at(self, point: QPointF) -> list[int]:
        """Ids of every grid whose outline holds the map point, any level, shallowest first."""
        hits = self._tree.query(shapely.points(point.x(), point.y()), predicate="within")
        found = [int(self._ids[i]) for i in hits]
        return sorted(found, key=lambda grid_id: self.grids[grid_id].level)

    def ancestors(self, grid_id: int) -> list[int]:
        """The chain from the root down to and including `grid_id`."""
        chain: list[int] = []
        current: int | None = grid_id
        while current is not None and current in self.grids:
            chain.append(current)
            current = self.grids[current].parent_id
        return chain[::-1]

    def subtree(self, grid_id: int) -> list[int]:
        """`grid_id` and every grid below it."""
        out, stack = [], [grid_id]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self.grids[current].children)
        return out
