"""Checks a set of grids before any of it is written: every problem found at once, each with its place.

The tree must hold together (unique codes, a known parent exactly one level up), outlines must be
valid, a child must lie inside its parent and siblings must not overlap, beyond a tolerance
(grid_map/tolerance.py: what lies within it is a warning, measured in metres). Boundaries drawn by hand
never agree to the millimetre, so a stray part thinner than `SLIVER_WIDTH_M` or smaller than
`NOISE_AREA_M2` is digitising noise, not an error. Areas are in square metres (local projection).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry.base import BaseGeometry

from grid_map.feature import GridFeature
from grid_map.metres import LocalMetres
from grid_map.tolerance import (
    DEFAULT_TOLERANCE,
    NOISE_AREA_M2,
    SLIVER_WIDTH_M,
    Stray,
    Tolerance,
    measure_stray,
    polygon_parts,
)

MAX_LEVEL = 4


@dataclass(frozen=True)
class GridError:
    """One problem: where it is (a feature index in the file, or a place in the file) and what it is."""

    message: str
    index: int | None = None  # position in the file's `features` array
    code: str | None = None
    place: str | None = None  # e.g. "第 12 行 line 12" when there is no feature to point at

    def __str__(self) -> str:
        where = []
        if self.place:
            where.append(self.place)
        if self.index is not None:
            where.append(f"features[{self.index}]")
        if self.code:
            where.append(f"编码 code {self.code}")
        return f"{' '.join(where)}: {self.message}" if where else self.message


@dataclass(frozen=True)
class GridWarning:
    """A boundary disagreement within the tolerance: imported, and said out loud with its size."""

    message: str
    code: str
    index: int | None = None
    stray: Stray | None = None  # what was measured, when the warning is about a boundary

    def __str__(self) -> str:
        where = f"features[{self.index}] " if self.index is not None else ""
        return f"{where}编码 code {self.code}: {self.message}"


@dataclass
class Findings:
    """Everything a check found: errors refuse the file, warnings do not."""

    errors: list[GridError]
    warnings: list[GridWarning]


class GridFileError(Exception):
    """A grid file that cannot be imported; carries every error found, nothing was written."""

    def __init__(self, source: str, errors: Sequence[GridError]) -> None:
        self.source = source
        self.errors = list(errors)
        lines = "\n".join(f"  - {error}" for error in self.errors)
        super().__init__(
            f"{source}: 发现 {len(self.errors)} 处错误，未导入任何网格 "
            f"({len(self.errors)} error(s), nothing imported):\n{lines}"
        )


@dataclass(frozen=True)
class IndexedFeature:
    """A grid read from a file, with its position in the file's `features` array."""

    index: int
    feature: GridFeature


def validate_features(
    items: Sequence[IndexedFeature], existing: Iterable[GridFeature] = (), unreadable: Iterable[str] = ()
) -> list[GridError]:
    """Every error in `items` at the default tolerance (see `check_features`)."""
    return check_features(items, existing, unreadable).errors


def check_features(
    items: Sequence[IndexedFeature],
    existing: Iterable[GridFeature] = (),
    unreadable: Iterable[str] = (),
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> Findings:
    """Every error and warning in `items`, checked together with the grids already in the store (`existing`).

    A file grid whose code is already in the store replaces it; store grids under a replaced grid
    are checked against its new outline too. `unreadable` are codes of file features that could
    not be read: their children are not also reported as orphans.
    """
    findings = Findings([], [])
    errors = findings.errors
    first: dict[str, IndexedFeature] = {}
    for item in items:
        code = item.feature.code
        if code in first:
            errors.append(
                GridError(
                    f"编码重复，与 features[{first[code].index}] 相同 (duplicate code, also used by features[{first[code].index}])",
                    item.index,
                    code,
                )
            )
        else:
            first[code] = item
    merged = {f.code: f for f in existing} | {code: item.feature for code, item in first.items()}
    index_of = {code: item.index for code, item in first.items()}
    valid = _check_geometries(first.values(), errors)
    valid |= {code for code, f in merged.items() if code not in index_of and not f.geometry.is_empty}
    _check_parents(first.values(), merged, set(unreadable), errors)
    _check_containment(merged, index_of, valid, tolerance, findings)
    _check_siblings(merged, index_of, valid, set(unreadable), tolerance, findings)
    findings.errors.sort(key=lambda e: (e.index if e.index is not None else -1, e.code or ""))
    findings.warnings.sort(key=lambda w: (w.index if w.index is not None else -1, w.code))
    return findings


def _check_geometries(items: Iterable[IndexedFeature], errors: list[GridError]) -> set[str]:
    """Codes whose outline is valid; an error for each invalid or empty one."""
    valid: set[str] = set()
    for item in items:
        geometry = item.feature.geometry
        if geometry.is_empty:
            errors.append(GridError("几何图形为空 (empty geometry)", item.index, item.feature.code))
            continue
        reason = shapely.is_valid_reason(geometry)
        if reason == "Valid Geometry":
            valid.add(item.feature.code)
        else:
            errors.append(GridError(_explain_invalid(reason), item.index, item.feature.code))
    return valid


_REASON_ZH = {
    "Self-intersection": "边界自相交",
    "Ring Self-intersection": "环自相交",
    "Too few points in geometry component": "顶点太少",
    "Interior is disconnected": "内部不连通",
    "Hole lies outside shell": "内环在外环之外",
    "Nested holes": "内环嵌套",
    "Nested shells": "多边形相互嵌套",
    "Duplicate Rings": "环重复",
    "Invalid Coordinate": "坐标无效",
    "Ring is not closed": "环未闭合",
}


def _explain_invalid(reason: str) -> str:
    """GEOS's 'Self-intersection[113.61 34.71]' as a sentence with the place in lon/lat."""
    match = re.match(r"(?P<what>[^\[]+)\[(?P<x>\S+) (?P<y>\S+)\]", reason)
    if not match:
        return f"几何图形无效 (invalid geometry: {reason})"
    what = match["what"].strip()
    lon, lat = float(match["x"]), float(match["y"])
    return (
        f"几何图形无效：{_REASON_ZH.get(what, what)}，位置 经度 {lon:.6f}，纬度 {lat:.6f} "
        f"(invalid geometry: {what} at lon {lon:.6f}, lat {lat:.6f})"
    )


def _check_parents(
    items: Iterable[IndexedFeature],
    merged: dict[str, GridFeature],
    unreadable: set[str],
    errors: list[GridError],
) -> None:
    for item in items:
        feature = item.feature
        if feature.parent_code is None:
            if feature.level != 1:
                errors.append(
                    GridError(
                        f"{feature.level} 级网格缺少上级网格编码 parent (a level-{feature.level} grid needs a parent)",
                        item.index,
                        feature.code,
                    )
                )
            continue
        parent = merged.get(feature.parent_code)
        if parent is None and feature.parent_code in unreadable:
            continue  # the parent's own error says what is wrong
        if parent is None:
            errors.append(
                GridError(
                    f"上级网格编码 {feature.parent_code} 不存在 (unknown parent code {feature.parent_code})",
                    item.index,
                    feature.code,
                )
            )
        elif parent.level != feature.level - 1:
            errors.append(
                GridError(
                    f"上级网格 {parent.code} 是 {parent.level} 级，本网格却是 {feature.level} 级，应相差一级 "
                    f"(parent {parent.code} is level {parent.level}, so this grid must be level {parent.level + 1}, "
                    f"not {feature.level})",
                    item.index,
                    feature.code,
                )
            )


def _check_containment(
    merged: dict[str, GridFeature],
    index_of: dict[str, int],
    valid: set[str],
    tolerance: Tolerance,
    findings: Findings,
) -> None:
    """Each child that is new, or whose parent is new, must lie inside its parent (within the tolerance)."""
    errors = findings.errors
    for feature in merged.values():
        parent = merged.get(feature.parent_code) if feature.parent_code else None
        if parent is None or (feature.code not in index_of and parent.code not in index_of):
            continue
        if parent.level != feature.level - 1:
            if feature.code not in index_of:  # a grid in the store, under a parent the file changes
                errors.append(
                    GridError(
                        f"库中已有的下级网格是 {feature.level} 级，上级网格 {parent.code} 不能改为 {parent.level} 级 "
                        f"(a level-{feature.level} grid in the store sits under {parent.code}, "
                        f"which cannot become level {parent.level})",
                        index_of.get(parent.code),
                        feature.code,
                    )
                )
            continue
        if feature.code not in valid or parent.code not in valid:
            continue
        stray = measure_stray(
            _overlay(shapely.difference, feature.geometry, parent.geometry), feature.geometry
        )
        if stray is None:
            continue
        stored = "" if feature.code in index_of else "（库中已有的下级网格 a grid already in the store）"
        if tolerance.allows(stray):
            findings.warnings.append(
                GridWarning(
                    f"超出上级网格 {parent.code}「{parent.name}」{stray.describe()}，在容差之内 "
                    f"(lies outside its parent {parent.code}, within the tolerance){stored}",
                    feature.code,
                    index_of.get(feature.code),
                    stray,
                )
            )
        else:
            errors.append(
                GridError(
                    f"有 {stray.area_m2:,.1f} 平方米超出上级网格 {parent.code}「{parent.name}」 "
                    f"(lies {stray.area_m2:,.1f} m² outside its parent {parent.code}; "
                    f"{stray.width_m:,.1f} m wide, {stray.share:.2%} of the grid){stored}",
                    index_of.get(feature.code),
                    feature.code,
                )
            )


def _check_siblings(
    merged: dict[str, GridFeature],
    index_of: dict[str, int],
    valid: set[str],
    unreadable: set[str],
    tolerance: Tolerance,
    findings: Findings,
) -> None:
    """Siblings (same parent) must not overlap beyond the tolerance; one of each pair must come from the file."""
    families: dict[str | None, list[GridFeature]] = defaultdict(list)
    for feature in merged.values():
        parent = merged.get(feature.parent_code) if feature.parent_code else None
        if parent is not None:
            in_place = parent.level == feature.level - 1
        else:  # a level-1 grid, or the child of a feature that could not be read (still checked)
            in_place = feature.parent_code in unreadable if feature.parent_code else feature.level == 1
        if feature.code in valid and in_place:  # misplaced grids already have their error
            families[feature.parent_code].append(feature)
    for siblings in families.values():
        if len(siblings) < 2 or not any(s.code in index_of for s in siblings):
            continue
        geometries = np.array([s.geometry for s in siblings], dtype=object)
        tree = shapely.STRtree(geometries)
        left, right = tree.query(geometries, predicate="intersects")
        for i, j in zip(left.tolist(), right.tolist(), strict=True):
            a, b = siblings[i], siblings[j]
            if i >= j or (a.code not in index_of and b.code not in index_of):
                continue
            later, other = (a, b) if index_of.get(a.code, -1) > index_of.get(b.code, -1) else (b, a)
            smaller = min((a, b), key=lambda s: s.geometry.area)
            stray = measure_stray(_overlay(shapely.intersection, a.geometry, b.geometry), smaller.geometry)
            if stray is None:
                continue
            if tolerance.allows(stray):
                findings.warnings.append(
                    GridWarning(
                        f"与同级网格 {other.code}「{other.name}」重叠 {stray.describe()}，在容差之内 "
                        f"(overlaps sibling {other.code}, within the tolerance)",
                        later.code,
                        index_of.get(later.code),
                        stray,
                    )
                )
            else:
                findings.errors.append(
                    GridError(
                        f"与同级网格 {other.code}「{other.name}」重叠 {stray.area_m2:,.1f} 平方米 "
                        f"(overlaps sibling {other.code} by {stray.area_m2:,.1f} m²; "
                        f"{stray.width_m:,.1f} m wide, {stray.share:.2%} of the smaller grid)",
                        index_of.get(later.code),
                        later.code,
                    )
                )


def _overlay(operation, a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """An overlay that survives GEOS robustness failures on nearly coincident edges by snapping to 1 cm."""
    try:
        return operation(a, b)
    except GEOSException:
        return operation(a, b, grid_size=1e-7)


def significant_area_m2(geometry: BaseGeometry) -> float:
    """Square metres of the parts of `geometry` that are more than digitising noise (slivers, crumbs)."""
    if geometry.is_empty:
        return 0.0
    parts = polygon_parts(geometry)  # polygons only: shared edges and corners are fine
    if len(parts) == 0:
        return 0.0
    min_x, min_y, max_x, max_y = shapely.total_bounds(parts)
    metres = LocalMetres((min_x + max_x) / 2, (min_y + max_y) / 2).to_metres(parts)
    areas, perimeters = shapely.area(metres), shapely.length(metres)
    mean_width = 2 * areas / np.maximum(perimeters, 1e-12)
    counted = (areas > NOISE_AREA_M2) & (mean_width > SLIVER_WIDTH_M)
    return float(areas[counted].sum())
