"""MBTiles reading (TMS/XYZ rows, metadata, errors) and the Web Mercator maths it relies on."""

from __future__ import annotations

import math
import sqlite3

import pytest

from grid_map.mbtiles import CRS_GCJ02, CRS_WGS84, MBTiles, MBTilesError, write_mbtiles
from grid_map.projection import (
    HALF_WORLD,
    lonlat_to_mercator,
    mercator_to_lonlat,
    resolution,
    tile_at,
    tile_bounds,
    tiles_covering,
    xyz_to_tms_row,
    zoom_for_resolution,
)


def _raw_mbtiles(path, rows, metadata):
    """An MBTiles file written by hand, rows exactly as given (to check the reader's row flip)."""
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        connection.execute("CREATE TABLE tiles (zoom_level, tile_column, tile_row, tile_data BLOB)")
        connection.executemany("INSERT INTO metadata VALUES (?, ?)", metadata.items())
        connection.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", rows)
    connection.close()
    return path


def test_standard_file_stores_tms_rows_and_reader_answers_in_xyz(tmp_path):
    # Zoom 2 has rows 0..3; XYZ row 0 (north) is TMS row 3.
    path = _raw_mbtiles(
        tmp_path / "tms.mbtiles", [(2, 1, 3, b"north"), (2, 1, 0, b"south")], {"format": "png"}
    )
    tiles = MBTiles(path)
    assert tiles.info.scheme == "tms"
    assert tiles.tile(2, 1, 0) == b"north"
    assert tiles.tile(2, 1, 3) == b"south"
    assert tiles.tile(2, 2, 0) is None


def test_xyz_scheme_in_metadata_is_read_without_flip(tmp_path):
    path = _raw_mbtiles(tmp_path / "xyz.mbtiles", [(2, 1, 0, b"north")], {"scheme": "xyz"})
    assert MBTiles(path).tile(2, 1, 0) == b"north"


def test_written_file_round_trips_and_keeps_metadata(tmp_path):
    path = write_mbtiles(
        tmp_path / "a.mbtiles",
        [(15, 26721, 13100, b"A"), (16, 53442, 26200, b"B")],
        name="郑州",
        crs=CRS_GCJ02,
        bounds=(113.5, 34.6, 113.7, 34.8),
    )
    tiles = MBTiles(path)
    assert tiles.tile(15, 26721, 13100) == b"A"
    assert tiles.tile(16, 53442, 26200) == b"B"
    # Stored as TMS, as the MBTiles standard says.
    raw = sqlite3.connect(path).execute("SELECT tile_row FROM tiles WHERE zoom_level=15").fetchone()[0]
    assert raw == 2**15 - 1 - 13100
    assert tiles.info == tiles.info.__class__(
        name="郑州",
        image_format="png",
        min_zoom=15,
        max_zoom=16,
        bounds=(113.5, 34.6, 113.7, 34.8),
        scheme="tms",
        crs=CRS_GCJ02,
    )


def test_unknown_crs_falls_back_to_wgs84(tmp_path):
    path = _raw_mbtiles(tmp_path / "b.mbtiles", [(1, 0, 0, b"x")], {"crs": "bd09mc"})
    assert MBTiles(path).info.crs == CRS_WGS84


def test_missing_and_foreign_files_fail_in_plain_words(tmp_path):
    with pytest.raises(MBTilesError, match="不存在"):
        MBTiles(tmp_path / "none.mbtiles")
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(MBTilesError, match="不是有效的"):
        MBTiles(junk)
    empty = _raw_mbtiles(tmp_path / "empty.mbtiles", [], {})
    with pytest.raises(MBTilesError, match="没有瓦片"):
        MBTiles(empty)


def test_row_flip_is_its_own_inverse():
    for z in (0, 3, 17):
        for row in (0, 1, 2**z - 1):
            assert xyz_to_tms_row(z, xyz_to_tms_row(z, row)) == row


def test_mercator_round_trip_and_known_values():
    x, y = lonlat_to_mercator(180.0, 0.0)
    assert x == pytest.approx(HALF_WORLD)
    assert y == pytest.approx(0.0, abs=1e-6)
    lon, lat = mercator_to_lonlat(*lonlat_to_mercator(113.6, 34.7))
    assert (lon, lat) == pytest.approx((113.6, 34.7), abs=1e-9)


def test_tile_addressing_matches_the_slippy_map_formula():
    lon, lat, z = 113.6, 34.7, 16
    n = 2**z
    col = int((lon + 180) / 360 * n)
    row = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    assert tile_at(z, *lonlat_to_mercator(lon, lat)) == (col, row)
    min_x, min_y, max_x, max_y = tile_bounds(z, col, row)
    mx, my = lonlat_to_mercator(lon, lat)
    assert min_x <= mx < max_x and min_y < my <= max_y
    assert max_x - min_x == pytest.approx(resolution(z) * 256)
    assert zoom_for_resolution(resolution(z)) == pytest.approx(z)
    assert tiles_covering(z, min_x + 1, min_y + 1, max_x + 1, max_y - 1) == [(col, row), (col + 1, row)]
