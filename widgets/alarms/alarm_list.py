"""The alarm list: filters, the history of every alarm, and the way into learn mode."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alarms.history import AlarmFilter, AlarmRow
from app.config import LOCAL_SYSTEM
from app.events import Change
from app.site_clock import SiteClock
from runtime.read.alarms import AlarmReads
from runtime.types import AlarmState
from widgets.alarms.alarm_words import alarm_title, step_note
from widgets.clips.replay import ALARM, ReplayButton
from widgets.table_fit import Column, FitColumns, dense_rows

# Translucent, so the theme's own text colour stays readable on light and dark themes alike.
PRIORITY_TINT = {1: QColor(179, 38, 30, 80), 2: QColor(232, 113, 10, 70), 3: QColor(95, 107, 122, 60)}
OUTCOME_ZH = {"ticket": "转工单", "false_alarm": "误报", "resolved": "已解决"}
ACTION_ZH = {
    "alarm.raise": "告警产生",
    "alarm.acknowledge": "确认",
    "alarm.handle": "处置",
    "alarm.escalate": "上报",
}


class AlarmTableModel(QAbstractTableModel):
    def __init__(self, clock: SiteClock, parent=None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.rows: list[AlarmRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("时间"),
            self.tr("级别"),
            self.tr("告警"),
            self.tr("地址"),
            self.tr("状态"),
            self.tr("处理人"),
            self.tr("结果"),
        ]

    def set_rows(self, rows: list[AlarmRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        alarm = row.alarm
        if role == Qt.ItemDataRole.BackgroundRole and alarm.state != AlarmState.HANDLED:
            return PRIORITY_TINT.get(alarm.priority)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        states = {
            "raised": self.tr("待确认"),
            "acknowledged": self.tr("已确认"),
            "handled": self.tr("已处置"),
        }
        outcome = self.tr(OUTCOME_ZH[alarm.outcome]) if alarm.outcome else ""
        if alarm.ticket_id:
            outcome += f" #{alarm.ticket_id}"
        return [
            self.clock.text(alarm.raised_at),
            f"P{alarm.priority}",
            alarm_title(alarm),
            row.address,
            states.get(alarm.state, alarm.state),
            row.handler,
            outcome,
        ][index.column()]


class AlarmListPanel(QWidget):
    """Every alarm, newest first, with filters; the selected alarm's history underneath."""

    def __init__(self, reads: AlarmReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmListPanel")
        self.reads = reads
        self.model = AlarmTableModel(reads.clock, self)
        self._refresh_soon = QTimer(self, singleShot=True, interval=200)
        self._refresh_soon.timeout.connect(self.refresh)
        self._build()
        self._retranslate()
        self.refresh()

    def _build(self) -> None:
        self.state_filter = QComboBox(objectName="stateFilter")
        self.priority_filter = QComboBox(objectName="priorityFilter")
        for box in (self.state_filter, self.priority_filter):  # their words change length with the language
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.text_filter = QLineEdit(objectName="textFilter")
        self.text_filter.setClearButtonEnabled(True)
        self.since = QDateEdit(calendarPopup=True, objectName="sinceFilter")
        self.until = QDateEdit(calendarPopup=True, objectName="untilFilter")
        today = QDate(self.reads.clock.today())
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since.setDate(today.addDays(-30))
        self.until.setDate(today)
        self.popup_button = QPushButton(objectName="showPopupButton")
        self.learn_button = QPushButton(objectName="learnButton")
        self.replay_button = ReplayButton(self.reads.site, ALARM, self._selected_id)
        self.since_label, self.until_label = QLabel(), QLabel()
        for signal in (
            self.state_filter.currentIndexChanged,
            self.priority_filter.currentIndexChanged,
            self.text_filter.textChanged,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(lambda *_: self._refresh_soon.start())
        # Short rows, so the dock can be narrow beside the wall.
        filters = QHBoxLayout()
        filters.addWidget(self.state_filter)
        filters.addWidget(self.priority_filter)
        filters.addWidget(self.text_filter, 1)
        dates = QHBoxLayout()
        for widget in (self.since_label, self.since, self.until_label, self.until):
            dates.addWidget(widget)
        dates.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.replay_button)
        actions.addStretch(1)
        actions.addWidget(self.learn_button)
        actions.addWidget(self.popup_button)
        self.text_filter.setMinimumWidth(60)

        splitter = self._table_and_history()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def _table_and_history(self) -> QSplitter:
        """The alarm table over the selected alarm's history."""
        self.table = QTableView(objectName="alarmTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        dense_rows(self.table)
        self.columns = FitColumns(self.table, self._table_columns())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.replay_button.refresh())
        self.history = QTextBrowser(objectName="alarmHistory")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.history)
        splitter.setSizes([400, 140])
        splitter.setStretchFactor(0, 3)  # the list keeps its rows when the dock is short
        splitter.setStretchFactor(1, 1)
        return splitter

    def _retranslate(self) -> None:
        keep_state, keep_priority = self.state_filter.currentIndex(), self.priority_filter.currentIndex()
        self.state_filter.blockSignals(True)
        self.priority_filter.blockSignals(True)
        self.state_filter.clear()
        for text, value in (
            (self.tr("全部状态"), None),
            (self.tr("未处置"), "open"),
            (self.tr("待确认"), "raised"),
            (self.tr("已确认"), "acknowledged"),
            (self.tr("已处置"), "handled"),
        ):
            self.state_filter.addItem(text, value)
        self.priority_filter.clear()
        for text, value in ((self.tr("全部级别"), None), ("P1", 1), ("P2", 2), ("P3", 3)):
            self.priority_filter.addItem(text, value)
        self.state_filter.setCurrentIndex(max(0, keep_state))
        self.priority_filter.setCurrentIndex(max(0, keep_priority))
        self.state_filter.blockSignals(False)
        self.priority_filter.blockSignals(False)
        self.text_filter.setPlaceholderText(self.tr("搜索告警、传感器、处理人"))
        self.since_label.setText(self.tr("从"))
        self.until_label.setText(self.tr("至"))
        self.popup_button.setText(self.tr("告警弹窗"))
        self.learn_button.setText(self.tr("学习传感器"))
        self.replay_button.refresh()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        if self.model.rows:  # the titles and states are worded again
            last = self.model.index(len(self.model.rows) - 1, 6)
            self.model.dataChanged.emit(self.model.index(0, 0), last)
        self._show_history()

    def _table_columns(self) -> tuple[Column, ...]:
        """时间 级别 告警 地址 状态 处理人 结果: the time whole, the title and address sharing what is left;
        in a narrow dock who and how go first, then the state (the detail below says them all)."""
        return (
            Column(120, sample="2026-12-07 18:18:35"),
            Column(48),
            Column(96, 2),
            Column(80, 2, drop=1),
            Column(60, drop=2),
            Column(64, 1, drop=3),
            Column(64, 1, drop=3),
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def current_filter(self) -> AlarmFilter:
        clock = self.reads.clock  # the filter's days are the site's days
        since = clock.day_start(self.since.date().toPython())
        until = clock.day_start(self.until.date().toPython() + timedelta(days=1))
        return AlarmFilter(
            state=self.state_filter.currentData(),
            priority=self.priority_filter.currentData(),
            text=self.text_filter.text().strip(),
            since=since,
            until=until,
        )

    def refresh(self) -> None:
        rows = self.reads.find(self.current_filter())
        selected = self._selected_id()
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if row.alarm.id == selected:
                self.table.selectRow(number)
        self._show_history()
        self.replay_button.refresh()

    def on_change(self, _change: Change) -> None:
        self._refresh_soon.start()

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()].alarm.id
            if index.isValid() and index.row() < len(self.model.rows)
            else None
        )

    def _show_history(self) -> None:
        alarm_id = self._selected_id()
        if alarm_id is None:
            self.history.clear()
            return
        lines = []
        for step in self.reads.history(alarm_id):
            note = step_note(step.detail)
            extra = OUTCOME_ZH.get(step.detail.get("outcome", ""), "")
            actor = self.tr(LOCAL_SYSTEM) if step.actor == LOCAL_SYSTEM else step.actor
            lines.append(
                f"<p>{escape(self.reads.clock.text(step.at))}　<b>{escape(self.tr(ACTION_ZH.get(step.action, step.action)))}</b>"
                f"　{escape(actor)}　{escape(self.tr(extra) if extra else '')} {escape(note)}</p>"
            )
        self.history.setHtml("".join(lines))
