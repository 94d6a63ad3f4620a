"""回放: a dialog playing the ready clips of an alarm, an AI event or a ticket (a camera chooser when
there are several), with a snapshot (PNG) and an export (MP4), both watermarked.

A clip shows people, so it is handled as face data: opening one is audited (`clip.view`); a snapshot
and an export take its pictures away, so they need the permission of exporting personal data, are
audited (`clip.snapshot`, `clip.export`) and carry the watermark line (site, camera, event time, who,
when). The export re-encodes on its own thread (`video/clip_export.py`) while the player goes on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QPushButton, QVBoxLayout, QWidget

from app.config import Seat
from app.store import Database
from runtime.clip_exports import export_watermarked_clip, watermark_line
from runtime.clip_library import ClipLibraryError, ClipLine, may_export_clips, open_clip
from runtime.clips import epoch
from widgets.clips.player_view import ClipPlayerView, PlaybackSource
from widgets.clips.texts import tr
from widgets.clips.watermark import watermarked
from widgets.i18n import current_language


def source_of(line: ClipLine, event_word: str = "告警") -> PlaybackSource:
    offset = epoch(line.event_at) - epoch(line.starts_at) if line.starts_at else None
    return PlaybackSource(line.path, offset, event_word)


class _ExportThread(QThread):
    progressed = Signal(float)
    finished_with = Signal(str, str)  # the file written or "", the error or ""

    def __init__(self, db: Database, seat: Seat, clip_id: int, target: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.db, self.seat, self.clip_id, self.target = db, seat, clip_id, target
        self.language = current_language()  # asked on the GUI thread: the watermark's words

    def run(self) -> None:
        try:
            written = export_watermarked_clip(
                self.db, self.seat, self.clip_id, self.target, self.language, self.progressed.emit
            )
        except ClipLibraryError as error:
            self.finished_with.emit("", str(error))
            return
        self.finished_with.emit(str(written), "")


class ClipPlayerDialog(QDialog):
    """Plays `clips` (newest first); `empty_text` says why there is none."""

    def __init__(
        self,
        db: Database,
        seat: Seat,
        clips: list[ClipLine],
        title: str,
        empty_text: str,
        event_word: str = "告警",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clipPlayer")
        self.setWindowTitle(title)
        self.db, self.seat, self.clips, self.event_word = db, seat, clips, event_word
        self.export_thread: _ExportThread | None = None
        self.view = ClipPlayerView(self)
        self.view.opened.connect(self._say_dropped)
        self.cameras = QComboBox(objectName="clipCameras")
        for clip in clips:
            self.cameras.addItem(f"{clip.camera_name} · #{clip.id}")
        self.cameras.setVisible(len(clips) > 1)
        self.cameras.currentIndexChanged.connect(self.open_clip)
        self.snapshot_button = QPushButton(tr("截图"), objectName="clipSnapshot", clicked=self.ask_snapshot)
        self.export_button = QPushButton(tr("导出…"), objectName="clipExport", clicked=self.ask_export)
        allowed = may_export_clips(seat)
        for button in (self.snapshot_button, self.export_button):
            button.setEnabled(allowed and bool(clips))
            if not allowed:
                button.setToolTip(tr("录像含人脸，导出和截图须有导出个人信息的权限"))
            self.view.controls.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cameras)
        layout.addWidget(self.view, 1)
        self.resize(800, 560)
        if clips:
            self.open_clip(0)
        else:
            self.view.message.setText(empty_text)

    @property
    def clip(self) -> ClipLine | None:
        return self.clips[self.cameras.currentIndex()] if self.clips else None

    def open_clip(self, index: int) -> None:
        line = self.clips[index]
        try:
            open_clip(self.db, self.seat, line.id)
        except ClipLibraryError as error:
            self.view.message.setText(tr("无法打开录像：") + str(error))
            return
        self.view.open(source_of(line, self.event_word))

    def _say_dropped(self) -> None:
        """A clip whose camera stopped says so once its first picture is up."""
        if self.clip is not None and self.clip.dropped:
            self.view.message.setText(tr("摄像机中途中断，片段只有中断前的画面。") + " " + self.clip.note)

    # -- taking pictures away ----------------------------------------------------------------------
    def ask_snapshot(self) -> None:
        name = f"clip-{self.clip.id}-{self.view.position:.1f}s.png" if self.clip else "clip.png"
        path, _ = QFileDialog.getSaveFileName(self, tr("保存截图"), name, "PNG (*.png)")
        if path:
            self.snapshot(Path(path))

    def snapshot(self, target: Path) -> bool:
        """The frame on screen as a PNG with the watermark line; audited."""
        image = self.view.current_image()
        if self.clip is None or image.isNull():
            return False
        try:
            line = open_clip(self.db, self.seat, self.clip.id, purpose="snapshot")
        except ClipLibraryError as error:
            self.view.message.setText(str(error))
            return False
        text = watermark_line(self.db, self.seat, line, current_language())
        saved = watermarked(image, text).save(str(target), "PNG")
        self.view.message.setText((tr("截图已保存：") if saved else tr("截图保存失败：")) + str(target))
        return saved

    def ask_export(self) -> None:
        if self.clip is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("导出录像"), f"clip-{self.clip.id}.mp4", "MP4 (*.mp4)")
        if path:
            self.export(Path(path))

    def export(self, target: Path) -> _ExportThread | None:
        """Re-encode the clip with its watermark into `target` on a thread of its own."""
        if self.clip is None or self.export_thread is not None:
            return None
        thread = _ExportThread(self.db, self.seat, self.clip.id, target, self)
        thread.progressed.connect(
            lambda share: self.view.message.setText(tr("正在导出… %1%").replace("%1", f"{share * 100:.0f}"))
        )
        thread.finished_with.connect(self._exported)
        self.export_button.setEnabled(False)
        self.export_thread = thread
        thread.start()
        return thread

    def _exported(self, written: str, error: str) -> None:
        self.export_button.setEnabled(True)
        self.export_thread.wait()
        self.export_thread = None
        self.view.message.setText(tr("已导出：") + written if written else tr("导出失败：") + error)

    def done(self, result: int) -> None:
        if self.export_thread is not None:
            self.export_thread.wait()
        self.view.stop()
        super().done(result)
