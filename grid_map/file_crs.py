"""What a GeoJSON file says about its own coordinates: the old `crs` member, and lat/lon swapped.

RFC 7946 dropped `crs`, but files exported by GIS tools (QGIS, ArcGIS, GDAL) still carry it, and a
file in Web Mercator metres (EPSG:3857) is common. Degrees (EPSG:4326, CRS84, CGCS2000 EPSG:4490,
which differs from WGS-84 by centimetres) are read as they are; Web Mercator is turned into degrees;
anything else is refused by name rather than read as nonsense.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from grid_map.feature import GridFeature

DEGREE_CODES = {"4326", "4490", "CRS84"}
MERCATOR_CODES = {"3857", "900913", "102100", "102113", "3785"}
MERCATOR_RADIUS = 6378137.0
# Where the product's sites are (China, with a margin): the area a file is checked against when the
# store holds no grid yet.
CHINA = box(73.0, 3.0, 136.0, 54.0)

CoordinateMap = Callable[[np.ndarray], np.ndarray]


class UnsupportedCrs(ValueError):
    """The file's `crs` member names a system this importer cannot read."""


def mercator_to_degrees(coords: np.ndarray) -> np.ndarray:
    """EPSG:3857 metres to lon/lat degrees (the spherical Web Mercator inverse)."""
    out = np.empty_like(coords, dtype=float)
    out[:, 0] = np.degrees(coords[:, 0] / MERCATOR_RADIUS)
    out[:, 1] = np.degrees(2 * np.arctan(np.exp(coords[:, 1] / MERCATOR_RADIUS)) - math.pi / 2)
    return out


def coordinate_map(collection: dict[str, Any]) -> CoordinateMap | None:
    """How to turn the file's coordinates into degrees: None when they already are.

    Raises UnsupportedCrs for a `crs` member naming anything but EPSG:4326 or EPSG:3857 (and aliases).
    """
    member = collection.get("crs")
    if member is None:
        return None
    name = member.get("properties", {}).get("name") if isinstance(member, dict) else None
    if not isinstance(name, str):
        raise UnsupportedCrs(
            'crs 成员无法识别，应为 {"type": "name", "properties": {"name": "EPSG:4326"}} '
            "(the crs member is not a named crs such as EPSG:4326)"
        )
    found = re.search(r"(?:EPSG:+(?:[\d.]*:+)?|OGC:+[\d.]*:+)(\w+)\s*$", name, re.IGNORECASE)
    code = found[1].upper() if found else name.strip().upper()
    if code in DEGREE_CODES:
        return None
    if code in MERCATOR_CODES:
        return mercator_to_degrees
    raise UnsupportedCrs(
        f"不支持文件声明的坐标参考系 {name}，只能读 EPSG:4326（经纬度）或 EPSG:3857（Web 墨卡托），"
        f"请先转换 (the file's crs {name} is not supported: use EPSG:4326 or EPSG:3857)"
    )


def in_degrees(geometry: BaseGeometry, to_degrees: CoordinateMap | None) -> BaseGeometry:
    return geometry if to_degrees is None else shapely.transform(geometry, to_degrees)


def site_area(existing: Iterable[GridFeature]) -> BaseGeometry:
    """The box of the store's grids, or China's when the store has none yet."""
    outlines = [f.geometry for f in existing if not f.geometry.is_empty]
    return box(*shapely.total_bounds(outlines)) if outlines else CHINA


def looks_swapped(geometry: BaseGeometry, area: BaseGeometry) -> bool:
    """True when the outline misses the site's area but would fall in it with lon and lat exchanged."""
    if geometry.is_empty or geometry.intersects(area):
        return False
    min_x, min_y, max_x, max_y = geometry.bounds
    return box(min_y, min_x, max_y, max_x).intersects(area)
