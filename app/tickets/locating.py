"""Point → deepest grid for dispatch, one point at a time or a whole batch in one STRtree query."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Grid


class GridLocator:
    """Finds the deepest grid (micro-grid, else level 3, 2, 1) that covers a WGS-84 point."""

    def __init__(self, ids: Sequence[int], levels: Sequence[int], shapes: Sequence) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.levels = np.asarray(levels, dtype=np.int64)
        self.shapes = np.asarray(shapes, dtype=object)
        self.tree = shapely.STRtree(self.shapes)

    @classmethod
    def load(cls, session: Session) -> GridLocator:
        rows = session.execute(
            select(Grid.id, Grid.level, Grid.geometry_wkb).where(Grid.geometry_wkb.is_not(None))
        ).all()
        shapes = shapely.from_wkb([r.geometry_wkb for r in rows]) if rows else []
        return cls([r.id for r in rows], [r.level for r in rows], shapes)

    def __call__(self, lon: float, lat: float) -> int | None:
        found = self.many([lon], [lat])
        return found[0]

    def many(self, lons: Sequence[float], lats: Sequence[float]) -> list[int | None]:
        if len(self.ids) == 0 or len(lons) == 0:
            return [None] * len(lons)
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        point_index, shape_index = self.tree.query(points, predicate="intersects")
        best_level = np.zeros(len(points), dtype=np.int64)
        best_id = np.full(len(points), -1, dtype=np.int64)
        levels = self.levels[shape_index]
        # keep the deepest hit per point: sort hits by level so the last write wins
        order = np.argsort(levels, kind="stable")
        best_level[point_index[order]] = levels[order]
        best_id[point_index[order]] = self.ids[shape_index[order]]
        return [int(g) if g >= 0 else None for g in best_id]
