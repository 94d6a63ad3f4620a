"""Point -> grid lookup over the whole tree with one STRtree: the hot path of ticket dispatch.

A point's hits are the grids that contain it (or touch it on their border); the deepest hit wins and
its chain comes from the parent links, so the answer is always a consistent chain level 1 -> deepest.
A grid whose children cover it completely can never be a point's deepest grid, so the first query
runs over the other ("terminal") grids only, a third of the candidates of a full tree; points in
no terminal grid (outside, or in a crack between children) are asked of the tree of all grids.
Single points go through a cell table built from the terminal tree (see grid_map.cells) first. A point on a border shared by several grids of the
deepest level goes to the one with the smallest code: the same point always gives the same grid,
whatever order the grids were loaded in.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np
import shapely
from numpy.typing import ArrayLike

from grid_map.cells import OUTSIDE, CellTable
from grid_map.feature import GridFeature

COVERED_FRACTION_SLACK = 1e-9  # float noise when children's areas are summed


class GridIndex:
    """Every grid's outline in one STRtree; `locate` gives the chain of codes for a WGS-84 point."""

    def __init__(self, features: Sequence[GridFeature]) -> None:
        self.features: tuple[GridFeature, ...] = tuple(features)
        self.codes: tuple[str, ...] = tuple(f.code for f in self.features)
        position = {code: i for i, code in enumerate(self.codes)}
        geometries = np.array([f.geometry for f in self.features], dtype=object)
        shapely.prepare(geometries)
        self._all_tree = shapely.STRtree(geometries)
        self._terminal = np.flatnonzero(~self._covered(geometries, position))
        self._terminal_tree = shapely.STRtree(geometries[self._terminal])
        self._terminal_geometries = geometries[self._terminal]
        levels = np.array([f.level for f in self.features], dtype=np.int64)
        # Deeper first, then smaller code: one integer per grid so a batch picks its winner with max().
        code_rank = np.empty(len(self.codes), dtype=np.int64)
        code_rank[np.argsort(np.array(self.codes, dtype=object), kind="stable")] = np.arange(len(self.codes))
        self._priority = levels * (len(self.codes) + 1) + (len(self.codes) - code_rank)
        self._by_priority = np.argsort(self._priority)
        self._chains: list[tuple[GridFeature, ...]] = [
            tuple(self.features[j] for j in self._chain(i, position)) for i in range(len(self.features))
        ]

    def _covered(self, geometries: np.ndarray, position: dict[str, int]) -> np.ndarray:
        """True for grids whose children's areas add up to their own (children never overlap)."""
        areas = shapely.area(geometries)
        children_area = np.zeros(len(geometries))
        for i, feature in enumerate(self.features):
            if feature.parent_code in position:
                children_area[position[feature.parent_code]] += areas[i]
        return children_area >= areas * (1 - COVERED_FRACTION_SLACK)

    def _query(self, points) -> tuple[np.ndarray, np.ndarray]:
        """(point index, grid position) for every grid holding a point: terminal grids, then all grids."""
        point_i, hit = self._terminal_tree.query(points, predicate="intersects")
        grid_i = self._terminal[hit]
        answered = np.zeros(len(points), dtype=bool)
        answered[point_i] = True
        missed = np.flatnonzero(~answered)
        if len(missed):
            more_point, more_grid = self._all_tree.query(points[missed], predicate="intersects")
            point_i = np.concatenate((point_i, missed[more_point]))
            grid_i = np.concatenate((grid_i, more_grid))
        return point_i, grid_i

    def _chain(self, i: int, position: dict[str, int]) -> tuple[int, ...]:
        chain = [i]
        seen = {i}
        while (parent := self.features[chain[-1]].parent_code) is not None and parent in position:
            if position[parent] in seen:  # a loop in bad data must not hang dispatch
                break
            chain.append(position[parent])
            seen.add(position[parent])
        return tuple(reversed(chain))

    def __len__(self) -> int:
        return len(self.features)

    def locate(self, lon: float, lat: float) -> list[GridFeature]:
        """The grids holding the point, level 1 first and the deepest last; [] outside every grid."""
        return self.chain_at(self._deepest(lon, lat))

    def _deepest(self, lon: float, lat: float) -> int:
        """Position of the point's deepest grid (or -1): the cell table first, the full tree if need be."""
        found = self._cells.lookup(lon, lat)
        if found is not None:
            return found
        hits = self._all_tree.query(shapely.Point(lon, lat), predicate="intersects")
        return self._best(hits) if len(hits) else OUTSIDE

    @cached_property
    def _cells(self) -> CellTable:
        return CellTable(
            self._terminal_geometries,
            self._terminal_tree,
            labels=self._terminal,
            ranks=self._priority[self._terminal],
            surroundings=self._all_tree,
        )

    def _best(self, hits: np.ndarray) -> int:
        return int(hits[np.argmax(self._priority[hits])])

    def locate_code(self, lon: float, lat: float) -> str | None:
        """The code of the deepest grid holding the point, or None."""
        position = self._deepest(lon, lat)
        return None if position == OUTSIDE else self.codes[position]

    def deepest_indices(self, lons: ArrayLike, lats: ArrayLike) -> np.ndarray:
        """For many points at once: the position (in `features`) of each point's deepest grid, or -1."""
        lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        points = shapely.points(lons, lats)
        point_i, grid_i = self._query(points)
        best = np.full(len(points), -1, dtype=np.int64)
        np.maximum.at(best, point_i, self._priority[grid_i])
        found = best >= 0
        result = np.full(len(points), OUTSIDE, dtype=np.int64)
        result[found] = self._by_priority[np.searchsorted(self._priority[self._by_priority], best[found])]
        return result

    def locate_many(self, lons: ArrayLike, lats: ArrayLike) -> list[list[GridFeature]]:
        """The chain for each of many points (empty where a point lies outside every grid)."""
        return [self.chain_at(i) for i in self.deepest_indices(lons, lats).tolist()]

    def chain_at(self, position: int) -> list[GridFeature]:
        """The chain level 1 -> the grid at `position` in `features`; [] for -1 (outside)."""
        return [] if position == OUTSIDE else list(self._chains[position])
