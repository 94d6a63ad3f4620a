"""Web Mercator (EPSG:3857) maths for the map: lon/lat <-> metres <-> XYZ tiles.

The map draws in Web Mercator metres so grid outlines keep their shape and raster tiles from any
XYZ source line up with them. Pure functions on floats and numpy arrays; no Qt here.
"""

from __future__ import annotations

import math

import numpy as np

EARTH_RADIUS = 6378137.0  # WGS-84 semi-major axis, the sphere Web Mercator uses
HALF_WORLD = math.pi * EARTH_RADIUS  # 20037508.342789244 m: the world spans [-HALF_WORLD, HALF_WORLD]
MAX_LATITUDE = 85.0511287798066  # where Web Mercator becomes square
TILE_SIZE = 256


def lonlat_to_mercator(lon: float, lat: float) -> tuple[float, float]:
    """WGS-84 degrees to Web Mercator metres (x east, y north)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = math.radians(lon) * EARTH_RADIUS
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * EARTH_RADIUS
    return x, y


def mercator_to_lonlat(x: float, y: float) -> tuple[float, float]:
    """Web Mercator metres back to WGS-84 degrees."""
    lon = math.degrees(x / EARTH_RADIUS)
    lat = math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2)
    return lon, lat


def lonlat_array_to_mercator(coords: np.ndarray) -> np.ndarray:
    """An (n, 2) array of lon/lat degrees to an (n, 2) array of Web Mercator metres."""
    lon = coords[:, 0]
    lat = np.clip(coords[:, 1], -MAX_LATITUDE, MAX_LATITUDE)
    x = np.radians(lon) * EARTH_RADIUS
    y = np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) * EARTH_RADIUS
    return np.column_stack((x, y))


def resolution(zoom: float) -> float:
    """Metres per pixel of a 256-pixel tile pyramid at `zoom` (Mercator metres, not ground metres)."""
    return 2 * HALF_WORLD / (TILE_SIZE * 2.0**zoom)


def zoom_for_resolution(metres_per_pixel: float) -> float:
    """The (fractional) tile zoom whose pixels are `metres_per_pixel` wide."""
    return math.log2(2 * HALF_WORLD / (TILE_SIZE * metres_per_pixel))


def tile_bounds(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """Mercator bounds (min_x, min_y, max_x, max_y) of XYZ tile (z, x, y); y counts down from the north."""
    span = 2 * HALF_WORLD / 2**z
    min_x = -HALF_WORLD + x * span
    max_y = HALF_WORLD - y * span
    return min_x, max_y - span, min_x + span, max_y


def tile_at(z: int, mx: float, my: float) -> tuple[int, int]:
    """The XYZ column and row of the tile that holds Mercator point (mx, my) at zoom z."""
    n = 2**z
    span = 2 * HALF_WORLD / n
    col = int(math.floor((mx + HALF_WORLD) / span))
    row = int(math.floor((HALF_WORLD - my) / span))
    return min(max(col, 0), n - 1), min(max(row, 0), n - 1)


def tiles_covering(z: int, min_x: float, min_y: float, max_x: float, max_y: float) -> list[tuple[int, int]]:
    """XYZ (column, row) of every tile at zoom z that touches the Mercator rectangle."""
    col0, row0 = tile_at(z, min_x, max_y)
    col1, row1 = tile_at(z, max_x, min_y)
    return [(col, row) for row in range(row0, row1 + 1) for col in range(col0, col1 + 1)]


def xyz_to_tms_row(z: int, row: int) -> int:
    """Flip a row between the XYZ scheme (row 0 in the north) and TMS (row 0 in the south).

    The flip is its own inverse, so the same function turns a TMS row back into an XYZ row.
    """
    return (1 << z) - 1 - row
