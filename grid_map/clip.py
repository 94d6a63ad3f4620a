"""Trimming children to their parents (`import-grids --clip`), for boundaries published at two levels.

Parents are trimmed first, so a child is cut to what is left of its parent. Only the file's grids are
trimmed; the store's stay as they are. A child loses nothing but what lay outside its parent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import shapely
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from grid_map.feature import GridFeature
from grid_map.tolerance import polygon_parts


def clip_to_parents(
    features: Sequence[GridFeature], existing: Iterable[GridFeature] = ()
) -> list[GridFeature]:
    """The file's grids, each cut to its parent's (already cut) outline; in the file's order."""
    outline = {f.code: f.geometry for f in existing}
    clipped: dict[str, GridFeature] = {}
    for feature in sorted(features, key=lambda f: f.level):
        parent = outline.get(feature.parent_code) if feature.parent_code else None
        if parent is not None and not parent.is_empty and not parent.covers(feature.geometry):
            feature = replace(feature, geometry=_inside(feature.geometry, parent))
        clipped[feature.code] = feature
        outline[feature.code] = feature.geometry
    return [clipped[f.code] for f in features]


def _inside(child: BaseGeometry, parent: BaseGeometry) -> BaseGeometry:
    """The polygons of child ∩ parent (slivers of lines and points dropped), one polygon when it is one."""
    try:
        cut = shapely.intersection(child, parent)
    except GEOSException:
        cut = shapely.intersection(child, parent, grid_size=1e-7)
    parts = [p for p in polygon_parts(cut) if p.area > 0]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)
