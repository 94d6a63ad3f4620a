"""设置 → 传感器: the site's sensors listed (where each is, when it was last heard, its battery), added,
edited (re-bound to another address) and deleted, and the codes heard but not bound, each one click
from "bind to a household".

Reads go through the runtime's read models (`runtime/read/sensors.py`, the household reader for the
address suggestions), writes through the core's `SensorStore`, which checks, audits and announces the
change (every seat's list follows). Both run on a worker thread."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alarms.sensor_store import SensorFormError, SensorSaved, SensorStore
from app.events import Topic
from runtime.read.sensors import Binding, HeardRow, SensorRow
from runtime.types import SENSOR_KIND_ZH
from widgets.jobs import Jobs
from widgets.settings.sensor_form import SensorFormView, binding_colour, binding_words, tr
from widgets.shell_context import ShellContext

SENSOR_COLUMNS = ("编码", "协议", "类型", "状态", "住户地址", "最近信号", "电量")
ADDRESS_COLUMN, STATE_COLUMN = SENSOR_COLUMNS.index("住户地址"), SENSOR_COLUMNS.index("状态")
HEARD_COLUMNS = ("编码", "协议", "接收器", "最近收到", "次数", "")
SUGGEST_AFTER_MS = 250
FOLLOW_AFTER_MS = 300  # a busy Zigbee network reports every few seconds per device


def _local(at: datetime | None) -> str:
    return at.replace(tzinfo=UTC).astimezone().strftime("%m-%d %H:%M") if at else "—"


def _table(columns: int, stretched: int | None) -> QTableWidget:
    """A read-only table whose columns fit their text; `stretched` takes the width left (the address)."""
    table = QTableWidget(0, columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideLeft)  # an address's end (unit and room) stays seen
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretched is not None:
        header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
    return table


class SensorSettingsDialog(QDialog):
    """The sensors on the left with their form on the right, the heard codes below."""

    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sensorSettings")
        self.catalogue = context.reads.sensors
        self.households = context.reads.households
        self.store = SensorStore(context.site)
        self.jobs = Jobs(self)
        self.sensors: list[SensorRow] = []
        self.heard: list[HeardRow] = []
        self.current_id: int | None = None
        self._saved_note = ""
        self._show_on_load = False
        self.sensor_table = _table(len(SENSOR_COLUMNS), ADDRESS_COLUMN)
        self.sensor_table.setObjectName("sensorTable")
        self.heard_table = _table(len(HEARD_COLUMNS), None)
        self.heard_table.setObjectName("heardTable")
        self.heard_table.horizontalHeader().setSectionResizeMode(
            len(HEARD_COLUMNS) - 1, QHeaderView.ResizeMode.Fixed
        )
        self.heard_box = QGroupBox()
        self.add_button, self.delete_button = QPushButton(), QPushButton()
        self.delete_button.setEnabled(False)  # until a sensor is shown
        self.save_button, self.close_button = QPushButton(), QPushButton()
        self.message = QLabel(wordWrap=True, objectName="sensorMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_view = SensorFormView()
        self.suggest_timer = QTimer(self, singleShot=True, interval=SUGGEST_AFTER_MS)
        self._build()
        self.sensor_table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(lambda: self.new_sensor())
        self.delete_button.clicked.connect(self.delete_sensor)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.form_view.address.textEdited.connect(lambda _text: self.suggest_timer.start())
        self.suggest_timer.timeout.connect(self._suggest)
        # Another seat, a dongle's reports, the roster: gathered for a moment, then one reading.
        self.follow_timer = QTimer(self, singleShot=True, interval=FOLLOW_AFTER_MS)
        self.follow_timer.timeout.connect(lambda: self.reload(then_show=False))
        for topic in (Topic.SENSOR, Topic.SENSOR_HEARD, Topic.HOUSEHOLD):
            context.bridge.on(topic, self._follow, self)
        self.retranslate()
        self.resize(1100, 720)
        self.reload()

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sensor_table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        top = QSplitter()
        top.addWidget(left)
        top.addWidget(self.form_view)
        top.setStretchFactor(0, 1)
        top.setSizes([780, 320])
        heard = QVBoxLayout(self.heard_box)
        heard.addWidget(self.heard_table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 3)
        layout.addWidget(self.heard_box, 2)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("传感器设置"))
        self.add_button.setText(tr("新增"))
        self.delete_button.setText(tr("删除"))
        self.save_button.setText(tr("保存"))
        self.close_button.setText(tr("关闭"))
        self.heard_box.setTitle(tr("已收到但未绑定的编码 (按下传感器按钮后出现在这里)"))
        self.sensor_table.setHorizontalHeaderLabels([tr(text) for text in SENSOR_COLUMNS])
        self.heard_table.setHorizontalHeaderLabels([tr(text) if text else "" for text in HEARD_COLUMNS])
        self.form_view.retranslate()
        self._fill_sensors()
        self._fill_heard()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- reading ----------------------------------------------------------------------------------
    def _follow(self, _change) -> None:
        """At most one reading per moment, and never postponed for ever by a steady stream of reports."""
        if not self.follow_timer.isActive():
            self.follow_timer.start()

    def reload(self, then_show: bool = True) -> None:
        """Read the lists again; `then_show` also fills the form from the sensor shown (after a save).
        A change heard from elsewhere (a report, another seat) refreshes the lists only, so a form
        being typed is never overwritten. A newer reading replaces an older one still running, so
        the wish to show is kept until a reading answers."""
        self._show_on_load = self._show_on_load or then_show
        self.jobs.submit(
            "load", lambda: (self.catalogue.sensors(), self.catalogue.heard()), self._loaded, self._failed
        )

    def _loaded(self, answer: tuple[list[SensorRow], list[HeardRow]]) -> None:
        self.sensors, self.heard = answer
        then_show, self._show_on_load = self._show_on_load, False
        self._fill_sensors()
        self._fill_heard()
        ids = [sensor.id for sensor in self.sensors]
        if self.current_id not in ids and (then_show or self.current_id is not None):
            # the first reading, or the sensor shown was deleted (here or at another seat)
            self.current_id, then_show = (ids[0] if ids else None), True
        self._highlight(ids.index(self.current_id) if self.current_id in ids else -1)
        if then_show:
            self._show(self.current_id)
        if self._saved_note:
            self._say(self._saved_note)
            self._saved_note = ""

    def _fill_sensors(self) -> None:
        self.sensor_table.blockSignals(True)
        self.sensor_table.setRowCount(len(self.sensors))
        for row, sensor in enumerate(self.sensors):
            state = tr("待绑定") if sensor.binding is Binding.WAITING else binding_words(sensor.binding)
            cells = (
                sensor.code,
                sensor.protocol,
                tr(SENSOR_KIND_ZH.get(sensor.kind, sensor.kind)),
                state,
                sensor.address or "—",
                _local(sensor.last_seen_at),
                f"{sensor.battery}%" if sensor.battery is not None else "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, sensor.id)
                if column in (STATE_COLUMN, ADDRESS_COLUMN) and sensor.binding is not Binding.BOUND:
                    item.setForeground(QBrush(QColor(binding_colour(sensor.binding))))
                    item.setToolTip(f"{binding_words(sensor.binding)}\n{sensor.address}".strip())
                self.sensor_table.setItem(row, column, item)
        self.sensor_table.blockSignals(False)

    def _fill_heard(self) -> None:
        self.heard_table.setRowCount(len(self.heard))
        for row, code in enumerate(self.heard):
            cells = (
                code.code,
                code.protocol,
                code.dongle or "—",
                _local(code.last_heard_at),
                str(code.times),
            )
            for column, text in enumerate(cells):
                self.heard_table.setItem(row, column, QTableWidgetItem(text))
            bind = QPushButton(tr("绑定到住户…"), objectName=f"bindHeard_{code.code}")
            bind.clicked.connect(lambda _checked=False, code=code: self.bind_heard(code))
            self.heard_table.setCellWidget(row, len(HEARD_COLUMNS) - 1, bind)
            # a cell's widget is not measured by ResizeToContents: the column takes the button's width
            self.heard_table.setColumnWidth(len(HEARD_COLUMNS) - 1, bind.sizeHint().width() + 12)

    def _highlight(self, row: int) -> None:
        self.sensor_table.blockSignals(True)
        self.sensor_table.clearSelection()
        if row >= 0:
            self.sensor_table.selectRow(row)
        self.sensor_table.blockSignals(False)

    def _selected(self) -> None:
        rows = self.sensor_table.selectionModel().selectedRows()
        self._show(self.sensors[rows[0].row()].id if rows else None)

    def _show(self, sensor_id: int | None, code: str = "", protocol: str = "rf433") -> None:
        self.current_id = sensor_id
        sensor = next((s for s in self.sensors if s.id == sensor_id), None)
        self.form_view.show_sensor(sensor, code, protocol)
        self.delete_button.setEnabled(sensor is not None)
        self.message.clear()

    def select(self, sensor_id: int) -> None:
        ids = [sensor.id for sensor in self.sensors]
        self._highlight(ids.index(sensor_id) if sensor_id in ids else -1)
        self._show(sensor_id if sensor_id in ids else None)

    def new_sensor(self, code: str = "", protocol: str = "rf433") -> None:
        self.sensor_table.clearSelection()
        self._show(None, code, protocol)
        (self.form_view.address if code else self.form_view.code).setFocus()

    def bind_heard(self, code: HeardRow) -> None:
        """A heard code as a new sensor: its code and protocol filled in, the address to type."""
        self.new_sensor(code.code, code.protocol)
        self._say(tr("请选择类型并填写住户地址, 然后保存"))

    def _suggest(self) -> None:
        text = self.form_view.address.text().strip()
        if len(text) < 1:
            return
        self.jobs.submit(
            "suggest",
            lambda: [address for _id, address in self.households.find(text)],
            self.form_view.set_suggestions,
        )

    # ---- writing ----------------------------------------------------------------------------------
    def save(self) -> None:
        form, sensor_id = self.form_view.form(), self.current_id
        if sensor_id is None:
            work = lambda: self.store.add(form)  # noqa: E731
        else:
            work = lambda: self.store.edit(sensor_id, form)  # noqa: E731
        self.save_button.setEnabled(False)
        self.jobs.submit("save", work, self._saved, self._failed)

    def _saved(self, saved: SensorSaved) -> None:
        self.save_button.setEnabled(True)
        self.current_id = saved.sensor_id
        if saved.waiting_at:
            note = tr("已保存, 待绑定: %1 尚无住户, 登记该户后自动绑定").replace("%1", saved.waiting_at)
        else:
            note = tr("已保存")
        self._saved_note = note  # shown once the list is read again (showing a sensor clears it)
        self.reload()

    def delete_sensor(self) -> None:
        sensor = next((s for s in self.sensors if s.id == self.current_id), None)
        if sensor is None:
            return
        asked = QMessageBox.question(
            self,
            tr("删除传感器"),
            tr("删除传感器 %1 (%2)? 它报过的告警保留。")
            .replace("%1", sensor.code)
            .replace("%2", sensor.address),
        )
        if asked == QMessageBox.StandardButton.Yes:
            self.current_id = None
            self.jobs.submit(
                "save", lambda: self.store.delete(sensor.id), lambda _r: self.reload(), self._failed
            )

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, SensorFormError):
            self.form_view.mark_problems({field for field, _ in error.problems})
        self._say(str(error), failed=True)

    def _say(self, text: str, failed: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #e05252;" if failed else "color: #3fa66a;")
