"""录像机回放: a camera's recording played from its recorder (NVR, SD card) at a time the operator
picks on a day's timeline, in the same player as the event clips.

The recorder streams from the chosen minute on (`runtime/recorder_playback.py` builds the address from
the camera's playback setting and audits the viewing); moving on the timeline asks the recorder again
at the new time, as the vendors' own clients do, since a playback stream cannot seek. A snapshot and
an export (a span from the picture on screen, saved as the recorder plays it, then watermarked:
`runtime/recorder_exports.py`) are taken as from an event clip: permitted, audited, watermarked.
"""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from runtime.clip_library import ClipLibraryError, may_export_clips
from runtime.recorder_exports import MAX_EXPORT_S, export_recorder_span, recorder_snapshot_line
from runtime.recorder_playback import RecorderPlaybackError, recorder_address, recorder_cameras
from widgets.clips.player_view import ClipPlayerView, PlaybackSource
from widgets.clips.texts import tr
from widgets.clips.watermark import watermarked
from widgets.i18n import current_language

MINUTES_A_DAY = 24 * 60
EXPORT_DEFAULT_S = 60


class _RecorderExportThread(QThread):
    progressed = Signal(str, float)  # "record" or "mark", the share done
    finished_with = Signal(str, str)  # the file written or "", the error or a note on a short span

    def __init__(
        self, site: SiteContext, camera_id: int, start: datetime, seconds: int, target: Path, parent
    ):
        super().__init__(parent)
        self.site, self.camera_id, self.start_at, self.seconds, self.target = (
            site,
            camera_id,
            start,
            seconds,
            target,
        )
        self.language = current_language()  # asked on the GUI thread: the watermark's words
        self.stop_event = threading.Event()

    def run(self) -> None:
        try:
            done = export_recorder_span(
                self.site,
                self.camera_id,
                self.start_at,
                self.seconds,
                self.target,
                self.language,
                self.progressed.emit,
                self.stop_event,
            )
        except (ClipLibraryError, RecorderPlaybackError) as error:
            self.finished_with.emit("", str(error))
            return
        self.finished_with.emit(str(done.path), f"{done.seconds:.0f}" if done.short else "")


class RecorderPlaybackDialog(QDialog):
    def __init__(self, site: SiteContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recorderPlayback")
        self.setWindowTitle(tr("录像机回放（按时间）"))
        self.site = site
        self.cameras = QComboBox(objectName="recorderCameras")
        for camera in recorder_cameras(site):
            self.cameras.addItem(f"{camera.name} · {camera.playback[:24]}", camera.id)
        self.day = QDateEdit(QDate(site.clock.today()), calendarPopup=True, objectName="recorderDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.timeline = QSlider(Qt.Orientation.Horizontal, objectName="recorderTimeline")
        self.timeline.setRange(0, MINUTES_A_DAY - 1)
        self.timeline.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.timeline.setTickInterval(60)
        self.timeline.setPageStep(60)
        self.timeline.valueChanged.connect(self._show_chosen)
        # playing already: a new place on the timeline asks the recorder again from there
        self.timeline.sliderReleased.connect(lambda: self.view.source is not None and self.play())
        self.chosen = QLabel(objectName="recorderChosen")
        self.play_button = QPushButton(tr("从此时播放"), objectName="recorderPlay", clicked=self.play)
        self.view = ClipPlayerView(self)
        self.export_thread: _RecorderExportThread | None = None
        self._add_takeaway_buttons()
        picker = QHBoxLayout()
        for widget in (self.cameras, self.day, self.chosen, self.play_button):
            picker.addWidget(widget)
        hours = QHBoxLayout()
        for hour in range(0, 25, 3):
            hours.addWidget(QLabel(f"{hour:02d}:00"))
            if hour < 24:
                hours.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.timeline)
        layout.addLayout(hours)
        layout.addWidget(self.view, 1)
        now = site.clock.now()
        self.timeline.setValue(max(0, now.hour * 60 + now.minute - 10))
        self._show_chosen()
        if self.cameras.count() == 0:
            self.play_button.setEnabled(False)
            self.view.message.setText(
                tr("没有设置录像回放的摄像机：在“设置 › 摄像机”中为摄像机选择录像机类型")
            )
        self.resize(860, 620)

    def chosen_time(self) -> datetime:
        """The picked minute in the site's time (naive)."""
        minutes = self.timeline.value()
        return datetime.combine(self.day.date().toPython(), time(minutes // 60, minutes % 60))

    def set_time(self, local: datetime) -> None:
        self.day.setDate(QDate(local.date()))
        self.timeline.setValue(local.hour * 60 + local.minute)

    def _show_chosen(self) -> None:
        self.chosen.setText(f"{self.chosen_time():%H:%M}")

    def play(self) -> str | None:
        """Ask the recorder for the chosen camera from the chosen minute; the address opened."""
        camera_id = self.cameras.currentData()
        if camera_id is None:
            return None
        local = self.chosen_time()
        start = self.site.clock.to_utc(local)
        try:
            address = recorder_address(self.site, camera_id, start)
        except RecorderPlaybackError as error:
            self.view.message.setText(str(error))
            return None
        self.view.open(PlaybackSource(address, None, origin=local))
        return address

    # -- taking pictures away (as from an event clip: permitted, audited, watermarked) --------------
    def _add_takeaway_buttons(self) -> None:
        self.snapshot_button = QPushButton(
            tr("截图"), objectName="recorderSnapshot", clicked=self.ask_snapshot
        )
        self.export_seconds = QSpinBox(objectName="recorderExportSeconds")
        self.export_seconds.setRange(1, MAX_EXPORT_S)
        self.export_seconds.setValue(EXPORT_DEFAULT_S)
        self.export_seconds.setSuffix(tr(" 秒"))
        self.export_seconds.setToolTip(tr("导出从当前画面起的时长：录像机按原速发送，1 分钟约需 1 分钟"))
        self.export_button = QPushButton(tr("导出…"), objectName="recorderExport", clicked=self.ask_export)
        allowed = may_export_clips(self.site.seat)
        for widget in (self.snapshot_button, self.export_seconds, self.export_button):
            widget.setEnabled(False)  # until a picture is on screen
            if not allowed:
                widget.setToolTip(tr("录像含人脸，导出和截图须有导出个人信息的权限"))
            self.view.controls.addWidget(widget)
        self.view.opened.connect(lambda: self._allow_takeaway(allowed))

    def _allow_takeaway(self, allowed: bool) -> None:
        for widget in (self.snapshot_button, self.export_seconds):
            widget.setEnabled(allowed)
        self.export_button.setEnabled(allowed and self.export_thread is None)

    def shown_time(self) -> datetime | None:
        """The picture on screen's moment (naive UTC), None before one is shown."""
        source = self.view.source
        if source is None or source.origin is None or self.view.current_image().isNull():
            return None
        local = source.origin + timedelta(seconds=int(self.view.position))
        return self.site.clock.to_utc(local).replace(tzinfo=None)

    def ask_snapshot(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("保存截图"), "recording.png", "PNG (*.png)")
        if path:
            self.snapshot(Path(path))

    def snapshot(self, target: Path) -> bool:
        """The picture on screen as a PNG with the watermark line; audited."""
        at, camera_id = self.shown_time(), self.cameras.currentData()
        if at is None or camera_id is None:
            return False
        try:
            text = recorder_snapshot_line(self.site, camera_id, at, current_language())
        except (ClipLibraryError, RecorderPlaybackError) as error:
            self.view.message.setText(str(error))
            return False
        saved = watermarked(self.view.current_image(), text).save(str(target), "PNG")
        self.view.message.setText((tr("截图已保存：") if saved else tr("截图保存失败：")) + str(target))
        return saved

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出录像"), "recording.mp4", "MP4 (*.mp4)")
        if path:
            self.export(Path(path))

    def export(self, target: Path) -> _RecorderExportThread | None:
        """Ask the recorder again from the picture on screen and save the span, watermarked, into
        `target` on a thread of its own while the player goes on."""
        start, camera_id = self.shown_time(), self.cameras.currentData()
        if start is None or camera_id is None or self.export_thread is not None:
            return None
        thread = _RecorderExportThread(self.site, camera_id, start, self.export_seconds.value(), target, self)
        thread.progressed.connect(self._say_progress)
        thread.finished_with.connect(self._exported)
        self.export_button.setEnabled(False)
        self.export_thread = thread
        thread.start()
        return thread

    def _say_progress(self, stage: str, share: float) -> None:
        text = tr("正在从录像机录制… %1%") if stage == "record" else tr("正在加水印… %1%")
        self.view.message.setText(text.replace("%1", f"{share * 100:.0f}"))

    def _exported(self, written: str, note: str) -> None:
        self.export_thread.wait()
        self.export_thread = None
        self.export_button.setEnabled(True)
        if not written:
            self.view.message.setText(tr("导出失败：") + note)
            return
        text = tr("已导出：") + written
        if note:
            text += " " + tr("（录像机只发来 %1 秒）").replace("%1", note)
        self.view.message.setText(text)

    def done(self, result: int) -> None:
        if self.export_thread is not None:
            self.export_thread.stop_event.set()
            self.export_thread.wait()
        self.view.stop()
        super().done(result)
