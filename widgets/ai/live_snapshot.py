"""One picture from a camera's live main stream, to enrol a face from or to draw a camera's zones on.

The picture comes from the same capture pool the walls use, so a camera already on a wall is not
opened twice; a camera that gives no picture in time is reported in plain words, not waited on forever.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QMenu, QMessageBox, QToolButton, QWidget

from video.cameras import CameraInfo
from video.pool import Profile
from widgets.ai.enrol_dialog import EnrolDialog
from widgets.ai.zone_editor import ZoneEditorDialog
from widgets.plain_text import literal_html
from widgets.shell_context import ShellContext
from widgets.wall.shared import stream_pool_for

POLL_MS = 100
TIMEOUT_MS = 8000


class LiveSnapshot(QObject):
    """Asks for a camera's next picture; emits `taken(bgr)` once, or `failed(reason)`."""

    taken = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        context: ShellContext,
        camera: CameraInfo,
        parent: QObject | None = None,
        timeout_ms: int = TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.camera = camera
        self.timeout_ms = timeout_ms
        self._pool = stream_pool_for(context)
        self._worker = self._pool.acquire(camera.stream(Profile.MAIN))
        self._waited_ms = 0
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        frame = self._worker.latest_frame()
        if frame is not None:
            self._finish()
            self.taken.emit(np.ascontiguousarray(frame.bgr()))
            return
        self._waited_ms += POLL_MS
        if self._waited_ms >= self.timeout_ms:
            self._finish()
            self.failed.emit(
                self.tr("摄像机“%1”在 %2 秒内没有画面，请检查其连接状态。")
                .replace("%1", self.camera.name)
                .replace("%2", str(self.timeout_ms // 1000))
            )

    def _finish(self) -> None:
        self._timer.stop()
        if self._worker is not None:
            self._pool.release(self._worker)
            self._worker = None


class LiveActions(QWidget):
    """A camera picker with 从画面登记人脸 / 编辑区域: the AI screens that start from a live picture."""

    def __init__(
        self, context: ShellContext, parent: QWidget | None = None, timeout_ms: int = TIMEOUT_MS
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.timeout_ms = timeout_ms
        self.cameras = context.reads.ai.cameras()
        self.picker = QComboBox()
        for camera in self.cameras:
            self.picker.addItem(camera.name, camera.id)
        self.button = QToolButton()
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.enrol_action = menu.addAction("", lambda: self.take(self._enrol))
        self.zone_action = menu.addAction("", lambda: self.take(self._zones))
        self.button.setMenu(menu)
        self.button.setEnabled(bool(self.cameras))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.button)
        self.snapshot: LiveSnapshot | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.button.setText(self.tr("从画面"))
        self.enrol_action.setText(self.tr("登记人脸…"))
        self.zone_action.setText(self.tr("编辑区域…"))
        self.picker.setToolTip(self.tr("取这台摄像机的实时画面"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def take(self, then: Callable[[CameraInfo, np.ndarray], QDialog]) -> None:
        """Grab the chosen camera's next picture, then open the dialog `then` makes of it."""
        camera = self.cameras[self.picker.currentIndex()]
        self.button.setEnabled(False)
        self.snapshot = LiveSnapshot(self.context, camera, self, self.timeout_ms)
        self.snapshot.taken.connect(lambda bgr: self._open(then(camera, bgr)))
        self.snapshot.failed.connect(self._failed)

    def _open(self, dialog: QDialog) -> None:
        self.button.setEnabled(True)
        _show(dialog)

    def _failed(self, reason: str) -> None:
        self.button.setEnabled(True)
        _warn(self, reason)

    def _enrol(self, _camera: CameraInfo, bgr: np.ndarray) -> QDialog:
        return EnrolDialog.from_snapshot(self.context, bgr, self)

    def _zones(self, camera: CameraInfo, bgr: np.ndarray) -> QDialog:
        return ZoneEditorDialog.from_snapshot(self.context, camera.id, bgr, self)


class TileLiveActions:
    """登记人脸 / 编辑区域 in a wall tile's context menu, from that tile's camera's live picture.

    Enrolment is offered for every camera (a resident may pass any of them); zones only for AI
    cameras, the only ones whose zones are watched. Dialogs belong to the tile's window, so a tile
    that changes camera or layout meanwhile does not take an open dialog with it.
    """

    def __init__(self, context: ShellContext, timeout_ms: int = TIMEOUT_MS) -> None:
        self.context = context
        self.timeout_ms = timeout_ms
        self._waiting: set[LiveSnapshot] = set()

    def __call__(self, menu: QMenu, camera: CameraInfo) -> None:
        window = menu.parentWidget().window() if menu.parentWidget() is not None else None
        menu.addAction(_tr("登记人脸…"), lambda: self.take(camera, window, self._enrol))
        if camera.ai_enabled:
            menu.addAction(_tr("编辑区域…"), lambda: self.take(camera, window, self._zones))

    def take(
        self,
        camera: CameraInfo,
        window: QWidget | None,
        then: Callable[[CameraInfo, np.ndarray, QWidget | None], QDialog],
    ) -> LiveSnapshot:
        """Grab the camera's next picture, then open the dialog `then` makes of it (or say why not)."""
        snapshot = LiveSnapshot(self.context, camera, window, self.timeout_ms)
        self._waiting.add(snapshot)  # held here until it answers, whoever else lets go of it

        def taken(bgr: np.ndarray) -> None:
            self._waiting.discard(snapshot)
            snapshot.deleteLater()
            _show(then(camera, bgr, window))

        def failed(reason: str) -> None:
            self._waiting.discard(snapshot)
            snapshot.deleteLater()
            _warn(window, reason)

        snapshot.taken.connect(taken)
        snapshot.failed.connect(failed)
        return snapshot

    def _enrol(self, _camera: CameraInfo, bgr: np.ndarray, window: QWidget | None) -> QDialog:
        return EnrolDialog.from_snapshot(self.context, bgr, window)

    def _zones(self, camera: CameraInfo, bgr: np.ndarray, window: QWidget | None) -> QDialog:
        return ZoneEditorDialog.from_snapshot(self.context, camera.id, bgr, window)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LiveActions", text)


def _show(dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def _warn(parent: QWidget | None, reason: str) -> None:
    QMessageBox.warning(parent, _tr("无法取得画面"), literal_html(reason))
