"""The MBTiles base map lands where it should: a GCJ-02 tile set is shifted onto WGS-84 positions.

Tiles are painted here with a red mark at a known place (its WGS-84 or its GCJ-02 position) on blue
ground; the map is then drawn centred on the true WGS-84 point and the pixel there must be red.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

from grid_map.crs import wgs84_to_gcj02
from grid_map.mbtiles import CRS_GCJ02, CRS_WGS84, MBTiles, write_mbtiles
from grid_map.projection import lonlat_to_mercator, resolution, tile_at, tile_bounds
from widgets.map.scene import lonlat_to_map
from widgets.map.tiles import TileLayer
from widgets.map.viewport import Viewport

pytestmark = pytest.mark.gui

Z = 16
TRUE_POINT = (113.6, 34.7)  # WGS-84, inside the demo district
RED, BLUE = QColor(230, 20, 20), QColor(20, 40, 200)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def _tiles_marking(lon: float, lat: float) -> list[tuple[int, int, int, bytes]]:
    """Blue tiles around (lon, lat) at zoom Z, with a red 9 x 9 pixel mark exactly at that point."""
    mx, my = lonlat_to_mercator(lon, lat)
    col, row = tile_at(Z, mx, my)
    out = []
    for x in range(col - 2, col + 3):
        for y in range(row - 2, row + 3):
            image = QImage(256, 256, QImage.Format.Format_RGB32)
            image.fill(BLUE)
            if (x, y) == (col, row):
                min_x, _min_y, _max_x, max_y = tile_bounds(Z, x, y)
                px = int((mx - min_x) / resolution(Z))
                py = int((max_y - my) / resolution(Z))
                painter = QPainter(image)
                painter.fillRect(px - 4, py - 4, 9, 9, RED)
                painter.end()
            out.append((Z, x, y, _png(image)))
    return out


def _pixel_at_true_point(layer: TileLayer) -> QColor:
    centre = lonlat_to_map(*TRUE_POINT)
    viewport = Viewport(centre, 1.0 / resolution(Z), 600, 400)  # one tile pixel per screen pixel
    image = QImage(600, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0))
    painter = QPainter(image)
    layer.draw(painter, viewport)
    painter.end()
    return image.pixelColor(viewport.to_screen(centre).toPoint())


def _is_red(colour: QColor) -> bool:
    return colour.red() > 180 and colour.blue() < 80


def test_gcj02_tiles_are_shifted_onto_the_true_position(qtbot, tmp_path):
    gcj_lon, gcj_lat = (float(v) for v in wgs84_to_gcj02(*TRUE_POINT))
    shift = lonlat_to_mercator(gcj_lon, gcj_lat)[0] - lonlat_to_mercator(*TRUE_POINT)[0]
    assert shift / resolution(Z) > 100  # the offset is hundreds of metres: a wrong placement shows
    path = write_mbtiles(
        tmp_path / "amap.mbtiles", _tiles_marking(gcj_lon, gcj_lat), name="gcj", crs=CRS_GCJ02
    )
    tiles = MBTiles(path)
    assert _is_red(_pixel_at_true_point(TileLayer(tiles)))  # metadata says GCJ-02: shifted back
    assert not _is_red(_pixel_at_true_point(TileLayer(tiles, CRS_WGS84)))  # taken as WGS-84: misplaced


def test_wgs84_tiles_sit_on_their_own_bounds(qtbot, tmp_path):
    path = write_mbtiles(tmp_path / "osm.mbtiles", _tiles_marking(*TRUE_POINT), name="wgs", crs=CRS_WGS84)
    tiles = MBTiles(path)
    assert _is_red(_pixel_at_true_point(TileLayer(tiles)))
    assert not _is_red(_pixel_at_true_point(TileLayer(tiles, CRS_GCJ02)))


def test_the_panel_opens_a_base_map_and_keeps_its_crs(panel, tmp_path):
    gcj_lon, gcj_lat = (float(v) for v in wgs84_to_gcj02(*TRUE_POINT))
    path = write_mbtiles(
        tmp_path / "amap.mbtiles", _tiles_marking(gcj_lon, gcj_lat), name="gcj", crs=CRS_GCJ02
    )
    panel.open_basemap(path)
    assert panel.tools.crs_box.currentData() == CRS_GCJ02
    assert panel.canvas.content.basemap is panel.tile_layer
    centre = lonlat_to_map(*TRUE_POINT)
    panel.canvas.set_viewport(
        Viewport(centre, 1.0 / resolution(Z), panel.canvas.width(), panel.canvas.height())
    )
    image = panel.canvas.grab().toImage()
    pixel = image.pixelColor(panel.canvas.viewport.to_screen(centre).toPoint())
    assert pixel.red() > pixel.blue()  # red mark under a translucent grid fill
    panel.tools.crs_box.setCurrentIndex(panel.tools.crs_box.findData(CRS_WGS84))
    assert panel.tile_layer.crs == CRS_WGS84
    assert panel.canvas.content.basemap is panel.tile_layer
