"""A table of small square cells over a set of polygons, filled once with STRtree queries.

Looking one point up in an STRtree costs a shapely Point and a tree walk (~15 µs in Python); a
dispatcher locating one report at a time wants less. Each cell of the table lists the polygons that
touch it; a cell lying wholly inside a single polygon (about half the cells, with ~32 cells per
polygon) names that polygon outright, and a cell that touches no polygon and nothing else of the
map says "outside" at once. Most single-point lookups are then two divisions and a list index.
Building takes about a tenth of a second for the demo district, so the index builds it on first use.
"""

from __future__ import annotations

import math

import numpy as np
import shapely

CELLS_PER_POLYGON = 32
EDGE_MARGIN = 1e-9  # degrees: cells overlap a hair so rounding at a cell edge cannot lose a polygon
OUTSIDE = -1
_UNKNOWN = -2  # the cell cannot answer on its own: test the point against its polygons


class CellTable:
    """Answers "which polygon holds this point" from a uniform grid of cells where it can.

    `labels[i]` is what a lookup returns for polygon i, `ranks[i]` decides between polygons that
    both hold a point (higher wins). `surroundings` is a tree of everything else a point could be
    in (for the grid index: all grids); a cell touching none of it is known to be outside.
    """

    def __init__(
        self,
        geometries: np.ndarray,
        tree: shapely.STRtree,
        labels: np.ndarray,
        ranks: np.ndarray,
        surroundings: shapely.STRtree | None = None,
    ) -> None:
        self._nx = self._ny = 0
        if len(geometries) == 0:
            return
        min_x, min_y, max_x, max_y = shapely.total_bounds(geometries)
        width, height = max(max_x - min_x, 1e-12), max(max_y - min_y, 1e-12)
        size = math.sqrt(width * height / (CELLS_PER_POLYGON * len(geometries)))
        self._nx, self._ny = max(1, math.ceil(width / size)), max(1, math.ceil(height / size))
        self._x0, self._y0 = min_x, min_y
        self._dx, self._dy = width / self._nx, height / self._ny
        boxes = self._boxes()
        cell_i, polygon_i = tree.query(boxes, predicate="intersects")
        order = np.lexsort((polygon_i, cell_i))
        cell_i, polygon_i = cell_i[order], polygon_i[order]
        counts = np.bincount(cell_i, minlength=len(boxes))
        offsets = np.concatenate(([0], np.cumsum(counts)))

        self.answer: list[int] = [_UNKNOWN] * len(boxes)  # a cell's answer for every point in it
        single = np.flatnonzero(counts == 1)
        inside = shapely.contains(geometries[polygon_i[offsets[single]]], boxes[single])
        for cell, polygon in zip(
            single[inside].tolist(), polygon_i[offsets[single[inside]]].tolist(), strict=True
        ):
            self.answer[cell] = int(labels[polygon])
        if surroundings is not None:
            empty = np.flatnonzero(counts == 0)
            touched = np.unique(surroundings.query(boxes[empty], predicate="intersects")[0])
            for cell in np.setdiff1d(np.arange(len(empty)), touched).tolist():
                self.answer[int(empty[cell])] = OUTSIDE

        self.offsets: list[int] = offsets.tolist()  # cell k's polygons: [offsets[k], offsets[k + 1])
        self.members: np.ndarray = polygon_i
        self._member_geometries = geometries[polygon_i]
        self._member_labels: list[int] = np.asarray(labels)[polygon_i].tolist()
        self._member_ranks: list[int] = np.asarray(ranks)[polygon_i].tolist()

    def _boxes(self) -> np.ndarray:
        ix, iy = (a.ravel() for a in np.meshgrid(np.arange(self._nx), np.arange(self._ny)))
        return shapely.box(
            self._x0 + ix * self._dx - EDGE_MARGIN,
            self._y0 + iy * self._dy - EDGE_MARGIN,
            self._x0 + (ix + 1) * self._dx + EDGE_MARGIN,
            self._y0 + (iy + 1) * self._dy + EDGE_MARGIN,
        )

    def __len__(self) -> int:
        return self._nx * self._ny

    def cell_of(self, x: float, y: float) -> int:
        """The cell holding the point, or -1 when it lies off the table."""
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

    def lookup(self, x: float, y: float) -> int | None:
        """The label of the highest-ranked polygon holding the point, OUTSIDE when the point surely
        lies in nothing, or None when the table cannot tell (off the table, or in no listed polygon)."""
        cell = self.cell_of(x, y)
        if cell < 0:
            return None
        answer = self.answer[cell]
        if answer != _UNKNOWN:
            return answer
        start, end = self.offsets[cell], self.offsets[cell + 1]
        if start == end:
            return None
        hits = shapely.intersects_xy(self._member_geometries[start:end], x, y).tolist()
        best, best_rank = None, -1
        for label, rank, hit in zip(
            self._member_labels[start:end], self._member_ranks[start:end], hits, strict=True
        ):
            if hit and rank > best_rank:
                best, best_rank = label, rank
        return best
