"""The camera list beside the wall: cameras grouped by grid, a search box, a dot for each stream's state.

Drag a camera onto a tile to show it there; double-click to bring it up maximised.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from video.cameras import CameraInfo
from video.status import StreamState
from widgets.plain_text import literal_html
from widgets.wall.tile_menu import camera_mime

ROLE_CAMERA = Qt.ItemDataRole.UserRole + 1
STATE_COLOURS = {
    StreamState.LIVE: "#35c27a",
    StreamState.CONNECTING: "#3da5ff",
    StreamState.RECONNECTING: "#f0b429",
    StreamState.OFFLINE: "#ef5350",
    StreamState.ERROR: "#ef5350",
}


class CameraTree(QTreeWidget):
    """The tree itself: puts the camera id on drags."""

    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        camera_id = items[0].data(0, ROLE_CAMERA) if items else None
        return camera_mime(int(camera_id)) if camera_id is not None else QMimeData()

    def mimeTypes(self) -> list[str]:
        return ["application/x-gcc-camera-id"]


class CameraList(QWidget):
    camera_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(placeholderText=self.tr("搜索摄像机"), clearButtonEnabled=True)
        self.tree = CameraTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self._filter)
        self.tree.itemDoubleClicked.connect(self._activated)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._cameras: dict[int, CameraInfo] = {}

    def _label(self, camera: CameraInfo) -> str:
        return "● " + camera.name + (self.tr(" · 智能") if camera.ai_enabled else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.search.setPlaceholderText(self.tr("搜索摄像机"))
            for camera_id, item in self._items.items():
                item.setText(0, self._label(self._cameras[camera_id]))
        super().changeEvent(event)

    def set_cameras(self, cameras: list[CameraInfo]) -> None:
        self.tree.clear()
        self._items.clear()
        self._cameras = {camera.id: camera for camera in cameras}
        groups: dict[str, QTreeWidgetItem] = {}
        for camera in cameras:
            group = groups.get(camera.grid_name)
            if group is None:
                group = QTreeWidgetItem([camera.grid_name])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[camera.grid_name] = group
                self.tree.addTopLevelItem(group)
            item = QTreeWidgetItem([self._label(camera)])
            item.setData(0, ROLE_CAMERA, camera.id)
            item.setToolTip(0, literal_html(camera.display_url))
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
            )
            item.setForeground(0, QBrush(QColor("#7a8699")))
            group.addChild(item)
            self._items[camera.id] = item
        self.tree.expandAll()

    def set_states(self, states: dict[int, StreamState]) -> None:
        """Colour each camera's dot by its stream state (grey: not being shown)."""
        for camera_id, item in self._items.items():
            state = states.get(camera_id)
            item.setForeground(0, QBrush(QColor(STATE_COLOURS.get(state, "#7a8699") if state else "#7a8699")))

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            visible = 0
            for child_index in range(group.childCount()):
                child = group.child(child_index)
                hit = not needle or needle in child.text(0).lower() or needle in group.text(0).lower()
                child.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)

    def _activated(self, item: QTreeWidgetItem) -> None:
        camera_id = item.data(0, ROLE_CAMERA)
        if camera_id is not None:
            self.camera_activated.emit(int(camera_id))
