"""Trimming the file's grids into a clean tree (`import-grids --clip`), for boundaries published at two
levels and simplified apart.

Level by level, parents first: each grid is cut to what is left of its parent, then the overlaps
between siblings are taken away, so the next level is cut to final outlines. The validation has
already refused every stray beyond the tolerance; what is trimmed here is slivers.

Who keeps an overlap between two siblings (the rule, deterministic and independent of the file's order):
each connected piece of the overlap stays with the sibling whose own remaining outline borders more of
the piece's edge, i.e. the sibling the piece is attached to; on a tie (within `TIE_SHARE` of the edge),
the sibling whose code sorts first. A grid already in the store is never trimmed: a file grid overlapping
it gives the piece up. Pairs are settled in the order of their codes, each against the outlines the
earlier pairs left. A grid loses nothing but what lay outside its parent or inside a sibling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import shapely
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from grid_map.feature import GridFeature
from grid_map.tolerance import polygon_parts

TIE_SHARE = 0.01  # borders within 1 % of the piece's edge are a tie: the earlier code keeps it


def clip_to_parents(
    features: Sequence[GridFeature], existing: Iterable[GridFeature] = ()
) -> list[GridFeature]:
    """The file's grids cut to their parents' (already cut) outlines and clear of their siblings; in the
    file's order."""
    stored = {f.code: f for f in existing}
    outline = {code: f.geometry for code, f in stored.items()}
    clipped: dict[str, GridFeature] = {}
    for level in sorted({f.level for f in features}):
        batch = sorted((f for f in features if f.level == level), key=lambda f: f.code)
        for feature in batch:
            parent = outline.get(feature.parent_code) if feature.parent_code else None
            if parent is not None and not parent.is_empty and not parent.covers(feature.geometry):
                feature = replace(
                    feature, geometry=_polygons(_overlay(shapely.intersection, feature.geometry, parent))
                )
            clipped[feature.code] = feature
            outline[feature.code] = feature.geometry
        _part_siblings(batch, stored, outline)
        for feature in batch:
            clipped[feature.code] = replace(clipped[feature.code], geometry=outline[feature.code])
    return [clipped[f.code] for f in features]


def _part_siblings(batch: list[GridFeature], stored: dict[str, GridFeature], outline: dict) -> None:
    """Take the overlaps between the batch's grids and their siblings (file or store) away, in `outline`."""
    codes_of: dict[str | None, set[str]] = defaultdict(set)
    for feature in batch:
        codes_of[feature.parent_code].add(feature.code)
    in_file = {f.code for f in batch}
    level = batch[0].level if batch else 0
    for code, feature in stored.items():
        if feature.level == level and code not in in_file and feature.parent_code in codes_of:
            codes_of[feature.parent_code].add(code)
    for codes in codes_of.values():
        for first, second in _touching_pairs(sorted(codes), outline):
            if first in in_file or second in in_file:
                _settle(first, second, in_file, outline)


def _touching_pairs(family: list[str], outline: dict) -> list[tuple[str, str]]:
    """The pairs of siblings whose outlines meet, in the order of their codes (outlines only shrink
    while pairs are settled, so these are all the pairs that can overlap)."""
    tree = shapely.STRtree([outline[code] for code in family])
    left, right = tree.query([outline[code] for code in family], predicate="intersects")
    return sorted((family[i], family[j]) for i, j in zip(left.tolist(), right.tolist(), strict=True) if i < j)


def _settle(first: str, second: str, in_file: set[str], outline: dict) -> None:
    """Give each piece of the overlap of `first` and `second` (codes in order) to one of them."""
    a, b = outline[first], outline[second]
    if a.is_empty or b.is_empty or not a.intersects(b):
        return
    for piece in polygon_parts(_overlay(shapely.intersection, a, b)):
        if piece.area <= 0:
            continue
        keeper = _keeper(piece, first, second, in_file, outline)
        loser = second if keeper == first else first
        outline[loser] = _polygons(_overlay(shapely.difference, outline[loser], piece))


def _keeper(piece: Polygon, first: str, second: str, in_file: set[str], outline: dict) -> str:
    if first not in in_file:
        return first  # the store's grid stays as it is
    if second not in in_file:
        return second
    edge = piece.boundary
    borders = [
        _shared_length(edge, _polygons(_overlay(shapely.difference, outline[code], piece)))
        for code in (first, second)
    ]
    if borders[1] > borders[0] + TIE_SHARE * edge.length:
        return second
    return first


def _shared_length(edge: BaseGeometry, remainder: BaseGeometry) -> float:
    """How much of a piece's edge the rest of a grid runs along."""
    if remainder.is_empty:
        return 0.0
    return float(shapely.length(_overlay(shapely.intersection, edge, remainder.boundary)))


def _overlay(operation, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """An overlay that survives GEOS robustness failures on nearly coincident edges by snapping to 1 cm."""
    try:
        return operation(a, b)
    except GEOSException:
        return operation(a, b, grid_size=1e-7)


def _polygons(geometry: BaseGeometry) -> BaseGeometry:
    """The polygons of an overlay's result (slivers of lines and points dropped), one when it is one."""
    parts = [p for p in polygon_parts(geometry) if p.area > 0]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)
