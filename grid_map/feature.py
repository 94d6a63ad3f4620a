"""One grid as geometry plus its place in the tree, before (or apart from) the store."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class GridFeature:
    """A grid outline in WGS-84 with its code, name, level (1-4) and its parent's code (None at level 1)."""

    code: str
    name: str
    level: int
    parent_code: str | None
    geometry: BaseGeometry
