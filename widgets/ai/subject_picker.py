"""Whom a face is enrolled for: a resident found in the roster (ID and phone masked), or a watch-list
entry (重点人员) under a label, with the reason it is on the list."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runtime.read.ai import AiReads
from runtime.read.resident_search import ResidentRow
from widgets.ai.background import Background
from widgets.ai.style import setup_table
from widgets.households.model import short_address
from widgets.plain_text import literal_html, plain

RESULT_LIMIT = 50  # the picker is for finding one person: a narrower search beats scrolling
RESIDENT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SubjectChoice:
    list_name: str  # "resident" or "watchlist"
    resident_id: int | None = None
    label: str = ""  # watch-list alias
    note: str = ""  # why on the watch list
    display: str = ""  # shown in messages: the resident's name or the label


class SubjectPicker(QWidget):
    """Emits `changed` whenever the choice (or its completeness) changes."""

    changed = Signal()

    def __init__(self, reads: AiReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = reads
        self._rows: list[ResidentRow] = []
        self._generation = 0
        self._background = Background(self, "ai-roster")
        self._search_soon = QTimer(self, singleShot=True, interval=250)
        self._search_soon.timeout.connect(self.search)
        self._build()
        self._retranslate()

    def _build(self) -> None:
        self.resident_option = QRadioButton(objectName="residentOption", checked=True)
        self.watchlist_option = QRadioButton(objectName="watchlistOption")
        self._options = QButtonGroup(self)
        self._options.addButton(self.resident_option, 0)
        self._options.addButton(self.watchlist_option, 1)
        options = QHBoxLayout()
        options.addWidget(self.resident_option)
        options.addWidget(self.watchlist_option)
        options.addStretch(1)

        self.search_box = QLineEdit(objectName="residentSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda *_: self._search_soon.start())
        self.results = QStandardItemModel(0, 5, self)
        self.table = QTableView(objectName="residentResults")
        self.table.setModel(self.results)
        setup_table(self.table, (76, 44, 158, 112), stretch=4)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.changed.emit())
        self.result_note = QLabel(objectName="resultCount")
        plain(self.result_note)
        resident_page = QWidget()
        resident_layout = QVBoxLayout(resident_page)
        resident_layout.setContentsMargins(0, 0, 0, 0)
        resident_layout.addWidget(self.search_box)
        resident_layout.addWidget(self.table, 1)
        resident_layout.addWidget(self.result_note)

        self.label_edit = QLineEdit(objectName="watchlistLabel")
        self.label_edit.setMaxLength(64)
        self.reason_edit = QLineEdit(objectName="watchlistReason")
        self.reason_edit.setMaxLength(200)
        for edit in (self.label_edit, self.reason_edit):
            edit.textChanged.connect(lambda *_: self.changed.emit())
        watch_page = QWidget()
        watch_form = QFormLayout(watch_page)
        watch_form.setContentsMargins(0, 0, 0, 0)
        self._watch_labels = [QLabel(), QLabel()]
        watch_form.addRow(self._watch_labels[0], self.label_edit)
        watch_form.addRow(self._watch_labels[1], self.reason_edit)
        self.watch_note = QLabel(objectName="fieldName", wordWrap=True)
        plain(self.watch_note)
        watch_form.addRow(self.watch_note)

        self.pages = QStackedWidget()
        self.pages.addWidget(resident_page)
        self.pages.addWidget(watch_page)
        self._options.idToggled.connect(self._option_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(options)
        layout.addWidget(self.pages, 1)

    def _retranslate(self) -> None:
        self.resident_option.setText(self.tr("居民"))
        self.watchlist_option.setText(self.tr("重点人员"))
        self.search_box.setPlaceholderText(self.tr("输入姓名、地址、电话或身份证后四位"))
        self.results.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("性别"), self.tr("身份证号"), self.tr("联系电话"), self.tr("住址")]
        )
        self._watch_labels[0].setText(self.tr("标签"))
        self._watch_labels[1].setText(self.tr("列入原因"))
        self.label_edit.setPlaceholderText(self.tr("称呼或编号，不写居民姓名"))
        self.reason_edit.setPlaceholderText(self.tr("例如：公安机关协查通知及文号"))
        self.watch_note.setText(self.tr("重点人员命中时立即产生紧急事件。"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _option_toggled(self, option: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(option)
            self.changed.emit()

    # ---- residents --------------------------------------------------------------------------------

    def search(self) -> None:
        """Look up the typed text in the roster (off the GUI thread); the newest search wins."""
        self._generation += 1
        generation, text = self._generation, self.search_box.text().strip()
        if not text:
            self._apply(generation, [])
            return

        def job() -> list[ResidentRow]:
            return self.reads.residents(text, RESULT_LIMIT)

        self._background.run(job, lambda rows: self._apply(generation, rows), self._failed)

    def _apply(self, generation: int, rows: list[ResidentRow]) -> None:
        if generation != self._generation:
            return
        self._rows = rows
        self.results.removeRows(0, self.results.rowCount())
        for row in rows:
            cells = [row.name, row.sex, row.id_masked, row.phone_masked, short_address(row.address)]
            items = [QStandardItem(text) for text in cells]
            items[0].setData(row.resident_id, RESIDENT_ROLE)
            items[4].setToolTip(literal_html(row.address))
            self.results.appendRow(items)
        self._show_count()
        if len(rows) == 1:
            self.table.selectRow(0)
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.result_note.setText(self.tr("查询失败：%1").replace("%1", str(error)))

    def _show_count(self) -> None:
        if not self.search_box.text().strip():
            self.result_note.setText(self.tr("在花名册中查找要登记的居民"))
        elif len(self._rows) >= RESULT_LIMIT:
            self.result_note.setText(
                self.tr("只显示前 %1 人，请输入更多内容").replace("%1", str(RESULT_LIMIT))
            )
        else:
            self.result_note.setText(self.tr("找到 %1 人").replace("%1", str(len(self._rows))))

    def selected_resident(self) -> ResidentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    # ---- the choice -------------------------------------------------------------------------------

    def choice(self) -> SubjectChoice | None:
        """The complete choice, or None while something is missing (see `missing`)."""
        if self.resident_option.isChecked():
            row = self.selected_resident()
            return SubjectChoice("resident", resident_id=row.resident_id, display=row.name) if row else None
        label, reason = self.label_edit.text().strip(), self.reason_edit.text().strip()
        if not label or not reason:
            return None
        return SubjectChoice("watchlist", label=label, note=reason, display=label)

    def missing(self) -> str:
        if self.choice() is not None:
            return ""
        if self.resident_option.isChecked():
            return self.tr("请选择要登记的居民")
        if not self.label_edit.text().strip():
            return self.tr("请填写重点人员标签")
        return self.tr("请填写列入重点人员的原因")

    def choose_watchlist(self, label: str, reason: str) -> None:
        self.watchlist_option.setChecked(True)
        self.label_edit.setText(label)
        self.reason_edit.setText(reason)

    def find_resident(self, text: str) -> None:
        self.resident_option.setChecked(True)
        self.search_box.setText(text)
        self._search_soon.stop()
        self.search()
