"""The panels of one window working as one: the map opens cameras on the wall, the alarm popup shows
its place on the map and the nearest camera on the wall.

Each area's panel works on its own; this module only connects the hooks they expose, in the window
that holds them. It calls the panels directly rather than publishing on the hub, because the hub is
relayed to the other seats and a camera opened here must not jump up on every seat's wall.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from alarms.values import AlarmView
from grid_map.nearby import NEAREST_CAMERA_M, closest
from widgets.alarms.alarm_words import alarm_title
from widgets.alarms.live_view import NearbyCamera

MESSAGE_MS = 6000


def tr(text: str) -> str:
    return QCoreApplication.translate("PanelWiring", text)


class PanelHost(Protocol):
    """What the wiring needs of a window: its panels by key, a way to bring one up, its status bar."""

    panel_widgets: dict[str, QWidget]
    docks: dict[str, QDockWidget]

    def show_panel(self, key: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt name)


class PanelWiring(QObject):
    """Connects the map, the wall and the alarm popup of one window (a child of that window)."""

    def __init__(self, window: PanelHost) -> None:
        super().__init__(window if isinstance(window, QObject) else None)
        self.window = window
        self.map = self._panel("map", "cameraActivated")
        self.wall = self._panel("wall", "show_camera")
        alarms = self._panel("alarms", "desk")
        self.alarm_desk = getattr(alarms, "desk", None)
        if self.map is not None and self.wall is not None:
            self.map.cameraActivated.connect(self.show_camera)
        if self.alarm_desk is not None:
            self.alarm_desk.set_hooks(
                show_on_map=self.show_alarm_on_map if self.map is not None else None,
                show_camera=self.show_alarm_camera if self.wall is not None else None,
            )
            if self.wall is not None:
                self.alarm_desk.set_live_view(self.wall.pool, self.camera_near)
            if self.map is not None:
                self.alarm_desk.popup.set_keep_clear(self.map_on_screen)

    def _panel(self, key: str, needs: str) -> QWidget | None:
        """The area's panel if it was built and has the hook (a panel that failed shows its error)."""
        widget = self.window.panel_widgets.get(key)
        return widget if widget is not None and hasattr(widget, needs) else None

    def map_on_screen(self) -> QRect | None:
        """The map's dock in screen coordinates while it is shown (not closed, not behind a tab)."""
        dock = self.window.docks.get("map")
        if dock is None or not dock.isVisible() or dock.visibleRegion().isEmpty():
            return None
        return QRect(dock.mapToGlobal(QPoint(0, 0)), dock.size())

    def show_camera(self, camera_id: int) -> None:
        """The camera maximised on the wall, with the wall's dock in front."""
        if self.wall is None:
            return
        self.window.show_panel("wall")
        self.wall.show_camera(camera_id)

    def show_alarm_on_map(self, alarm: AlarmView) -> None:
        if self.map is None:
            return
        self.window.show_panel("map")
        if not self.map.show_place(alarm.lon, alarm.lat, alarm.grid_id, alarm_title(alarm)):
            self._say(tr("告警没有位置信息，无法在地图上显示"))

    def show_alarm_camera(self, alarm: AlarmView) -> None:
        nearby = self.camera_near(alarm)
        if nearby is None:
            self._say(tr("告警地点 %1 米内没有摄像机").replace("%1", str(int(NEAREST_CAMERA_M))))
            return
        self.show_camera(nearby.camera.id)

    def camera_near(self, alarm: AlarmView) -> NearbyCamera | None:
        """The alarm's own camera, else the wall's camera nearest its place (from memory: no query)."""
        cameras = self.wall.cameras if self.wall is not None else {}
        if alarm.camera_id in cameras:
            return NearbyCamera(cameras[alarm.camera_id], None)
        found = closest(cameras.values(), alarm.lon, alarm.lat)
        return NearbyCamera(*found) if found is not None else None

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)
