"""爱心基金: a compound's mutual-aid fund on screen: the ledger (every entry, reversals marked), the
balance, 登记收支 and 冲销 (each asked first, a reversal with its reason), and the monthly statement as
PDF. Entries are never edited or deleted here or anywhere: the core only adds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.events import Topic
from app.grid_work.fund import FundBook, FundDraft, FundKind, yuan
from runtime.read.pairing import FundLine, FundSummary
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.fund_entry_dialog import FundEntryDialog
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext

COLUMNS = ("编号", "日期", "类型", "类别", "付款人/收款人", "金额（元）", "收据号", "备注", "状态")
KIND_ZH = {"income": "收入", "spending": "支出", "reversal": "冲销"}


def tr(text: str) -> str:
    return QCoreApplication.translate("FundScreen", text)


class FundDialog(QDialog):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundScreen")
        self.setWindowTitle(tr("爱心基金"))
        self.resize(1120, 620)
        self.context = context
        self.reads = context.reads.pairing
        self.clock = context.reads.clock
        self.jobs = Jobs(self)
        self.lines: list[FundLine] = []
        self.summary: FundSummary | None = None
        self.grid = QComboBox(objectName="fundGrid")
        self.balance = plain(QLabel(objectName="fundBalance"))
        self.table = QTableWidget(0, len(COLUMNS), objectName="fundLedger")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)  # the entry's own number is the first column
        self.add_button = QPushButton(tr("登记收支…"), objectName="fundAdd")
        self.reverse_button = QPushButton(tr("冲销…"), objectName="fundReverse")
        self.statement_button = QPushButton(tr("月度明细 PDF…"), objectName="fundStatement")
        self.status = plain(QLabel(objectName="fundStatus", wordWrap=True))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("小区网格")))
        top.addWidget(self.grid, 1)
        top.addWidget(self.balance)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.reverse_button, self.statement_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.grid.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(self.ask_add)
        self.reverse_button.clicked.connect(self.ask_reverse)
        self.statement_button.clicked.connect(self.ask_statement)
        context.bridge.on(Topic.FUND, lambda _change: self.reload(), self)
        self.jobs.submit("grids", self.reads.compounds, self._fill_grids, self._failed)

    def code(self) -> str | None:
        return self.grid.currentData()

    def _fill_grids(self, grids: list[tuple[str, str, int]]) -> None:
        self.grid.blockSignals(True)
        for code, name, households in grids:
            self.grid.addItem(
                tr("%1（%2，%3 户）").replace("%1", name).replace("%2", code).replace("%3", str(households)),
                code,
            )
        if grids:  # the largest compound first: where most of the work is
            self.grid.setCurrentIndex(max(range(len(grids)), key=lambda i: grids[i][2]))
        self.grid.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        code = self.code()
        if code:
            self.jobs.submit("ledger", lambda: self.reads.fund(code), self._show, self._failed)

    def _show(self, fund: tuple[FundSummary, list[FundLine]]) -> None:
        self.summary, self.lines = fund
        self.balance.setText(tr("余额：%1 元").replace("%1", yuan(self.summary.balance_fen)))
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(reversed(self.lines)):  # newest first
            state = tr("冲销 #%1").replace("%1", str(line.reverses_id)) if line.reverses_id else ""
            if line.reversed_by:
                state = tr("已由 #%1 冲销").replace("%1", str(line.reversed_by))
            cells = (
                str(line.entry_id), self.clock.text(line.at, "%Y-%m-%d %H:%M"), tr(KIND_ZH[line.kind]),
                line.category, line.party, yuan(line.amount_fen), line.receipt_no, line.note, state,
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, line.entry_id)
                if column == 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        may = self.context.may(Permission.KEEP_FUND, self.summary.grid_id)
        self.add_button.setEnabled(may)
        self.reverse_button.setEnabled(may)

    # ---- acts ------------------------------------------------------------------------------------

    def ask_add(self) -> None:
        code = self.code()
        if code:
            dialog = FundEntryDialog(code, self.clock.now().replace(tzinfo=None), self)
            dialog.drafted.connect(self._confirm_add)
            dialog.open()

    def _confirm_add(self, draft: FundDraft) -> None:
        draft = replace(draft, at=self.clock.to_utc(draft.at))
        kind = tr("收入") if draft.kind == FundKind.INCOME else tr("支出")
        dialog = ConfirmActDialog(
            tr("登记收支"),
            tr("登记%1 %2 元（%3）？账目登记后不能修改或删除，只能冲销。")
            .replace("%1", kind).replace("%2", yuan(draft.amount_fen)).replace("%3", draft.category),
            tr("登记"),
            parent=self,
        )  # fmt: skip
        book = FundBook(self.context.site)
        dialog.confirmed.connect(
            lambda _r: self.jobs.submit("add", lambda: book.add(draft), self._done, self._failed)
        )
        dialog.open()

    def ask_reverse(self) -> None:
        item = self.table.currentItem()
        if item is None:
            self.status.setText(tr("请先选择要冲销的账目"))
            return
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        line = next(line for line in self.lines if line.entry_id == entry_id)
        dialog = ConfirmActDialog(
            tr("冲销账目"),
            tr("冲销账目 #%1（%2 元）？将登记一笔金额相反的冲销记录，原账目保留。")
            .replace("%1", str(entry_id)).replace("%2", yuan(line.amount_fen)),
            tr("冲销"),
            reason_label=tr("冲销原因"),
            reason_required=True,
            parent=self,
        )  # fmt: skip
        book = FundBook(self.context.site)
        dialog.confirmed.connect(
            lambda reason: self.jobs.submit(
                "reverse", lambda: book.reverse(entry_id, reason), self._done, self._failed
            )
        )
        dialog.open()

    def _done(self, entry_id: int) -> None:
        self.status.setText(tr("已登记账目 #%1").replace("%1", str(entry_id)))
        self.reload()

    def ask_statement(self) -> None:
        code = self.code()
        if not code:
            return
        month, ok = QInputDialog.getText(
            self, tr("月度明细"), tr("月份 (YYYY-MM)"), text=self.clock.now().strftime("%Y-%m")
        )
        if not ok:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("月度明细"), f"爱心基金-{code}-{month}.pdf", tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.jobs.submit(
                "statement",
                lambda: self.reads.statement(code, month),
                lambda s: self._write(s, Path(path)),
                self._failed,
            )

    def _write(self, statement, path: Path) -> None:
        from widgets.grid_work.fund_statement_pdf import write_statement

        write_statement(statement, path, self.clock.zone, self.context.site.profile.name)
        self.status.setText(tr("已写入 %1").replace("%1", str(path)))

    def _failed(self, error: Exception) -> None:
        QMessageBox.warning(self, tr("爱心基金"), literal_html(str(error)))
