"""设置 → 摄像机: the site's cameras listed, added, edited and deleted, tested and read over ONVIF.

Reads go through the runtime's read model (`runtime/read/cameras.py`), writes through the core's
`CameraStore`, which checks, seals the password, audits and announces the change (every wall reloads).
Store work and network work run on worker threads: a dead camera's test waits for its open timeout
without freezing the window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.events import Topic
from runtime.read.cameras import CameraCatalogue, CameraRow
from video.camera_store import CameraFormError, CameraStore
from video.onvif import OnvifError, OnvifStreams
from video.opening import StreamFailure
from video.probe import ProbeResult
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.settings.camera_form import CameraFormView
from widgets.shell_context import ShellContext


def tr(text: str) -> str:
    return QCoreApplication.translate("CameraSettings", text)


class CameraSettingsDialog(QDialog):
    """The list on the left, the selected camera's form on the right."""

    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraSettings")
        self.catalogue = CameraCatalogue(context.site)
        self.store = CameraStore(context.site)
        self.store_jobs = Jobs(self)
        self.network_jobs = Jobs(self, threads=2)  # a test and an ONVIF read may run together
        self.cameras: list[CameraRow] = []
        self.current_id: int | None = None
        self._saved_note = ""
        self.camera_list = QListWidget()
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.save_button, self.close_button = QPushButton(), QPushButton()
        self.message = QLabel(wordWrap=True)
        plain(self.message)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_view = CameraFormView()
        self._build()
        self.camera_list.currentRowChanged.connect(self._selected)
        self.add_button.clicked.connect(self.new_camera)
        self.delete_button.clicked.connect(self.delete_camera)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.form_view.test_button.clicked.connect(self.test_connection)
        self.form_view.onvif_button.clicked.connect(self.read_onvif)
        context.bridge.on(Topic.CAMERA, lambda _change: self.reload(), self)  # another seat's change
        self.retranslate()
        self.resize(1020, 720)
        self.reload()

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.camera_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 740])
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("摄像机设置"))
        self.add_button.setText(tr("新增"))
        self.delete_button.setText(tr("删除"))
        self.save_button.setText(tr("保存"))
        self.close_button.setText(tr("关闭"))
        self.form_view.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- reading ----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.store_jobs.submit(
            "load", lambda: (self.catalogue.grids(), self.catalogue.cameras()), self._loaded, self._failed
        )

    def _loaded(self, answer) -> None:
        grids, cameras = answer
        self.form_view.set_grids(grids)
        self.cameras = cameras
        keep = self.current_id
        self.camera_list.blockSignals(True)
        self.camera_list.clear()
        for camera in cameras:
            item = QListWidgetItem(f"{camera.name}\n{camera.grid_name}")
            item.setData(Qt.ItemDataRole.UserRole, camera.id)
            item.setToolTip(literal_html(camera.main_url))
            self.camera_list.addItem(item)
        self.camera_list.blockSignals(False)
        ids = [camera.id for camera in cameras]
        self.select(keep if keep in ids else (ids[0] if ids else None))
        if self._saved_note:
            self._say(self._saved_note)
            self._saved_note = ""

    def select(self, camera_id: int | None) -> None:
        """Show a camera's form (None: an empty form for a new camera)."""
        ids = [camera.id for camera in self.cameras]
        self.camera_list.setCurrentRow(ids.index(camera_id) if camera_id in ids else -1)
        self._show(camera_id)

    def _selected(self, row: int) -> None:
        self._show(self.cameras[row].id if 0 <= row < len(self.cameras) else None)

    def _show(self, camera_id: int | None) -> None:
        self.current_id = camera_id
        camera = next((c for c in self.cameras if c.id == camera_id), None)
        self.form_view.show_camera(camera)
        self.form_view.mark_problems(set())
        self.delete_button.setEnabled(camera is not None)
        self.message.clear()

    def new_camera(self) -> None:
        self.select(None)
        self.form_view.name.setFocus()

    # ---- writing ----------------------------------------------------------------------------------
    def save(self) -> None:
        try:
            form = self.form_view.form()
        except ValueError:
            self._say(tr("经纬度和朝向应为数字"), failed=True)
            return
        camera_id = self.current_id
        if camera_id is None:
            work = lambda: self.store.add(form)  # noqa: E731
        else:
            work = lambda: self.store.edit(camera_id, form) or camera_id  # noqa: E731
        self.save_button.setEnabled(False)
        self.store_jobs.submit("save", work, self._saved, self._failed)

    def _saved(self, camera_id: int) -> None:
        self.save_button.setEnabled(True)
        self.current_id = camera_id
        self._saved_note = tr("已保存")  # shown once the list is read again (showing a camera clears it)
        self.reload()

    def delete_camera(self) -> None:
        camera = next((c for c in self.cameras if c.id == self.current_id), None)
        if camera is None:
            return
        asked = QMessageBox.question(
            self,
            tr("删除摄像机"),
            literal_html(
                tr("删除摄像机 '%1'? 其智能分析区域一并删除, 历史告警保留。").replace("%1", camera.name)
            ),
        )
        if asked == QMessageBox.StandardButton.Yes:
            self.current_id = None
            self.store_jobs.submit(
                "save", lambda: self.store.delete(camera.id), lambda _r: self.reload(), self._failed
            )

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, CameraFormError):
            self.form_view.mark_problems({field for field, _ in error.problems})
        self._say(str(error), failed=True)

    def _say(self, text: str, failed: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #e05252;" if failed else "color: #3fa66a;")

    # ---- the network ------------------------------------------------------------------------------
    def test_connection(self) -> None:
        view = self.form_view
        url, user, password = view.main_url.text(), view.username.text(), view.password.text() or None
        transport, camera_id = view.transport.currentText(), self.current_id
        view.test_button.setEnabled(False)
        view.show_test(None, tr("正在连接…"))
        self.network_jobs.submit(
            "test",
            lambda: self.store.test_connection(camera_id, url, user, password, transport),
            self._tested,
            self._test_failed,
        )

    def _tested(self, result: ProbeResult) -> None:
        self.form_view.test_button.setEnabled(True)
        text = tr("连接成功: 编码 %1, 分辨率 %2x%3, 帧率 %4 fps (用时 %5 秒)")
        for key, value in (
            ("%1", result.codec.upper()),
            ("%2", result.width),
            ("%3", result.height),
            ("%4", f"{result.fps:.1f}"),
            ("%5", f"{result.seconds:.1f}"),
        ):
            text = text.replace(key, str(value))
        self.form_view.show_test(result.snapshot_jpeg, text)

    def _test_failed(self, error: Exception) -> None:
        self.form_view.test_button.setEnabled(True)
        reason = error.reason if isinstance(error, StreamFailure) else str(error)
        self.form_view.show_test(None, tr("连接失败: %1").replace("%1", reason), failed=True)

    def read_onvif(self) -> None:
        view = self.form_view
        address, user, password = (
            view.onvif_address.text(),
            view.username.text(),
            view.password.text() or None,
        )
        camera_id = self.current_id
        view.onvif_button.setEnabled(False)
        view.onvif_result.setText(tr("正在读取…"))
        self.network_jobs.submit(
            "onvif",
            lambda: self.store.read_onvif(camera_id, address, user, password),
            self._onvif_read,
            self._onvif_failed,
        )

    def _onvif_read(self, streams: OnvifStreams) -> None:
        view = self.form_view
        view.onvif_button.setEnabled(True)
        view.main_url.setText(streams.main.uri)
        view.sub_url.setText(streams.sub.uri if streams.sub else "")
        lines = [tr("读到 %1 个码流, 已填入主/子码流地址:").replace("%1", str(len(streams.profiles)))]
        lines += [f"• {profile.label}" for profile in streams.profiles]
        view.onvif_result.setStyleSheet("")
        view.onvif_result.setText("\n".join(lines))

    def _onvif_failed(self, error: Exception) -> None:
        self.form_view.onvif_button.setEnabled(True)
        self.form_view.onvif_result.setStyleSheet("color: #e05252;")
        self.form_view.onvif_result.setText(str(error) if isinstance(error, OnvifError) else repr(error))

    def done(self, result: int) -> None:
        self.network_jobs.cancel("test")
        self.network_jobs.cancel("onvif")
        super().done(result)
