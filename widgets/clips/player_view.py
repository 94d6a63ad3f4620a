"""The picture and the transport of the clip player: play, pause, scrub, a frame forward or back,
0.5x to 4x, and a jump to the event's moment (marked red on the scrub bar).

Decoding runs on `DecodingThread`; this view only asks for pictures and paints them. Playing is a
timer at the clip's frame interval over the speed asking for the next frame when the last one has
arrived, so a slow decode lowers the frame rate instead of piling up requests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from widgets.clips.decoder import DecodingThread
from widgets.clips.scrub_bar import ScrubBar
from widgets.clips.texts import tr

SPEEDS = (0.5, 1.0, 2.0, 4.0)


@dataclass(frozen=True)
class PlaybackSource:
    """What the player shows: a clip's file or a recorder's playback URL, and where its event was."""

    location: str
    event_offset: float | None  # seconds from the start; None: no event to jump to (NVR by time)
    event_word: str = "告警"  # "告警前 3.0 秒" / "事件前 3.0 秒": translated source text
    origin: datetime | None = None  # the site's wall-clock time of the first frame (NVR by time)


class ClipPlayerView(QWidget):
    opened = Signal()  # the first picture of a source is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decoder = DecodingThread(self)
        self.decoder.opened.connect(self._on_opened)
        self.decoder.picture.connect(self._on_picture)
        self.decoder.ended.connect(self._on_ended)
        self.decoder.failed.connect(self._on_failed)
        self.source: PlaybackSource | None = None
        self._image = QImage()
        self._position = 0.0
        self._interval = 1 / 15
        self._speed = 1.0
        self._awaiting_first = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._build()

    def _build(self) -> None:
        self.picture = QLabel(objectName="clipPicture", alignment=Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 270)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("background:#000")
        self.message = QLabel(objectName="clipMessage", wordWrap=True)
        self.slider = ScrubBar(self)
        self.slider.sliderMoved.connect(lambda _value: self.seek(self.slider.seconds()))
        self.slider.sliderReleased.connect(lambda: self.seek(self.slider.seconds()))
        self.where = QLabel(objectName="clipWhere")
        self.play_button = QPushButton(tr("播放"), objectName="clipPlay", clicked=self.toggle)
        self.back_button = QPushButton("◀|", objectName="clipStepBack", clicked=lambda: self.step(-1))
        self.back_button.setToolTip(tr("后退一帧"))
        self.forward_button = QPushButton("|▶", objectName="clipStepForward", clicked=lambda: self.step(1))
        self.forward_button.setToolTip(tr("前进一帧"))
        self.event_button = QPushButton(tr("跳到事件时刻"), objectName="clipJump", clicked=self.jump_to_event)
        self.speed = QComboBox(objectName="clipSpeed")
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda index: self.set_speed(SPEEDS[index]))
        self.controls = QHBoxLayout()
        for widget in (
            self.play_button,
            self.back_button,
            self.forward_button,
            self.speed,
            self.event_button,
        ):
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.controls.addWidget(self.where)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.slider)
        layout.addLayout(self.controls)
        self._enable(False)

    def _enable(self, ready: bool) -> None:
        seekable = ready and self.slider.maximum() > 0
        for widget in (self.play_button, self.forward_button, self.speed):
            widget.setEnabled(ready)
        self.back_button.setEnabled(seekable)
        self.event_button.setEnabled(
            seekable and self.source is not None and self.source.event_offset is not None
        )

    # -- asking ------------------------------------------------------------------------------------
    def open(self, source: PlaybackSource) -> None:
        self.pause()
        self.source = source
        self._image = QImage()
        self._position = 0.0
        self._awaiting_first = True
        self.slider.set_mark(source.event_offset)
        self.message.setText(tr("正在打开录像…"))
        self._enable(False)
        self.decoder.open(source.location)

    def toggle(self) -> None:
        if self._timer.isActive():
            self.pause()
        elif not self._image.isNull():
            self._timer.start(max(1, int(self._interval * 1000 / self._speed)))
            self.play_button.setText(tr("暂停"))

    def pause(self) -> None:
        self._timer.stop()
        self.play_button.setText(tr("播放"))

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def seek(self, seconds: float) -> None:
        if not self._image.isNull():
            self.decoder.seek(seconds)

    def step(self, frames: int) -> None:
        """One frame forward (the next decoded) or back (re-sought from its key frame); pauses."""
        self.pause()
        if self._image.isNull():
            return
        if frames > 0:
            self.decoder.advance()
        else:
            self.decoder.step_back()

    def set_speed(self, speed: float) -> None:
        self._speed = speed
        if self.speed.currentData() != speed:
            self.speed.setCurrentIndex(SPEEDS.index(speed))
        if self._timer.isActive():
            self._timer.setInterval(max(1, int(self._interval * 1000 / speed)))

    @property
    def speed_factor(self) -> float:
        return self._speed

    def jump_to_event(self) -> None:
        if self.source is not None and self.source.event_offset is not None:
            self.seek(self.source.event_offset)

    def _tick(self) -> None:
        if not self.decoder.busy:
            self.decoder.advance()

    # -- answers -----------------------------------------------------------------------------------
    def _on_opened(self, duration: float | None, interval: float, _seekable: bool) -> None:
        self._interval = interval
        self.slider.set_length(duration)

    def _on_picture(self, seconds: float, image: QImage) -> None:
        self._position, self._image = seconds, image
        self._paint()
        self.slider.show_position(seconds)
        self.where.setText(self._relative(seconds))
        if self._awaiting_first:
            self._awaiting_first = False
            self.message.setText("")
            self._enable(True)
            self.opened.emit()

    def _on_ended(self) -> None:
        self.pause()
        if self._awaiting_first:
            self._on_failed(tr("录像中没有画面"))

    def _on_failed(self, reason: str) -> None:
        self.pause()
        self._awaiting_first = False
        self.message.setText(tr("无法打开录像：") + reason)
        self._enable(False)

    def _relative(self, seconds: float) -> str:
        if self.source is not None and self.source.origin is not None:
            return f"{self.source.origin + timedelta(seconds=seconds):%Y-%m-%d %H:%M:%S}"
        if self.source is None or self.source.event_offset is None:
            return f"{seconds:.1f} s"
        word = tr(self.source.event_word)
        offset = seconds - self.source.event_offset
        if offset < 0:
            return tr("%1前 %2 秒").replace("%1", word).replace("%2", f"{-offset:.1f}")
        return tr("%1后 %2 秒").replace("%1", word).replace("%2", f"{offset:.1f}")

    def _paint(self) -> None:
        if self._image.isNull():
            return
        self.picture.setPixmap(
            QPixmap.fromImage(self._image).scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._paint()

    @property
    def position(self) -> float:
        return self._position

    def current_image(self) -> QImage:
        """The frame on screen at the clip's own size (null before the first picture)."""
        return self._image

    def stop(self) -> None:
        self.pause()
        self.decoder.stop()
