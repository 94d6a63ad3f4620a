"""回放: an alarm's clips played in a dialog of their own (PyAV), with play/pause and a scrub bar.

The clips are the sub-stream's own packets (640x360 or so), so decoding one frame per tick on the GUI
thread costs about a millisecond; a scrub seeks to the key frame before the place and decodes forward.
The bar's label says where the alarm was: "告警前 12.0 秒" / "告警后 3.0 秒". Opening a clip is audited
(`clip.view`), as the command line's export is.
"""

from __future__ import annotations

from fractions import Fraction

import av
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.config import Seat
from app.store import Database
from runtime.clip_library import ClipLibraryError, ClipLine, list_clips, open_clip
from runtime.clips import epoch

SLIDER_STEPS_PER_S = 10


class ClipPlayer(QDialog):
    """Plays the ready clips of one alarm; a camera chooser when it has several."""

    def __init__(self, db: Database, seat: Seat, alarm_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipPlayer")
        self.db, self.seat = db, seat
        self.clips = list_clips(db, alarm_id=alarm_id)
        self._container: av.container.InputContainer | None = None
        self._frames = None
        self._position = 0.0  # seconds from the clip's start of the frame on screen
        self._event_offset = 0.0
        self._timer = QTimer(self, interval=66)
        self._timer.timeout.connect(self._next_frame)
        self._build()
        self.setWindowTitle(self.tr("告警 %1 的录像回放").replace("%1", str(alarm_id)))
        if self.clips:
            self.open_clip(0)
        else:
            self.message.setText(self.tr("该告警还没有录像片段：正在录制，或附近没有本机画面墙上的摄像机"))

    def _build(self) -> None:
        self.picture = QLabel(objectName="clipPicture", alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(640, 360)
        self.picture.setStyleSheet("background:#000")
        self.cameras = QComboBox(objectName="clipCameras")
        for clip in self.clips:
            self.cameras.addItem(f"{clip.camera_name} · {clip.event_at:%H:%M:%S}")
        self.cameras.setVisible(len(self.clips) > 1)
        self.cameras.currentIndexChanged.connect(self.open_clip)
        self.play_button = QPushButton(self.tr("播放"), objectName="clipPlay")
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="clipSlider")
        self.slider.sliderReleased.connect(lambda: self.seek(self.slider.value() / SLIDER_STEPS_PER_S))
        self.where = QLabel(objectName="clipWhere")
        self.message = QLabel(objectName="clipMessage", wordWrap=True)
        controls = QHBoxLayout()
        for widget in (self.play_button, self.slider, self.where):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        for widget in (self.cameras, self.picture, self.message):
            layout.addWidget(widget)
        layout.addLayout(controls)

    # -- playing -----------------------------------------------------------------------------------
    def open_clip(self, index: int) -> None:
        self.pause()
        self._close_container()
        clip: ClipLine = self.clips[index]
        try:
            open_clip(self.db, self.seat, clip.id)
            self._container = av.open(clip.path)
        except (ClipLibraryError, OSError, av.error.FFmpegError) as error:
            self.message.setText(self.tr("无法打开录像片段：") + str(error))
            return
        stream = self._container.streams.video[0]
        self._time_base: Fraction = stream.time_base
        duration = clip.duration_s or 0.0
        self.slider.setRange(0, int(duration * SLIDER_STEPS_PER_S))
        self._event_offset = epoch(clip.event_at) - epoch(clip.starts_at) if clip.starts_at else 0.0
        note = self.tr("摄像机中途中断，片段只有中断前的画面。") + " " + clip.note if clip.dropped else ""
        self.message.setText(note)
        self.seek(0.0)

    def toggle(self) -> None:
        if self._timer.isActive():
            self.pause()
        elif self._container is not None:
            self._timer.start()
            self.play_button.setText(self.tr("暂停"))

    def pause(self) -> None:
        self._timer.stop()
        self.play_button.setText(self.tr("播放"))

    def seek(self, seconds: float) -> None:
        """Show the frame at `seconds` from the clip's start (the key frame before it, decoded forward)."""
        if self._container is None:
            return
        stream = self._container.streams.video[0]
        self._container.seek(int(seconds / self._time_base), stream=stream, backward=True, any_frame=False)
        self._frames = self._container.decode(stream)
        for frame in self._frames:
            if frame.time is None or frame.time >= seconds - 0.034:
                self._show(frame)
                return

    def _next_frame(self) -> None:
        frame = next(self._frames, None) if self._frames is not None else None
        if frame is None:
            self.pause()
            return
        self._show(frame)

    def _show(self, frame: av.VideoFrame) -> None:
        self._position = frame.time or 0.0
        rgb = frame.to_ndarray(format="rgb24")
        image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
        self.picture.setPixmap(
            QPixmap.fromImage(image.copy()).scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        if not self.slider.isSliderDown():
            self.slider.setValue(int(self._position * SLIDER_STEPS_PER_S))
        self.where.setText(self._relative(self._position - self._event_offset))

    def _relative(self, seconds: float) -> str:
        if seconds < 0:
            return self.tr("告警前 %1 秒").replace("%1", f"{-seconds:.1f}")
        return self.tr("告警后 %1 秒").replace("%1", f"{seconds:.1f}")

    @property
    def position(self) -> float:
        return self._position

    def _close_container(self) -> None:
        self._frames = None
        if self._container is not None:
            self._container.close()
            self._container = None

    def done(self, result: int) -> None:
        self.pause()
        self._close_container()
        super().done(result)
