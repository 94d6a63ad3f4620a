"""Reads a grid file: a GeoJSON FeatureCollection whose features carry code, name, level and parent.

Reading collects every problem (bad JSON, missing or ill-typed properties, wrong geometry types,
coordinates outside lon/lat range) instead of stopping at the first, then hands the grids to the
validator so one run tells the user everything that must be fixed. Coordinates in GCJ-02 or BD-09
are converted to WGS-84 here, so everything downstream is WGS-84.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import shape

from grid_map.clip import clip_to_parents
from grid_map.crs import Crs, to_wgs84
from grid_map.feature import GridFeature
from grid_map.file_crs import (
    CoordinateMap,
    UnsupportedCrs,
    coordinate_map,
    in_degrees,
    looks_swapped,
    site_area,
)
from grid_map.tolerance import DEFAULT_TOLERANCE, Tolerance
from grid_map.validate import MAX_LEVEL, GridError, GridFileError, GridWarning, IndexedFeature, check_features

POLYGON_TYPES = ("Polygon", "MultiPolygon")


@dataclass(frozen=True)
class GridRead:
    """A file's grids in WGS-84 (clipped to their parents when asked) and what was tolerated in them."""

    features: list[GridFeature]
    warnings: list[GridWarning]


def read_grid_file(
    path: str | Path, crs: Crs | str = Crs.WGS84, existing: Iterable[GridFeature] = ()
) -> list[GridFeature]:
    """The grids of a GeoJSON file in WGS-84, checked together with `existing` (the store's grids).

    Raises GridFileError listing every problem when anything is wrong.
    """
    return read_grids(path, crs, existing).features


def read_grids(
    path: str | Path,
    crs: Crs | str = Crs.WGS84,
    existing: Iterable[GridFeature] = (),
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    clip: bool = False,
) -> GridRead:
    """Read and check a grid file: errors raise GridFileError (all of them), warnings come back.

    Boundary strays within `tolerance` are warnings; `clip` trims each child of the file to its parent.
    """
    existing = list(existing)
    items, errors = load_grid_file(path, crs)
    findings = check_features(items, existing, {e.code for e in errors if e.code}, tolerance)
    errors += findings.errors
    if errors:
        raise GridFileError(str(path), errors)
    area = site_area(existing)
    swapped = [
        GridWarning(
            "坐标不在本站点范围内，经纬度似乎颠倒了，请核对 "
            "(the outline lies outside the site's area but would fall inside it with lon and lat swapped)",
            item.feature.code,
            item.index,
        )
        for item in items
        if looks_swapped(item.feature.geometry, area)
    ]
    features = [item.feature for item in items]
    if clip:
        features = clip_to_parents(features, existing)
    return GridRead(features, swapped + findings.warnings)


def load_grid_file(
    path: str | Path, crs: Crs | str = Crs.WGS84
) -> tuple[list[IndexedFeature], list[GridError]]:
    """Parse a file into grids and the errors found while reading (not yet validated as a tree)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        return [], [GridError(f"无法读取文件 (cannot read the file: {error.strerror or error})")]
    except UnicodeDecodeError as error:
        return [], [GridError(f"文件不是 UTF-8 编码 (the file is not UTF-8: byte {error.start})")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [
            GridError(
                f"不是有效的 JSON：{error.msg} (not valid JSON: {error.msg})",
                place=f"第 {error.lineno} 行第 {error.colno} 列 (line {error.lineno}, column {error.colno})",
            )
        ]
    return parse_feature_collection(data, crs)


def parse_feature_collection(
    data: Any, crs: Crs | str = Crs.WGS84
) -> tuple[list[IndexedFeature], list[GridError]]:
    """Grids from a decoded GeoJSON object, converted from `crs` to WGS-84, plus every reading error."""
    crs = Crs(crs)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], [
            GridError("顶层必须是 FeatureCollection (the top level must be a GeoJSON FeatureCollection)")
        ]
    features = data.get("features")
    if not isinstance(features, list):
        return [], [
            GridError("FeatureCollection 缺少 features 数组 (the FeatureCollection has no features array)")
        ]
    try:
        to_degrees = coordinate_map(data)
    except UnsupportedCrs as error:
        return [], [GridError(str(error))]
    items: list[IndexedFeature] = []
    errors: list[GridError] = []
    for index, raw in enumerate(features):
        feature, problems = _parse_feature(index, raw, crs, to_degrees)
        errors += problems
        if feature is not None:
            items.append(IndexedFeature(index, feature))
    if not features:
        errors.append(GridError("文件中没有任何网格 (the file holds no features)"))
    return items, errors


def _parse_feature(
    index: int, raw: Any, crs: Crs, to_degrees: CoordinateMap | None
) -> tuple[GridFeature | None, list[GridError]]:
    if not isinstance(raw, dict) or raw.get("type") != "Feature":
        return None, [GridError("不是 GeoJSON Feature (not a GeoJSON Feature)", index)]
    properties = raw.get("properties")
    if not isinstance(properties, dict):
        return None, [GridError("缺少 properties (the feature has no properties)", index)]
    code = properties.get("code")
    code = code if isinstance(code, str) and code.strip() else None
    errors = [GridError(message, index, code) for message in _property_problems(properties)]
    geometry, geometry_error = _parse_geometry(raw.get("geometry"), crs, to_degrees)
    if geometry_error:
        errors.append(GridError(geometry_error, index, code))
    if errors:
        return None, errors
    parent = properties.get("parent")
    address = properties.get("address")
    feature = GridFeature(
        code=properties["code"].strip(),
        name=properties["name"].strip(),
        level=properties["level"],
        parent_code=parent.strip() if isinstance(parent, str) and parent.strip() else None,
        geometry=geometry,
        address=address.strip() if isinstance(address, str) and address.strip() else None,
    )
    return feature, []


def _property_problems(properties: dict[str, Any]) -> list[str]:
    problems = []
    for key, zh in (("code", "编码"), ("name", "名称")):
        value = properties.get(key)
        if value is None:
            problems.append(f"缺少属性 {key}（{zh}） (missing property {key})")
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                f"属性 {key}（{zh}）应为非空字符串，实际为 {json.dumps(value, ensure_ascii=False)} "
                f"(property {key} must be a non-empty string)"
            )
    level = properties.get("level")
    if level is None:
        problems.append("缺少属性 level（网格级别） (missing property level)")
    elif isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
        problems.append(
            f"属性 level（网格级别）应为 1-{MAX_LEVEL} 的整数，实际为 {json.dumps(level, ensure_ascii=False)} "
            f"(property level must be an integer 1-{MAX_LEVEL})"
        )
    parent = properties.get("parent")
    if parent is not None and not isinstance(parent, str):
        problems.append(
            f"属性 parent（上级编码）应为字符串，实际为 {json.dumps(parent, ensure_ascii=False)} "
            "(property parent must be a string: the parent's code)"
        )
    elif level == 1 and isinstance(parent, str) and parent.strip():
        problems.append(f"1 级网格不应有上级网格，parent 为 {parent} (a level-1 grid has no parent)")
    address = properties.get("address")
    if address is not None and not isinstance(address, str):
        problems.append(
            f"属性 address（楼栋地址）应为字符串，实际为 {json.dumps(address, ensure_ascii=False)} "
            "(property address must be a string: the building's address)"
        )
    return problems


def _parse_geometry(raw: Any, crs: Crs, to_degrees: CoordinateMap | None):
    """(WGS-84 geometry, None) or (None, what is wrong with it)."""
    if not isinstance(raw, dict):
        return None, "缺少几何图形 geometry (the feature has no geometry)"
    kind = raw.get("type")
    if kind not in POLYGON_TYPES:
        return (
            None,
            f"几何类型 {kind} 不支持，只能是 Polygon 或 MultiPolygon (geometry type {kind} is not a polygon)",
        )
    try:
        geometry = in_degrees(shapely.force_2d(shape(raw)), to_degrees)
    except (GEOSException, ValueError, TypeError, IndexError, KeyError, AttributeError) as error:
        return None, f"坐标无法解析 (cannot read the coordinates: {error})"
    coords = shapely.get_coordinates(geometry)
    if not _in_range(coords):
        hint = (
            "；交换后在范围内，经纬度似乎颠倒了 (they look swapped: latitude first)"
            if _in_range(coords[:, ::-1])
            else ""
        )
        return (
            None,
            f"坐标超出经纬度范围，应为经度、纬度（度） (coordinates must be longitude, latitude in degrees){hint}",
        )
    return to_wgs84(geometry, crs), None


def _in_range(coords: np.ndarray) -> bool:
    return bool(
        np.isfinite(coords).all() and (abs(coords[:, 0]) <= 180).all() and (abs(coords[:, 1]) <= 90).all()
    )
