"""China's map coordinate systems: WGS-84 (GPS), GCJ-02 (Amap, Tencent) and BD-09 (Baidu).

GCJ-02 is WGS-84 shifted by the published "Mars" offset formula; BD-09 is a further polar tweak of
GCJ-02. Neither has a closed-form inverse, so the reverse directions refine the simple inversion by
fixed-point iteration until the forward formula lands within 1e-9 degree (~0.1 mm) of the input.
Outside China the offset is not applied (as every published implementation does). All functions
work on floats or numpy arrays; `to_wgs84` / `from_wgs84` convert whole shapely geometries.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import shapely
from numpy.typing import ArrayLike
from shapely.geometry.base import BaseGeometry

KRASOVSKY_A = 6378245.0  # semi-major axis of the Krasovsky 1940 ellipsoid GCJ-02 is defined on
KRASOVSKY_EE = 0.00669342162296594323  # its first eccentricity squared
BD_X_PI = np.pi * 3000.0 / 180.0
INVERSE_TOLERANCE = 1e-9  # degrees
MAX_ITERATIONS = 30


class Crs(StrEnum):
    """The coordinate systems an imported file may use."""

    WGS84 = "wgs84"
    GCJ02 = "gcj02"
    BD09 = "bd09"

    @property
    def zh(self) -> str:
        return {"wgs84": "WGS-84 (GPS)", "gcj02": "GCJ-02 (高德/腾讯)", "bd09": "BD-09 (百度)"}[self.value]


def out_of_china(lon: ArrayLike, lat: ArrayLike) -> np.ndarray:
    """True where the point lies outside the box the GCJ-02 offset applies to."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _offset_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _offset_lon(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """GPS coordinates to the GCJ-02 coordinates Amap and Tencent maps use."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    d_lat = _offset_lat(lon - 105.0, lat - 35.0)
    d_lon = _offset_lon(lon - 105.0, lat - 35.0)
    rad_lat = lat / 180.0 * np.pi
    magic = 1 - KRASOVSKY_EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrt_magic) * np.pi)
    d_lon = (d_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    outside = out_of_china(lon, lat)
    return np.where(outside, lon, lon + d_lon), np.where(outside, lat, lat + d_lat)


def gcj02_to_bd09(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 to the BD-09 coordinates Baidu maps use."""
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * BD_X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * BD_X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def _bd09_to_gcj02_estimate(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = lon - 0.0065, lat - 0.006
    z = np.sqrt(x * x + y * y) - 0.00002 * np.sin(y * BD_X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * BD_X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def _invert(forward, lon: ArrayLike, lat: ArrayLike, start) -> tuple[np.ndarray, np.ndarray]:
    """Solve forward(x) == target by fixed-point iteration x += target - forward(x)."""
    target_lon, target_lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    x_lon, x_lat = start(target_lon, target_lat)
    for _ in range(MAX_ITERATIONS):
        f_lon, f_lat = forward(x_lon, x_lat)
        e_lon, e_lat = target_lon - f_lon, target_lat - f_lat
        x_lon, x_lat = x_lon + e_lon, x_lat + e_lat
        if max(np.max(np.abs(e_lon), initial=0.0), np.max(np.abs(e_lat), initial=0.0)) < INVERSE_TOLERANCE:
            break
    return x_lon, x_lat


def gcj02_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 back to GPS coordinates (iterated to within 1e-9 degree)."""
    return _invert(wgs84_to_gcj02, lon, lat, lambda a, b: (a.copy(), b.copy()))


def bd09_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """BD-09 back to GCJ-02 (the published inverse, refined by iteration)."""
    return _invert(gcj02_to_bd09, lon, lat, _bd09_to_gcj02_estimate)


def wgs84_to_bd09(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


_TO_WGS84 = {Crs.WGS84: None, Crs.GCJ02: gcj02_to_wgs84, Crs.BD09: bd09_to_wgs84}
_FROM_WGS84 = {Crs.WGS84: None, Crs.GCJ02: wgs84_to_gcj02, Crs.BD09: wgs84_to_bd09}


def convert(
    lon: ArrayLike, lat: ArrayLike, source: Crs | str, target: Crs | str
) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates from one system to another, through WGS-84."""
    source, target = Crs(source), Crs(target)
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if source == target:
        return lon, lat
    to_wgs, from_wgs = _TO_WGS84[source], _FROM_WGS84[target]
    if to_wgs is not None:
        lon, lat = to_wgs(lon, lat)
    if from_wgs is not None:
        lon, lat = from_wgs(lon, lat)
    return lon, lat


def _geometry_converter(source: Crs, target: Crs):
    def transform(coords: np.ndarray) -> np.ndarray:
        lon, lat = convert(coords[:, 0], coords[:, 1], source, target)
        return np.column_stack((lon, lat))

    return transform


def to_wgs84(geometry: BaseGeometry, source: Crs | str) -> BaseGeometry:
    """A shapely geometry (or array of them) in `source` coordinates, converted to WGS-84."""
    source = Crs(source)
    return (
        geometry
        if source == Crs.WGS84
        else shapely.transform(geometry, _geometry_converter(source, Crs.WGS84))
    )


def from_wgs84(geometry: BaseGeometry, target: Crs | str) -> BaseGeometry:
    """A WGS-84 shapely geometry (or array of them) converted to `target` coordinates."""
    target = Crs(target)
    return (
        geometry
        if target == Crs.WGS84
        else shapely.transform(geometry, _geometry_converter(Crs.WGS84, target))
    )
