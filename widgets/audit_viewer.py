"""工具 → 审计日志…: the supervisors' view of the audit log, filtered, checked and exported.

Everything is asked of the runtime's audit reader on a job thread; the reader refuses a seat without
the `audit.view` permission (`runtime/permissions.py`), and the menu entry asks the same check first.
Cells are plain table items: what an entry quotes is shown as typed.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from runtime.read.audit import AuditFilter, AuditLine, AuditReads, ChainReport
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain

COLUMNS = ("序号", "时间", "操作人", "席位", "操作", "对象", "编号", "内容")
DEFAULT_DAYS = 30


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


class AuditLogDialog(QDialog):
    def __init__(self, reads: AuditReads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(tr("审计日志"))
        self.resize(1100, 640)
        self.reads = reads
        self.jobs = Jobs(self)
        self.person = QLineEdit(placeholderText=tr("操作人或席位"))
        self.action = QComboBox(editable=True)
        self.entity = QComboBox(editable=True)
        today = QDate(reads.clock.today())  # the site's day, not this computer's
        self.since = QDateEdit(today.addDays(-DEFAULT_DAYS), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.until = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.search_button = QPushButton(tr("查询"), objectName="auditSearch")
        self.verify_button = QPushButton(tr("校验审计链"), objectName="auditVerify")
        self.export_button = QPushButton(tr("导出 CSV…"), objectName="auditExport")
        self.table = QTableWidget(0, len(COLUMNS), objectName="auditTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = plain(QLabel(objectName="auditStatus", wordWrap=True))
        self._layout()
        self.search_button.clicked.connect(self.search)
        self.person.returnPressed.connect(self.search)
        self.verify_button.clicked.connect(self.check_chain)
        self.export_button.clicked.connect(self.ask_export)
        self.jobs.submit("choices", self.reads.choices, self._fill_choices, self._failed)
        self.search()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for label, widget in (
            (tr("人员"), self.person), (tr("操作"), self.action), (tr("对象"), self.entity),
            (tr("自"), self.since), (tr("至"), self.until),
        ):  # fmt: skip
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1 if widget in (self.person, self.action) else 0)
        filters.addWidget(self.search_button)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def current_filter(self) -> AuditFilter:
        since = self.since.date().toPython()
        until = self.until.date().toPython() + timedelta(days=1)  # the whole last day
        return AuditFilter(
            self.person.text(), self.action.currentText(), self.entity.currentText(),
            self.reads.clock.day_start(since), self.reads.clock.day_start(until),
        )  # fmt: skip

    def search(self) -> None:
        wanted = self.current_filter()
        self.status.setText(tr("正在查询…"))
        self.jobs.submit("entries", lambda: self.reads.entries(wanted), self._show, self._failed)

    def _fill_choices(self, choices: tuple[list[str], list[str]]) -> None:
        actions, entities = choices
        for box, values in ((self.action, actions), (self.entity, entities)):
            typed = box.currentText()
            box.clear()
            box.addItems(["", *values])
            box.setCurrentText(typed)

    def _show(self, lines: list[AuditLine]) -> None:
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            values = (
                str(line.seq), self.reads.clock.text(line.at), line.actor, line.seat, line.action,
                line.entity, "" if line.entity_id is None else str(line.entity_id), line.detail,
            )  # fmt: skip
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.status.setText(tr("共 {n} 条（最新的在前）").replace("{n}", str(len(lines))))

    def check_chain(self) -> None:
        self.status.setText(tr("正在校验审计链…"))
        self.jobs.submit("verify", self.reads.check_chain, self._checked, self._failed)

    def _checked(self, report: ChainReport) -> None:
        if report.intact:
            text = tr("审计链完整：{n} 条，链头 {hash}").replace("{n}", str(report.checked))
            self.status.setText(text.replace("{hash}", report.head_hash[:16]))
        else:
            self.status.setText(tr("审计链已断：") + report.first_break.message)

    def ask_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(self, tr("导出审计日志"), "审计日志.csv", "CSV (*.csv)")
        if chosen:
            self.start_export(Path(chosen if chosen.lower().endswith(".csv") else chosen + ".csv"))

    def start_export(self, path: Path) -> None:
        wanted = self.current_filter()
        self.jobs.submit("export", lambda: self.reads.export(wanted, path), self._exported, self._failed)

    def _exported(self, count: int) -> None:
        self.status.setText(tr("已导出 {n} 条（导出已记入审计日志）").replace("{n}", str(count)))

    def _failed(self, error: Exception) -> None:
        self.status.setText(tr("操作失败：") + str(error)[:300])


class AuditLogActions(QObject):
    """The 工具 menu's entry; opens the dialog when the seat holds `audit.view`."""

    def __init__(self, reads: AuditReads, window: QMainWindow) -> None:
        super().__init__(window)
        self.reads = reads
        self.window = window
        self.jobs = Jobs(self)
        self.dialog: AuditLogDialog | None = None
        self.open_action = QAction(window)
        self.open_action.setObjectName("auditLogAction")
        self.open_action.triggered.connect(self.ask_open)
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.open_action)

    def retranslate(self) -> None:
        self.open_action.setText(tr("审计日志…"))

    def ask_open(self) -> None:
        self.jobs.submit("permitted", self.reads.permitted, self._open_if, self._refused)

    def _open_if(self, permitted: bool) -> None:
        if not permitted:
            self._refused(PermissionError(tr("本席位无权查看审计日志（需要 audit.view 权限）")))
            return
        self.dialog = AuditLogDialog(self.reads, self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog.open()

    def _refused(self, error: Exception) -> None:
        QMessageBox.information(self.window, tr("审计日志"), literal_html(str(error)))
