"""The sensor form of 设置 → 传感器: code, protocol, kind, name and the household's address, with the
addresses of the site's households offered as the office types (the runtime's household reader)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from alarms.sensor_store import SensorForm
from runtime.read.sensors import Binding, SensorRow
from runtime.types import SENSOR_KIND_ZH, SENSOR_PROTOCOLS

WAITING_COLOUR, UNBOUND_COLOUR, BOUND_COLOUR = "#d98e04", "#e05252", "#3fa66a"


def tr(text: str) -> str:
    return QCoreApplication.translate("SensorSettings", text)


def binding_words(binding: Binding) -> str:
    return {
        Binding.BOUND: tr("已绑定"),
        Binding.WAITING: tr("待绑定: 住户地址尚无住户"),
        Binding.NONE: tr("未绑定住户"),
    }[binding]


def binding_colour(binding: Binding) -> str:
    return {Binding.BOUND: BOUND_COLOUR, Binding.WAITING: WAITING_COLOUR, Binding.NONE: UNBOUND_COLOUR}[
        binding
    ]


class SensorFormView(QWidget):
    """The fields of one sensor; `form()` reads them back for the core to check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLineEdit(maxLength=64, objectName="sensorCode")
        self.protocol = QComboBox(objectName="sensorProtocol")
        self.protocol.addItems(list(SENSOR_PROTOCOLS))
        self.kind = QComboBox(objectName="sensorKind")
        for kind in SENSOR_KIND_ZH:
            self.kind.addItem("", kind)
        self.name = QLineEdit(maxLength=64, objectName="sensorName")
        self.address = QLineEdit(maxLength=200, objectName="sensorAddress")
        self.suggestions = QStringListModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # a room or a building typed finds the flat
        self.address.setCompleter(completer)
        self.state = QLabel(wordWrap=True, objectName="sensorState")
        self._binding: Binding | None = None
        self._rows = [
            ("编码", self.code),
            ("协议", self.protocol),
            ("类型", self.kind),
            ("名称", self.name),
            ("住户地址", self.address),
            ("状态", self.state),
        ]
        self._labels = [QLabel() for _ in self._rows]
        fields = QFormLayout()
        for label, (_text, field) in zip(self._labels, self._rows, strict=True):
            fields.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        self.hint = QLabel(wordWrap=True, objectName="sensorHint")
        self.hint.setStyleSheet("color: #8a94a3;")
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def retranslate(self) -> None:
        for label, (text, _field) in zip(self._labels, self._rows, strict=True):
            label.setText(tr(text))
        for index in range(self.kind.count()):
            self.kind.setItemText(index, tr(SENSOR_KIND_ZH[self.kind.itemData(index)]))
        self.code.setPlaceholderText(tr("433 MHz: 6 位十六进制, 如 A1B2C3; Zigbee: 设备名"))
        self.name.setPlaceholderText(tr("留空则用类型名称"))
        self.address.setPlaceholderText(tr("如 幸福路1号3号楼1单元101室; 输入房号或姓名可选择"))
        self.hint.setText(
            tr(
                "该地址尚无住户时传感器保存为待绑定, 在花名册中登记该户后自动绑定; 待绑定的传感器报警时报出此地址。"
            )
        )
        self._show_state()

    def show_sensor(self, sensor: SensorRow | None, code: str = "", protocol: str = "rf433") -> None:
        """Fill the fields from a sensor, or empty them for a new one (a heard code's code and protocol)."""
        self.code.setText(sensor.code if sensor else code)
        self.protocol.setCurrentText(sensor.protocol if sensor else protocol)
        self.kind.setCurrentIndex(self.kind.findData(sensor.kind) if sensor else 0)
        default_name = SENSOR_KIND_ZH.get(sensor.kind) if sensor else None
        self.name.setText(sensor.name if sensor and sensor.name != default_name else "")
        self.address.setText(sensor.address if sensor else "")
        self._binding = sensor.binding if sensor else None
        self._show_state()
        self.mark_problems(set())

    def _show_state(self) -> None:
        if self._binding is None:
            self.state.setText(tr("新传感器"))
            self.state.setStyleSheet("")
            return
        self.state.setText(binding_words(self._binding))
        self.state.setStyleSheet(f"color: {binding_colour(self._binding)};")

    def set_suggestions(self, addresses: list[str]) -> None:
        self.suggestions.setStringList(addresses)
        if addresses and self.address.hasFocus():
            self.address.completer().complete()

    def form(self) -> SensorForm:
        return SensorForm(
            code=self.code.text(),
            protocol=self.protocol.currentText(),
            kind=self.kind.currentData(),
            address=self.address.text(),
            name=self.name.text(),
        )

    def mark_problems(self, fields: set[str]) -> None:
        """Outline the fields the core refused (cleared when the form is shown again)."""
        widgets = {
            "code": self.code,
            "protocol": self.protocol,
            "kind": self.kind,
            "name": self.name,
            "address": self.address,
        }
        for key, widget in widgets.items():
            widget.setStyleSheet("border: 1px solid #e05252;" if key in fields else "")
