"""A table of small square cells over a set of polygons, filled once with an STRtree query.

Looking one point up in an STRtree costs a shapely Point and a tree walk (~15 µs in Python); a
dispatcher locating one report at a time wants less. Each cell of the table lists the polygons that
touch it, and a cell lying wholly inside a single polygon (half the cells, with ~32 cells per polygon)
names that polygon outright, so most single-point lookups are two divisions and a list index.
Building it takes a tenth of a second for the demo district, so the index builds it on first use.
"""

from __future__ import annotations

import math

import numpy as np
import shapely

CELLS_PER_POLYGON = 32
EDGE_MARGIN = 1e-9  # degrees: cells overlap a hair so rounding at a cell edge cannot lose a polygon


class CellTable:
    """Which polygons (positions in `geometries`) may hold a point, per cell of a uniform grid."""

    def __init__(self, geometries: np.ndarray, tree: shapely.STRtree) -> None:
        self._nx = self._ny = 0
        if len(geometries) == 0:
            return
        min_x, min_y, max_x, max_y = shapely.total_bounds(geometries)
        width, height = max(max_x - min_x, 1e-12), max(max_y - min_y, 1e-12)
        size = math.sqrt(width * height / (CELLS_PER_POLYGON * len(geometries)))
        self._nx, self._ny = max(1, math.ceil(width / size)), max(1, math.ceil(height / size))
        self._x0, self._y0 = min_x, min_y
        self._dx, self._dy = width / self._nx, height / self._ny
        ix, iy = (a.ravel() for a in np.meshgrid(np.arange(self._nx), np.arange(self._ny)))
        boxes = shapely.box(
            min_x + ix * self._dx - EDGE_MARGIN,
            min_y + iy * self._dy - EDGE_MARGIN,
            min_x + (ix + 1) * self._dx + EDGE_MARGIN,
            min_y + (iy + 1) * self._dy + EDGE_MARGIN,
        )
        cell_i, polygon_i = tree.query(boxes, predicate="intersects")
        order = np.lexsort((polygon_i, cell_i))
        cell_i, polygon_i = cell_i[order], polygon_i[order]
        counts = np.bincount(cell_i, minlength=len(boxes))
        offsets = np.concatenate(([0], np.cumsum(counts)))
        single = np.flatnonzero(counts == 1)
        inside = shapely.contains(geometries[polygon_i[offsets[single]]], boxes[single])
        self.sole: list[int] = [-1] * len(boxes)  # the one polygon a cell lies inside, or -1
        for cell, polygon in zip(
            single[inside].tolist(), polygon_i[offsets[single[inside]]].tolist(), strict=True
        ):
            self.sole[cell] = polygon
        self.offsets: list[int] = offsets.tolist()  # cell k's polygons: members[offsets[k]:offsets[k + 1]]
        self.members: np.ndarray = polygon_i
        self.member_geometries: np.ndarray = geometries[polygon_i]

    def __len__(self) -> int:
        return self._nx * self._ny

    def cell_of(self, x: float, y: float) -> int:
        """The cell holding the point, or -1 when it lies outside the table."""
        if self._nx == 0 or not (math.isfinite(x) and math.isfinite(y)):
            return -1
        ix = math.floor((x - self._x0) / self._dx)
        iy = math.floor((y - self._y0) / self._dy)
        if ix == self._nx and x <= self._x0 + self._nx * self._dx + EDGE_MARGIN:
            ix -= 1  # the table's far edge belongs to its last cell
        if iy == self._ny and y <= self._y0 + self._ny * self._dy + EDGE_MARGIN:
            iy -= 1
        if 0 <= ix < self._nx and 0 <= iy < self._ny:
            return iy * self._nx + ix
        return -1
