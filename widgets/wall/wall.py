"""The wall: tiles arranged by a layout, cameras dropped onto them, a tour, and one tile maximised.

Maximising a tile hides the others (their pictures stop being converted; their streams keep running
so restoring is instant) and switches it to the camera's main stream; restoring goes back to the sub
stream. The wall owns no streams itself: tiles acquire them from the shared `StreamPool`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from app.site_clock import SiteClock
from video.cameras import CameraInfo
from video.layouts import PRESETS, WallLayout
from video.pool import Profile, StreamPool
from video.snapshot import save_snapshot
from video.status import StreamState
from widgets.wall.frame_clock import FrameClock
from widgets.wall.tile import OverlayPainter, Tile
from widgets.wall.tile_menu import CameraMenu


class VideoWall(QWidget):
    layout_changed = Signal(object)  # WallLayout
    snapshot_saved = Signal(str)  # path
    message = Signal(str)  # a short notice for the status line (errors in plain words)

    def __init__(
        self,
        pool: StreamPool,
        cameras: Callable[[], dict[int, CameraInfo]],
        site_clock: SiteClock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = pool
        self.site_clock = site_clock
        self._cameras = cameras
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.setStyleSheet("background: #05080c;")
        self.frame_clock = FrameClock(self)  # one timer brings new pictures to every tile
        self.tiles: list[Tile] = []
        self._layout: WallLayout = PRESETS["4"]
        self.maximised: Tile | None = None
        self.selected: Tile | None = None
        self._tour_timer = QTimer(self, timeout=self._tour_step)
        self._tour_cameras: list[int] = []
        self._tour_position = 0
        self._overlay_for: Callable[[CameraInfo], OverlayPainter | None] | None = None
        self._camera_menu: CameraMenu | None = None
        self.apply_layout(self._layout)

    # ---- layout and cameras -----------------------------------------------------------------------
    @property
    def current_layout(self) -> WallLayout:
        """The layout with the cameras now on the tiles."""
        return self._layout.with_cameras([tile.camera.id if tile.camera else None for tile in self.tiles])

    def apply_layout(self, layout: WallLayout, keep_cameras: bool = True) -> None:
        """Arrange tiles for `layout`; cameras stay in reading order unless the layout names its own."""
        self.restore()
        previous = [tile.camera.id if tile.camera else None for tile in self.tiles]
        wanted = list(layout.cameras) if layout.cameras else (previous if keep_cameras else [])
        while len(self.tiles) > layout.tile_count:
            tile = self.tiles.pop()
            tile.close_stream()
            # out of the grid and hidden now: until Qt deletes it (only once an event loop runs it
            # does; a screenshot's settling does not) it would keep a thin row or column of the wall
            self._grid.removeWidget(tile)
            tile.hide()
            tile.deleteLater()
        while len(self.tiles) < layout.tile_count:
            self.tiles.append(self._new_tile(len(self.tiles)))
        for stretch_index in range(max(self._grid.rowCount(), self._grid.columnCount())):
            self._grid.setRowStretch(stretch_index, 0)
            self._grid.setColumnStretch(stretch_index, 0)
        for tile, cell in zip(self.tiles, layout.cells, strict=True):
            self._grid.removeWidget(tile)
            self._grid.addWidget(tile, cell.row, cell.col, cell.row_span, cell.col_span)
            tile.show()
        for row in range(layout.rows):
            self._grid.setRowStretch(row, 1)
        for col in range(layout.cols):
            self._grid.setColumnStretch(col, 1)
        self._layout = layout
        cameras = self._cameras()
        for index, tile in enumerate(self.tiles):
            camera_id = wanted[index] if index < len(wanted) else None
            self._show_on(tile, cameras.get(camera_id) if camera_id is not None else None)
        self.layout_changed.emit(self.current_layout)

    def _new_tile(self, index: int) -> Tile:
        tile = Tile(self.pool, index, self, self.frame_clock, self.site_clock)
        tile.camera_menu = self._camera_menu
        tile.maximise_requested.connect(self.toggle_maximise)
        tile.camera_dropped.connect(lambda target, camera_id: self.put_camera(target.index, camera_id))
        tile.selected.connect(self._select)
        tile.snapshot_requested.connect(self.snapshot)
        tile.cleared.connect(lambda target: self._show_on(target, None))
        return tile

    def put_camera(self, index: int, camera_id: int | None) -> None:
        """Show a camera on tile `index` (what dropping a camera from the list does)."""
        if not 0 <= index < len(self.tiles):
            return
        camera = self._cameras().get(camera_id) if camera_id is not None else None
        self._show_on(self.tiles[index], camera)
        self.layout_changed.emit(self.current_layout)

    def fill(self, camera_ids: list[int]) -> None:
        """Put these cameras on the tiles in order (the rest empty)."""
        cameras = self._cameras()
        for index, tile in enumerate(self.tiles):
            camera_id = camera_ids[index] if index < len(camera_ids) else None
            self._show_on(tile, cameras.get(camera_id) if camera_id is not None else None)
        self.layout_changed.emit(self.current_layout)

    def refresh_cameras(self) -> None:
        """Tiles whose camera was edited reopen it; a deleted camera's tile empties; the rest keep playing."""
        cameras = self._cameras()
        for tile in self.tiles:
            if tile.camera is not None and cameras.get(tile.camera.id) != tile.camera:
                self._show_on(tile, cameras.get(tile.camera.id))
        self.layout_changed.emit(self.current_layout)

    def _show_on(self, tile: Tile, camera: CameraInfo | None) -> None:
        tile.set_camera(camera, Profile.MAIN if tile is self.maximised else Profile.SUB)
        tile.set_overlay_painter(self._overlay_for(camera) if camera and self._overlay_for else None)

    def set_overlay_source(self, overlay_for: Callable[[CameraInfo], OverlayPainter | None] | None) -> None:
        """Who draws over each camera's picture (the AI overlay); asked again whenever a tile changes camera."""
        self._overlay_for = overlay_for
        for tile in self.tiles:
            tile.set_overlay_painter(overlay_for(tile.camera) if overlay_for and tile.camera else None)

    def set_camera_menu(self, camera_menu: CameraMenu | None) -> None:
        """Other areas' actions in every tile's context menu (the AI's 登记人脸 / 编辑区域)."""
        self._camera_menu = camera_menu
        for tile in self.tiles:
            tile.camera_menu = camera_menu

    def show_camera(self, camera_id: int) -> None:
        """Bring a camera up maximised (the map's "live view" and alarm pop-ups use this)."""
        camera = self._cameras().get(camera_id)
        if camera is None:
            self.message.emit(
                QCoreApplication.translate("Wall", "找不到摄像机 %1").replace("%1", str(camera_id))
            )
            return
        self.restore()
        tile = next((t for t in self.tiles if t.camera and t.camera.id == camera_id), None)
        if tile is None:
            tile = self.selected if self.selected in self.tiles else self.tiles[0]
            self._show_on(tile, camera)
        self.toggle_maximise(tile)

    # ---- maximise and zoom ------------------------------------------------------------------------
    def toggle_maximise(self, tile: Tile) -> None:
        if self.maximised is tile:
            self.restore()
            return
        self.restore()
        if tile.camera is None:
            return
        self.maximised = tile
        for other in self.tiles:
            if other is not tile:
                other.hide()
        self._grid.removeWidget(tile)
        self._grid.addWidget(tile, 0, 0, self._layout.rows, self._layout.cols)
        self._grid.activate()
        tile.set_zoom_enabled(True)
        tile.switch_profile(Profile.MAIN)

    def restore(self) -> None:
        tile = self.maximised
        if tile is None:
            return
        self.maximised = None
        tile.set_zoom_enabled(False)
        tile.switch_profile(Profile.SUB)
        cell = self._layout.cells[self.tiles.index(tile)]
        self._grid.removeWidget(tile)
        self._grid.addWidget(tile, cell.row, cell.col, cell.row_span, cell.col_span)
        for other in self.tiles:
            other.show()
        self._grid.activate()

    def _select(self, tile: Tile) -> None:
        if self.selected is not None and self.selected in self.tiles:
            self.selected.set_selected(False)
        self.selected = tile
        tile.set_selected(True)

    # ---- tour (轮巡) -------------------------------------------------------------------------------
    def start_tour(self, camera_ids: list[int], interval_s: float) -> None:
        """Page through `camera_ids` a screenful at a time, every `interval_s` seconds."""
        self._tour_cameras = list(camera_ids)
        self._tour_position = 0
        if not self._tour_cameras:
            return
        self._tour_step()
        self._tour_timer.start(int(interval_s * 1000))

    def stop_tour(self) -> None:
        self._tour_timer.stop()

    @property
    def touring(self) -> bool:
        return self._tour_timer.isActive()

    def _tour_step(self) -> None:
        cameras, count = self._tour_cameras, len(self.tiles)
        if not cameras:
            return
        page = [cameras[(self._tour_position + i) % len(cameras)] for i in range(min(count, len(cameras)))]
        self._tour_position = (self._tour_position + count) % len(cameras)
        self.restore()
        self.fill(page)

    # ---- snapshot and health ----------------------------------------------------------------------
    def snapshot(self, tile: Tile | None = None) -> None:
        tile = tile or self.maximised or self.selected
        if tile is None or tile.worker is None or tile.camera is None:
            self.message.emit(QCoreApplication.translate("Wall", "请先选择一个有画面的窗格"))
            return
        try:
            path = save_snapshot(tile.worker, tile.camera.name, tile.site_clock)
        except (RuntimeError, OSError) as error:
            self.message.emit(str(error))
            return
        self.snapshot_saved.emit(str(path))
        self.message.emit(QCoreApplication.translate("Wall", "截图已保存: %1").replace("%1", str(path)))

    def live_count(self) -> tuple[int, int]:
        """(live, shown) cameras on this wall."""
        shown = [tile for tile in self.tiles if tile.camera is not None]
        live = sum(1 for tile in shown if (status := tile.status()) and status.state is StreamState.LIVE)
        return live, len(shown)

    def close_streams(self) -> None:
        """Release every tile's streams; call before the wall is destroyed (closeEvent does)."""
        self.stop_tour()
        for tile in self.tiles:
            tile.close_stream()

    def reopen_streams(self) -> None:
        for tile in self.tiles:
            tile.reopen_stream()

    def closeEvent(self, event) -> None:
        self.close_streams()
        super().closeEvent(event)
