"""A tile's context menu and the camera drag-and-drop that puts a camera on it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu

from video.cameras import CameraInfo

CameraMenu = Callable[[QMenu, CameraInfo], None]  # adds a camera's actions to a tile's context menu
CAMERA_MIME = "application/x-gcc-camera-id"


def camera_mime(camera_id: int) -> QMimeData:
    """What the camera list puts on a drag so a tile can accept it."""
    mime = QMimeData()
    mime.setData(CAMERA_MIME, str(camera_id).encode())
    return mime


class TileMenu:
    """The `Tile`'s right-click menu (with other areas' actions for its camera) and camera drops."""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        if menu is not None:
            menu.exec(event.globalPos())

    def context_menu(self) -> QMenu | None:
        """What right-clicking the tile offers (None on an empty tile)."""
        if self.camera is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("截图"), lambda: self.snapshot_requested.emit(self))
        if self._worker is not None:
            menu.addAction(
                self.tr("重新连接"), lambda: self._worker and self._worker.request_restart("operator")
            )
        menu.addAction(
            self.tr("还原") if self.zoom_enabled else self.tr("最大化"),
            lambda: self.maximise_requested.emit(self),
        )
        menu.addAction(self.tr("关闭画面"), lambda: self.cleared.emit(self))
        if self.camera_menu is not None:
            menu.addSeparator()
            self.camera_menu(menu, self.camera)
        return menu

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData().data(CAMERA_MIME)
        try:
            camera_id = int(bytes(data).decode())
        except ValueError:
            return
        event.acceptProposedAction()
        self.camera_dropped.emit(self, camera_id)
