"""AI事件: the stored AI events, newest first, filtered, loaded a page at a time as the list scrolls;
the selected event's snapshot and best face crop beside it; new events appear as they are announced."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alarms.service import TOPIC as ALARM_TOPIC
from alarms.service import AlarmError, AlarmService
from app.events import Change
from runtime.ai_alarms import EventAcknowledgement, acknowledge_event
from runtime.read.ai import AiReads, EventFilter, EventRow
from runtime.types import AlarmState, StoreFailure
from video.ai.events import KINDS
from video.ai.events import TOPIC as EVENT_TOPIC
from widgets.ai.event_model import AiEventModel
from widgets.ai.event_picture import Picture
from widgets.ai.face_tools import names_visible
from widgets.ai.images import jpeg_pixmap
from widgets.ai.style import STYLE, setup_table
from widgets.bridge import QtBridge
from widgets.clips.replay import AI_EVENT, ReplayButton
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext


class AiEventList(QWidget):
    def __init__(
        self,
        reads: AiReads,
        names_visible: bool,
        bridge: QtBridge | None = None,
        parent=None,
        alarms: AlarmService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aiEventList")
        self.setStyleSheet(STYLE)
        self.reads = reads
        self.alarms = alarms  # acknowledging needs it; without it the list only shows
        self.model = AiEventModel(reads, names_visible, self)
        self._refresh_soon = QTimer(self, singleShot=True, interval=250)
        self._refresh_soon.timeout.connect(self.refresh)
        self._build()
        self._retranslate()
        if bridge is not None:
            bridge.on(EVENT_TOPIC, self.on_change, self)
            bridge.on(ALARM_TOPIC, lambda _change: self._show_selected(), self)  # acknowledged elsewhere
            self.replay_button.follow(bridge)
        self.refresh()

    def _build(self) -> None:
        filters, dates = self._filters()
        self.table = QTableView(objectName="aiEventTable")
        self.table.setModel(self.model)
        setup_table(self.table, (112, 124, 84, 96), stretch=4)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail())
        splitter.setSizes([380, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(splitter, 1)

    def _filters(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The kind, camera and urgency filters, and the dates with the result count."""
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.camera_filter = QComboBox(objectName="cameraFilter")
        self.urgent_only = QCheckBox(objectName="urgentOnly")
        self.since = QDateEdit(calendarPopup=True, objectName="sinceFilter")
        self.until = QDateEdit(calendarPopup=True, objectName="untilFilter")
        today = QDate(self.reads.clock.today())
        for edit in (self.since, self.until):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.since.setDate(today.addDays(-7))
        self.until.setDate(today)
        self.since_label, self.until_label = QLabel(), QLabel()
        self.count = QLabel(objectName="resultCount")
        plain(self.count)
        for signal in (
            self.kind_filter.currentIndexChanged,
            self.camera_filter.currentIndexChanged,
            self.urgent_only.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(lambda *_: self._refresh_soon.start())
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.camera_filter, 1)
        filters.addWidget(self.urgent_only)
        dates = QHBoxLayout()
        for widget in (self.since_label, self.since, self.until_label, self.until):
            dates.addWidget(widget)
        dates.addStretch(1)
        dates.addWidget(self.count)

        return filters, dates

    def _detail(self) -> QWidget:
        """The selected event: its title and actions, its pictures and its facts."""
        self.title = QLabel(objectName="eventTitle")
        plain(self.title)
        self.acknowledge_button = QPushButton(objectName="acknowledgeEvent")
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.acknowledge_button.setVisible(self.alarms is not None)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.acknowledge_button)
        self.replay_button = ReplayButton(self.reads.site, AI_EVENT, self._selected_id)
        title_row.addWidget(self.replay_button)
        self.facts = QLabel(objectName="fieldValue", wordWrap=True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.snapshot = Picture(QSize(240, 135))
        self.face = Picture(QSize(96, 112))
        self.face.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.face.setFixedWidth(128)
        pictures = QHBoxLayout()
        pictures.addWidget(self.snapshot, 1)
        pictures.addWidget(self.face)
        detail = QWidget(objectName="eventDetail")
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addLayout(title_row)
        detail_layout.addLayout(pictures, 1)
        detail_layout.addWidget(self.facts)

        return detail

    def _retranslate(self) -> None:
        keep_kind = self.kind_filter.currentIndex()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("全部类型"), None)
        for kind, text in KINDS.items():
            self.kind_filter.addItem(self.tr(text), kind)
        self.kind_filter.setCurrentIndex(max(0, keep_kind))
        self.kind_filter.blockSignals(False)
        self._fill_cameras()
        self.urgent_only.setText(self.tr("仅紧急"))
        self.acknowledge_button.setText(self.tr("确认"))
        self.acknowledge_button.setToolTip(self.tr("确认已看到此事件；它的告警若仍待确认，一并确认"))
        self.since_label.setText(self.tr("从"))
        self.until_label.setText(self.tr("至"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self._show_count()
        self._show_selected()

    def _fill_cameras(self) -> None:
        keep = self.camera_filter.currentData()
        self.camera_filter.blockSignals(True)
        self.camera_filter.clear()
        self.camera_filter.addItem(self.tr("全部摄像机"), None)
        for camera_id, name in self.reads.event_cameras():
            self.camera_filter.addItem(name, camera_id)
        self.camera_filter.setCurrentIndex(max(0, self.camera_filter.findData(keep)))
        self.camera_filter.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def current_filter(self) -> EventFilter:
        return EventFilter(
            kind=self.kind_filter.currentData(),
            camera_id=self.camera_filter.currentData(),
            since=self.reads.clock.day_start(self.since.date().toPython()),
            until=self.reads.clock.day_start(self.until.date().addDays(1).toPython()),
            urgent_only=self.urgent_only.isChecked(),
        )

    def refresh(self) -> None:
        """Reload from the first page, keeping the selected event selected if it is still listed."""
        selected = self.selected()
        self.model.reload(self.current_filter())
        for number, row in enumerate(self.model.rows):
            if selected is not None and row.event_id == selected.event_id:
                self.table.selectRow(number)
                break
        self._show_count()
        self._show_selected()

    def on_change(self, _change: Change) -> None:
        """A new event was announced: the list follows (several at once refresh once)."""
        if self.until.date() < QDate(self.reads.clock.today()):
            return  # the operator is looking at the past; new events do not belong there
        self._refresh_soon.start()

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %1 条").replace("%1", str(self.model.total)))

    def selected(self) -> EventRow | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def _selected_id(self) -> int | None:
        row = self.selected()
        return row.event_id if row is not None else None

    def _show_selected(self) -> None:
        row = self.selected()
        self.replay_button.refresh()
        acknowledgement = self.reads.acknowledgement(row.event_id) if row is not None else None
        self.acknowledge_button.setEnabled(
            acknowledgement is not None and not acknowledgement.is_acknowledged
        )
        if row is None:
            self.title.setText(self.tr("选择一条事件查看截图"))
            self.facts.setText("")
            self.snapshot.show_picture(QPixmap(), "")
            self.face.show_picture(QPixmap(), "")
            return
        snapshot, face = self.reads.event_pictures(row.event_id)
        self.title.setText(self.model.kind_text(row))
        self.snapshot.show_picture(jpeg_pixmap(snapshot), self.tr("无截图"))
        self.face.show_picture(jpeg_pixmap(face), self.tr("无人脸截图"))
        facts = [
            (self.tr("时间"), self.reads.clock.text(row.at)),
            (self.tr("摄像机"), self.model.data(self.model.index(self.table.currentIndex().row(), 2))),
            (self.tr("人员 / 区域"), self.model.who_text(row)),
            (self.tr("说明"), self.model.detail_text(row)),
            *self._acknowledgement_facts(acknowledgement),
        ]
        self.facts.setText(
            "&emsp;".join(  # an em space: the same gap in either language
                f"<span style='color:#8fa3bf'>{escape(name)}</span> {escape(str(value))}"
                for name, value in facts
                if value
            )
        )

    def _acknowledgement_facts(self, acknowledgement: EventAcknowledgement | None) -> list[tuple[str, str]]:
        if acknowledgement is None:
            return []
        facts = []
        if acknowledgement.acknowledged_at is not None:
            facts.append(
                (
                    self.tr("已确认"),
                    f"{acknowledgement.acknowledged_by or ''} {self.reads.clock.text(acknowledgement.acknowledged_at)}",
                )
            )
        elif acknowledgement.through_alarm:
            assert acknowledgement.alarm_acknowledged_at is not None
            facts.append(
                (
                    self.tr("已确认"),
                    f"{acknowledgement.alarm_acknowledged_by or ''} "
                    f"{self.reads.clock.text(acknowledgement.alarm_acknowledged_at)}{self.tr('（随告警确认）')}",
                )
            )
        if acknowledgement.alarm_id is not None:
            states = {
                AlarmState.RAISED: self.tr("待确认"),
                AlarmState.ACKNOWLEDGED: self.tr("已确认"),
                AlarmState.HANDLED: self.tr("已处置"),
            }
            state = states.get(acknowledgement.alarm_state, acknowledgement.alarm_state or "")
            facts.append((self.tr("告警"), f"#{acknowledgement.alarm_id} {state}"))
        return facts

    def acknowledge_selected(self) -> None:
        """Acknowledge the selected event (and its waiting alarm); a failure is said, nothing is lost."""
        row = self.selected()
        if row is None or self.alarms is None:
            return
        try:
            acknowledge_event(self.alarms, row.event_id)
        except (AlarmError, StoreFailure) as error:  # said in words; the list stays as it was
            QMessageBox.warning(
                self, self.tr("无法确认"), literal_html(self.tr("确认未能保存：%1").replace("%1", str(error)))
            )
        self._show_selected()


def create_panel(shell_context: ShellContext) -> AiEventList:
    """AI事件 as a dock or a tab."""
    return AiEventList(
        shell_context.reads.ai,
        names_visible(shell_context),
        shell_context.bridge,
        alarms=shell_context.runtime.alarms,
    )


def select_event(view: AiEventList, event_id: int) -> bool:
    """Select an event if it is in the loaded rows (for an alarm popup's "show the AI event")."""
    for number, row in enumerate(view.model.rows):
        if row.event_id == event_id:
            view.table.selectRow(number)
            return True
    return False
