"""One grid as geometry plus its place in the tree, before (or apart from) the store."""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class GridFeature:
    """A grid outline in WGS-84 with its code, name, level (1-4) and its parent's code (None at level 1).

    `address` is the file's own address for a micro-grid's building, when it gives one.
    """

    code: str
    name: str
    level: int
    parent_code: str | None
    geometry: BaseGeometry
    address: str | None = None


def inner_centre(geometry: BaseGeometry) -> Point:
    """The centroid if it falls inside (labels, map pins, a building's position), else a point surely inside."""
    centroid = geometry.centroid
    return centroid if geometry.contains(centroid) else geometry.representative_point()
