"""Point → deepest grid for dispatch, through the grid tree's STRtree (one point or a whole batch)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.grid_tree import GridTree


class GridLocator:
    """Adapts `GridTree.locate_ids` to the dispatch protocol: the deepest grid id, or None outside."""

    def __init__(self, tree: GridTree) -> None:
        self.tree = tree

    @classmethod
    def load(cls, session: Session) -> GridLocator:
        return cls(GridTree.load(session))

    def __call__(self, lon: float, lat: float) -> int | None:
        return self.many([lon], [lat])[0]

    def many(self, lons: Sequence[float], lats: Sequence[float]) -> list[int | None]:
        if len(lons) == 0 or len(self.tree) == 0:
            return [None] * len(lons)
        return [int(g) if g >= 0 else None for g in self.tree.locate_ids(lons, lats)]
