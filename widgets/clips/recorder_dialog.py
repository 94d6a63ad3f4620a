"""录像机回放: a camera's recording played from its recorder (NVR, SD card) at a time the operator
picks on a day's timeline, in the same player as the event clips.

The recorder streams from the chosen minute on (`runtime/recorder_playback.py` builds the address from
the camera's playback setting and audits the viewing); moving on the timeline asks the recorder again
at the new time, as the vendors' own clients do, since a playback stream cannot seek.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.context import SiteContext
from runtime.recorder_playback import RecorderPlaybackError, recorder_address, recorder_cameras
from widgets.clips.player_view import ClipPlayerView, PlaybackSource
from widgets.clips.texts import tr

MINUTES_A_DAY = 24 * 60


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

    def done(self, result: int) -> None:
        self.view.stop()
        super().done(result)
