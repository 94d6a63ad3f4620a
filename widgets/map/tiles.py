"""The optional raster base map under the grids, read from an offline MBTiles file.

Tiles are decoded once into QPixmaps and kept in a small LRU cache; the zoom level is the one whose
pixels best match the view, clamped to what the file holds (beyond its deepest level tiles are
scaled up). GCJ-02 tiles are placed where `grid_map.mbtiles.tile_placement` says, so WGS-84 grid
outlines land on the right streets.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPixmap

from grid_map.mbtiles import MBTiles, tile_placement, tiles_for_view
from grid_map.projection import zoom_for_resolution
from widgets.map.viewport import Viewport

CACHE_TILES = 384
MAX_TILES_PER_VIEW = 160  # far out of the file's zoom range a view would need thousands: draw none


class TileLayer:
    def __init__(self, tiles: MBTiles, crs: str | None = None) -> None:
        self.tiles = tiles
        self.crs = crs or tiles.info.crs
        self._pixmaps: OrderedDict[tuple[int, int, int], QPixmap | None] = OrderedDict()

    def zoom_for(self, viewport: Viewport) -> int:
        wanted = round(zoom_for_resolution(1.0 / viewport.scale))
        return max(self.tiles.info.min_zoom, min(self.tiles.info.max_zoom, wanted))

    def _pixmap(self, z: int, x: int, y: int) -> QPixmap | None:
        key = (z, x, y)
        if key in self._pixmaps:
            self._pixmaps.move_to_end(key)
            return self._pixmaps[key]
        data = self.tiles.tile(z, x, y)
        pixmap = None
        if data is not None:
            pixmap = QPixmap()
            if not pixmap.loadFromData(data):
                pixmap = None
        self._pixmaps[key] = pixmap
        if len(self._pixmaps) > CACHE_TILES:
            self._pixmaps.popitem(last=False)
        return pixmap

    def draw(self, painter: QPainter, viewport: Viewport) -> None:
        z = self.zoom_for(viewport)
        view = viewport.map_rect()
        # Map coordinates have y pointing down; Mercator's y points up.
        wanted = tiles_for_view(z, (view.left(), -view.bottom(), view.right(), -view.top()), self.crs)
        if len(wanted) > MAX_TILES_PER_VIEW:
            return
        painter.save()
        painter.setTransform(viewport.transform())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for x, y in wanted:
            pixmap = self._pixmap(z, x, y)
            if pixmap is None:
                continue
            min_x, min_y, max_x, max_y = tile_placement(z, x, y, self.crs)
            target = QRectF(min_x, -max_y, max_x - min_x, max_y - min_y)
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
        painter.restore()

    def close(self) -> None:
        self._pixmaps.clear()
        self.tiles.close()
