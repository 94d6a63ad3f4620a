"""The camera form of 设置 → 摄像机: the fields, the ONVIF box and the connection test's picture.

The password field never shows a stored password: it is left empty with •••• as its placeholder, and
an empty field keeps what is stored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDoubleValidator, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runtime.read.cameras import CameraRow, GridChoice
from video.camera_store import CameraForm
from widgets.plain_text import plain

STORED_PASSWORD = "••••••"
SNAPSHOT_SIZE = (320, 180)


def tr(text: str) -> str:
    return QCoreApplication.translate("CameraSettings", text)


def _number(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


class CameraFormView(QWidget):
    """The fields of one camera; `form()` reads them back for the core to check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(maxLength=64)
        self.grid = QComboBox()
        self.grid.setMinimumContentsLength(18)
        self.main_url = QLineEdit(
            maxLength=500, placeholderText="rtsp://192.168.1.64:554/Streaming/Channels/101"
        )
        self.sub_url = QLineEdit(
            maxLength=500, placeholderText="rtsp://192.168.1.64:554/Streaming/Channels/102"
        )
        self.username = QLineEdit(maxLength=64)
        self.password = QLineEdit(maxLength=64, echoMode=QLineEdit.EchoMode.Password)
        self.clear_password = QCheckBox()
        self.transport = QComboBox()
        self.transport.addItems(["tcp", "udp"])
        self.lon, self.lat, self.bearing = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, low, high in ((self.lon, -180, 180), (self.lat, -90, 90), (self.bearing, 0, 360)):
            edit.setValidator(QDoubleValidator(low, high, 7, edit))
        self.ai_enabled = QCheckBox()
        self.playback = QComboBox(editable=True, objectName="cameraPlayback")
        self.playback.addItems(["", "hikvision", "hikvision-local", "dahua"])
        self.playback.lineEdit().setMaxLength(500)
        self.onvif_address = QLineEdit(placeholderText="192.168.1.64")
        self.onvif_button = QPushButton()
        self.onvif_result = QLabel(wordWrap=True)
        plain(self.onvif_result)
        self.test_button = QPushButton()
        self.test_result = QLabel(
            wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        )
        plain(self.test_result)
        self.snapshot = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.snapshot.setFixedSize(*SNAPSHOT_SIZE)
        self.snapshot.setObjectName("cameraSnapshot")
        self.snapshot.setStyleSheet(
            "#cameraSnapshot { background: #111; color: #999; border: 1px solid #444; }"
        )
        self._has_password = False
        self._build()

    def _build(self) -> None:
        self.fields = QFormLayout()
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.clear_password)
        position = QHBoxLayout()
        for edit in (self.lon, self.lat):
            position.addWidget(edit)
        self._rows = [
            ("名称", self.name),
            ("所属网格", self.grid),
            ("主码流地址", self.main_url),
            ("子码流地址", self.sub_url),
            ("用户名", self.username),
            ("密码", password_row),
            ("传输方式", self.transport),
            ("经度 / 纬度", position),
            ("朝向 (度)", self.bearing),
            ("智能分析", self.ai_enabled),
            ("录像回放", self.playback),
        ]
        self._labels = [QLabel() for _ in self._rows]
        for label, (_text, field) in zip(self._labels, self._rows, strict=True):
            self.fields.addRow(label, field)
        self.playback_hint = QLabel(wordWrap=True, objectName="cameraPlaybackHint")
        plain(self.playback_hint)
        self.fields.addRow("", self.playback_hint)
        self.onvif_box = QGroupBox()
        onvif = QVBoxLayout(self.onvif_box)
        row = QHBoxLayout()
        row.addWidget(self.onvif_address, 1)
        row.addWidget(self.onvif_button)
        onvif.addLayout(row)
        onvif.addWidget(self.onvif_result)
        self.test_box = QGroupBox()
        test = QHBoxLayout(self.test_box)
        test.addWidget(self.snapshot)
        side = QVBoxLayout()
        side.addWidget(self.test_button)
        side.addWidget(self.test_result, 1)
        test.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.fields)
        layout.addWidget(self.onvif_box)
        layout.addWidget(self.test_box)
        layout.addStretch(1)

    def retranslate(self) -> None:
        for label, (text, _field) in zip(self._labels, self._rows, strict=True):
            label.setText(tr(text))
        self.clear_password.setText(tr("清除已保存的密码"))
        self.ai_enabled.setText(tr("启用 (人脸、区域、口罩)"))
        self.lon.setPlaceholderText(tr("经度 (留空用网格中心)"))
        self.lat.setPlaceholderText(tr("纬度"))
        self.bearing.setPlaceholderText(tr("0-360, 正北为 0"))
        self.playback.lineEdit().setPlaceholderText(
            tr("无 / hikvision / dahua / rtsp://…{start:%Y%m%d%H%M%S}")
        )
        self.playback.setToolTip(tr("按时间从录像机回放：海康、大华，或 rtsp:// 模板（见文档）"))
        self.playback_hint.setText(
            tr("海康回放画面的时钟若与所选时间差 8 小时（录像机把 UTC 当本地时间），请选 hikvision-local")
        )
        self.onvif_box.setTitle(tr("ONVIF 读取码流地址 (使用上面的用户名和密码)"))
        self.onvif_button.setText(tr("读取"))
        self.test_box.setTitle(tr("测试连接"))
        self.test_button.setText(tr("测试主码流"))
        if not self.snapshot.pixmap() or self.snapshot.pixmap().isNull():
            self.snapshot.setText(tr("无画面"))
        self._show_password_hint()

    def set_grids(self, grids: list[GridChoice]) -> None:
        self.grid.clear()
        for grid in grids:
            self.grid.addItem(grid.label, grid.id)

    def show_camera(self, camera: CameraRow | None) -> None:
        """Fill the fields from a camera, or empty them for a new one."""
        self.name.setText(camera.name if camera else "")
        self.grid.setCurrentIndex(self.grid.findData(camera.grid_id) if camera else -1)
        self.main_url.setText(camera.main_url if camera else "")
        self.sub_url.setText((camera.sub_url or "") if camera else "")
        self.username.setText(camera.username if camera else "")
        self.password.clear()
        self.clear_password.setChecked(False)
        self._has_password = bool(camera and camera.has_password)
        self.clear_password.setVisible(self._has_password)
        self.transport.setCurrentText(camera.transport if camera else "tcp")
        self.lon.setText(f"{camera.lon:.6f}" if camera else "")
        self.lat.setText(f"{camera.lat:.6f}" if camera else "")
        self.bearing.setText(f"{camera.bearing:g}" if camera and camera.bearing is not None else "")
        self.ai_enabled.setChecked(bool(camera and camera.ai_enabled))
        self.playback.setCurrentText(camera.playback if camera else "")
        self.onvif_result.clear()
        self.show_test(None, "")
        self._show_password_hint()

    def _show_password_hint(self) -> None:
        self.password.setPlaceholderText(
            f"{STORED_PASSWORD} {tr('(已保存, 留空不变)')}" if self._has_password else tr("无密码")
        )

    def form(self) -> CameraForm:
        """The fields as typed; ValueError when a number field holds something that is not a number."""
        return CameraForm(
            name=self.name.text(),
            grid_id=self.grid.currentData(),
            main_url=self.main_url.text(),
            sub_url=self.sub_url.text(),
            lon=_number(self.lon.text()),
            lat=_number(self.lat.text()),
            bearing=_number(self.bearing.text()),
            username=self.username.text(),
            password=self.password.text() or None,
            clear_password=self.clear_password.isChecked(),
            ai_enabled=self.ai_enabled.isChecked(),
            transport=self.transport.currentText(),
            playback=self.playback.currentText(),
        )

    def show_test(self, picture: bytes | None, text: str, failed: bool = False) -> None:
        pixmap = QPixmap()
        if picture and pixmap.loadFromData(picture):
            self.snapshot.setPixmap(
                pixmap.scaled(
                    *SNAPSHOT_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.snapshot.setPixmap(QPixmap())
            self.snapshot.setText(tr("无画面"))
        self.test_result.setText(text)
        self.test_result.setStyleSheet("color: #e05252;" if failed else "")

    def mark_problems(self, fields: set[str]) -> None:
        """Outline the fields the core refused (cleared when the form is shown again)."""
        widgets = {
            "name": self.name,
            "grid": self.grid,
            "main_url": self.main_url,
            "sub_url": self.sub_url,
            "username": self.username,
            "password": self.password,
            "lon": self.lon,
            "bearing": self.bearing,
            "transport": self.transport,
            "playback": self.playback,
        }
        for key, widget in widgets.items():
            widget.setStyleSheet("border: 1px solid #e05252;" if key in fields else "")
