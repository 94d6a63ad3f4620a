"""Learn mode: the operator presses a new sensor, sees its code arrive, and binds it to a household."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alarms.ingest import KIND_ZH, Heard, IngestError, SensorIngest
from app.site_clock import SHORT_SECONDS, TIME_ONLY
from runtime.read.alarms import AlarmReads
from widgets.plain_text import plain

CODE_ROLE = Qt.ItemDataRole.UserRole


class LearnDialog(QDialog):
    """Lists codes heard but not bound (from the store and live); binding one makes it a sensor."""

    heard = Signal(object)  # emitted on a reader thread, delivered queued on the GUI thread

    def __init__(self, ingest: SensorIngest, reads: AlarmReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learnDialog")
        self.setWindowTitle(self.tr("学习传感器"))
        self.ingest, self.reads = ingest, reads
        self.codes = QListWidget(objectName="heardCodes")
        self.household_search = QLineEdit(objectName="householdSearch")
        self.household_search.setPlaceholderText(self.tr("输入地址、房号或住户姓名"))
        self.household = QComboBox(objectName="householdChoice")
        self.kind = QComboBox(objectName="kindChoice")
        for kind, name in KIND_ZH.items():
            self.kind.addItem(self.tr(name), kind)
        self.name = QLineEdit(objectName="sensorName")
        self.closed_code = QLineEdit(objectName="closedCode")
        self.closed_code.setPlaceholderText(self.tr("门磁关门编码（可选，6位十六进制）"))
        self.bind_button = QPushButton(self.tr("绑定(&B)"), objectName="bindButton")
        self.message = QLabel(objectName="learnMessage")
        plain(self.message)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("住户"), self.household_search)
        form.addRow("", self.household)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("关门编码"), self.closed_code)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请按下传感器按钮或触发传感器，听到的编码会出现在下面：")))
        layout.addWidget(self.codes, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.bind_button)
        self.household_search.textChanged.connect(self._search)
        self.bind_button.clicked.connect(self.bind_selected)
        self.heard.connect(self._add_heard, Qt.ConnectionType.QueuedConnection)
        self._load_stored()
        ingest.start_learning(self.heard.emit)
        self.finished.connect(lambda *_: ingest.stop_learning())
        self.resize(520, 560)

    def _load_stored(self) -> None:
        for code in self.reads.heard_codes():
            at = self.reads.clock.text(code.last_heard_at, SHORT_SECONDS)
            self._add_row(code.protocol, code.device_code, f"{at} · {self.tr('未绑定')} · {code.times}×")

    def _add_heard(self, heard: Heard) -> None:
        at = self.reads.clock.text(heard.event.at, TIME_ONLY)
        state = self.tr("已绑定：") + (heard.sensor_name or "") if heard.sensor_id else self.tr("新编码")
        item = self._add_row(heard.event.protocol, heard.event.device_code, f"{at} · {state}", first=True)
        if heard.sensor_id is None:
            self.codes.setCurrentItem(item)

    def _add_row(self, protocol: str, code: str, note: str, first: bool = False) -> QListWidgetItem:
        item = QListWidgetItem(f"{protocol}  {code}    {note}")
        item.setData(CODE_ROLE, (protocol, code))
        if first:
            self.codes.insertItem(0, item)
        else:
            self.codes.addItem(item)
        return item

    def _search(self, text: str) -> None:
        self.household.clear()
        if len(text.strip()) < 1:
            return
        for household_id, address in self.reads.households_matching(text):
            self.household.addItem(address, household_id)

    def bind_selected(self) -> None:
        item = self.codes.currentItem()
        if item is None or self.household.currentData() is None:
            self.message.setText(self.tr("请先选择编码和住户"))
            return
        protocol, code = item.data(CODE_ROLE)
        try:
            self.ingest.bind(
                protocol,
                code,
                self.kind.currentData(),
                self.household.currentData(),
                name=self.name.text().strip() or None,
                closed_code=self.closed_code.text().strip() or None,
            )
        except IngestError as error:
            self.message.setText(str(error))
            return
        self.message.setText(
            self.tr("已绑定 %1 到 %2").replace("%1", code).replace("%2", self.household.currentText())
        )
        self.codes.takeItem(self.codes.row(item))
