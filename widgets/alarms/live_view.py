"""The live picture of the camera nearest an alarm, inside the popup, as a Hikvision or Milestone
client shows the linked camera beside the alarm: the operator sees the place without leaving the popup.

The picture is an ordinary wall tile on the shared stream pool, so a camera already on the wall shows
at once, and it says 连接中 / 重连中 / 离线 like any tile. Double-click opens it maximised on the wall.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.site_clock import SiteClock
from video.cameras import CameraInfo
from video.pool import StreamPool
from widgets.plain_text import plain
from widgets.wall.tile import Tile

TILE_SIZE = QSize(360, 203)  # 16:9, the size of a 5x5 wall tile on a 1920 screen: the sub-stream fits


@dataclass(frozen=True)
class NearbyCamera:
    """The camera to show for an alarm; `distance_m` is None when the alarm came from that camera."""

    camera: CameraInfo
    distance_m: float | None


class AlarmLiveView(QWidget):
    """A caption and one live tile; `show_camera(None)` releases the stream and says no camera is near."""

    open_on_wall = Signal()  # the operator double-clicked the picture

    def __init__(self, pool: StreamPool, site_clock: SiteClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmLiveView")
        self.caption = QLabel(objectName="alarmLiveCaption")
        plain(self.caption)
        self.caption.setWordWrap(True)
        self.tile = Tile(pool, site_clock=site_clock)
        self.tile.setFixedSize(TILE_SIZE)
        self.tile.maximise_requested.connect(lambda _tile: self.open_on_wall.emit())
        self.hint = QLabel(objectName="alarmLiveHint")
        plain(self.hint)
        self.hint.setStyleSheet("color:#7a8699")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.tile)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._nearby: NearbyCamera | None = None
        self._retranslate()

    @property
    def camera(self) -> CameraInfo | None:
        return self.tile.camera

    def show_camera(self, nearby: NearbyCamera | None) -> None:
        self._nearby = nearby
        self.tile.set_camera(nearby.camera if nearby is not None else None)
        self._retranslate()

    def release(self) -> None:
        """Give the stream back (the popup closed); the next alarm picks its own camera."""
        self.show_camera(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        nearby = self._nearby
        if nearby is None:
            self.caption.setText(self.tr("附近没有摄像机"))
            self.hint.clear()
            return
        if nearby.distance_m is None:
            text = self.tr("告警摄像机：%1").replace("%1", nearby.camera.name)
        else:
            text = (
                self.tr("最近的摄像机：%1（约 %2 米）")
                .replace("%1", nearby.camera.name)
                .replace("%2", str(round(nearby.distance_m)))
            )
        self.caption.setText(text)
        self.hint.setText(self.tr("双击画面在视频墙上放大"))
