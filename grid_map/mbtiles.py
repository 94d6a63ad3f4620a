"""Offline raster base maps from an MBTiles file (SQLite holding PNG/JPEG/WebP tiles).

MBTiles stores rows in the TMS scheme (row 0 in the south); the map asks in XYZ (row 0 in the north),
so rows are flipped unless the file's metadata says `scheme=xyz` (some exporters write that).
Tiles cut by Chinese providers are in GCJ-02; the metadata key `crs` (`wgs84` or `gcj02`) records
which, and the map shifts GCJ-02 tiles so WGS-84 grid outlines sit on the right streets.
No Qt here: tiles come back as encoded bytes.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from grid_map.crs import gcj02_to_wgs84, wgs84_to_gcj02
from grid_map.projection import (
    lonlat_to_mercator,
    mercator_to_lonlat,
    tile_bounds,
    tiles_covering,
    xyz_to_tms_row,
)

CRS_WGS84 = "wgs84"
CRS_GCJ02 = "gcj02"
KNOWN_CRS = (CRS_WGS84, CRS_GCJ02)


class MBTilesError(Exception):
    """The file is missing, not SQLite, or not an MBTiles tile set (said in plain words)."""


@dataclass(frozen=True)
class MBTilesInfo:
    name: str
    image_format: str  # png, jpg, webp
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # lon/lat: west, south, east, north
    scheme: str  # "tms" (the MBTiles standard) or "xyz"
    crs: str  # CRS_WGS84 or CRS_GCJ02


class MBTiles:
    """A read-only MBTiles tile set; safe to call from any thread."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MBTilesError(f"底图文件不存在: {self.path} (MBTiles file not found)")
        try:
            self._connection = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            metadata = dict(self._connection.execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._connection.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        except sqlite3.DatabaseError as error:
            raise MBTilesError(f"不是有效的 MBTiles 底图文件: {self.path} ({error})") from error
        if zooms[0] is None:
            raise MBTilesError(f"底图文件中没有瓦片: {self.path} (no tiles)")
        self._lock = threading.Lock()
        self.info = _info_from_metadata(metadata, self.path.stem, zooms)

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The encoded image of XYZ tile (z, x, y), or None when the file has no such tile."""
        row = y if self.info.scheme == "xyz" else xyz_to_tms_row(z, y)
        with self._lock:
            found = self._connection.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (z, x, row),
            ).fetchone()
        return bytes(found[0]) if found else None

    def close(self) -> None:
        with self._lock:
            self._connection.close()


def _info_from_metadata(metadata: dict[str, str], fallback_name: str, zooms: tuple[int, int]) -> MBTilesInfo:
    bounds = None
    if metadata.get("bounds"):
        try:
            west, south, east, north = (float(part) for part in metadata["bounds"].split(","))
            bounds = (west, south, east, north)
        except ValueError:
            bounds = None
    scheme = metadata.get("scheme", "tms").strip().lower()
    crs = metadata.get("crs", CRS_WGS84).strip().lower().replace("-", "")
    return MBTilesInfo(
        name=metadata.get("name", fallback_name),
        image_format=metadata.get("format", "png").lower(),
        min_zoom=int(metadata.get("minzoom", zooms[0])),
        max_zoom=int(metadata.get("maxzoom", zooms[1])),
        bounds=bounds,
        scheme="xyz" if scheme == "xyz" else "tms",
        crs=crs if crs in KNOWN_CRS else CRS_WGS84,
    )


def write_mbtiles(
    path: str | Path,
    tiles: Iterable[tuple[int, int, int, bytes]],
    *,
    name: str,
    image_format: str = "png",
    crs: str = CRS_WGS84,
    bounds: tuple[float, float, float, float] | None = None,
) -> Path:
    """Pack XYZ tiles (z, x, y, encoded image) into a standard (TMS-row) MBTiles file."""
    path = Path(path)
    path.unlink(missing_ok=True)
    rows = [(z, x, xyz_to_tms_row(z, y), data) for z, x, y, data in tiles]
    if not rows:
        raise MBTilesError("没有可写入的瓦片 (no tiles to write)")
    metadata = {
        "name": name,
        "format": image_format,
        "type": "baselayer",
        "version": "1.0",
        "minzoom": str(min(r[0] for r in rows)),
        "maxzoom": str(max(r[0] for r in rows)),
        "crs": crs,
    }
    if bounds is not None:
        metadata["bounds"] = ",".join(f"{value:.6f}" for value in bounds)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        connection.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        connection.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        connection.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    connection.close()
    return path


def tile_placement(z: int, x: int, y: int, crs: str) -> tuple[float, float, float, float]:
    """Where XYZ tile (z, x, y) belongs on a WGS-84 Web Mercator map: (min_x, min_y, max_x, max_y).

    A WGS-84 tile sits on its own bounds. A GCJ-02 tile shows the world shifted by the offset, so its
    corners are moved back to WGS-84; neighbouring tiles share corners and therefore meet without
    seams, and over one tile the offset changes by far less than a pixel.
    """
    bounds = tile_bounds(z, x, y)
    if crs != CRS_GCJ02:
        return bounds
    (west, south), (east, north) = (
        mercator_to_lonlat(bounds[0], bounds[1]),
        mercator_to_lonlat(bounds[2], bounds[3]),
    )
    lons, lats = gcj02_to_wgs84(np.array([west, east]), np.array([south, north]))
    min_x, min_y = lonlat_to_mercator(float(lons[0]), float(lats[0]))
    max_x, max_y = lonlat_to_mercator(float(lons[1]), float(lats[1]))
    return min_x, min_y, max_x, max_y


def tiles_for_view(z: int, view: tuple[float, float, float, float], crs: str) -> list[tuple[int, int]]:
    """XYZ tiles at zoom z needed to cover a WGS-84 Mercator view rectangle (min_x, min_y, max_x, max_y)."""
    min_x, min_y, max_x, max_y = view
    if crs == CRS_GCJ02:
        (west, south), (east, north) = mercator_to_lonlat(min_x, min_y), mercator_to_lonlat(max_x, max_y)
        lons, lats = wgs84_to_gcj02(np.array([west, east]), np.array([south, north]))
        min_x, min_y = lonlat_to_mercator(float(lons[0]), float(lats[0]))
        max_x, max_y = lonlat_to_mercator(float(lons[1]), float(lats[1]))
    return tiles_covering(z, min_x, min_y, max_x, max_y)
