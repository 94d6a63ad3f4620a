"""入户走访: the visits of a grid with filters (period, visitor, what was found), a visit corrected or
voided (never deleted), and the overdue visits per grid worker, from which a visit is recorded."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.grid_work.findings import FindingTag
from runtime.read.grid_work import OverdueHousehold, VisitRow
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.picker_load import grids_later, people_later
from widgets.grid_work.visits_forms import VisitCorrectionDialog
from widgets.grid_work.work_ui import (
    WorkDialog,
    fill_table,
    read_only_table,
    selected_key,
    tr,
    when,
)
from widgets.households.visit_dialog import VisitDialog, visit_lines
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

LIST_JOB, OVERDUE_JOB, FORM_JOB, ACT_JOB = "visits", "overdue", "visit-form", "visit-act"
PERIODS = ((30, "近30天"), (90, "近90天"), (365, "近一年"), (0, "全部"))


class VisitsDialog(WorkDialog):
    def __init__(
        self, context: ShellContext, grid_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "visitsDialog", tr("入户走访"), (1100, 660), parent)
        self.visits: list[VisitRow] = []
        self.overdue: list[OverdueHousehold] = []
        self.grid = grids_later(self._jobs, self._reads.grids, grid_code, self._failed)
        self.period, self.visitor, self.tag = QComboBox(), QComboBox(), QComboBox()
        for days, label in PERIODS:
            self.period.addItem(tr(label), days)
        self.visitor.addItem(tr("全部走访人"), None)
        people_later(self._jobs, self.visitor, self._reads.people, self._failed)
        self.tag.addItem(tr("全部"), None)
        for tag in FindingTag:
            self.tag.addItem(tr(tag.zh), tag.value)
        for box in (self.grid, self.period, self.visitor, self.tag):
            box.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._visit_tab(), tr("走访记录"))
        self.tabs.addTab(self._overdue_tab(), tr("逾期未访"))
        top = QHBoxLayout()
        for label, box in ((tr("网格"), self.grid), (tr("时间"), self.period), (tr("走访人"), self.visitor)):
            top.addWidget(QLabel(label))
            top.addWidget(box, 1 if box is self.grid else 0)
        top.addWidget(QLabel(tr("发现")))
        top.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.follow("visit")

    def _visit_tab(self) -> QWidget:
        self.table = read_only_table(
            [tr("时间"), tr("住户"), tr("走访人"), tr("见到"), tr("发现"), tr("状态")]
        )
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setFixedHeight(120)
        self.correct_button = QPushButton(tr("更正…"))
        self.void_button = QPushButton(tr("作废…"))
        self.correct_button.clicked.connect(self.correct)
        self.void_button.clicked.connect(self.void)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.void_button)
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        column.addLayout(buttons)
        return tab

    def _overdue_tab(self) -> QWidget:
        self.overdue_table = read_only_table(
            [tr("网格员"), tr("住户"), tr("每年应访"), tr("上次走访"), tr("应访日期")]
        )
        self.record_button = QPushButton(tr("登记走访…"))
        self.record_button.clicked.connect(self.record_visit)
        self.record_button.setEnabled(self._context.may(Permission.EDIT_ROSTER))
        tab = QWidget()
        column = QVBoxLayout(tab)
        column.addWidget(self.overdue_table, 1)
        row = QHBoxLayout()
        self.overdue_count = plain(QLabel())
        row.addWidget(self.overdue_count, 1)
        row.addWidget(self.record_button)
        column.addLayout(row)
        return tab

    # ---- the lists --------------------------------------------------------------------------------

    def refresh(self) -> None:
        reads, code = self._reads, self.grid.currentData()
        days, visitor, tag = self.period.currentData(), self.visitor.currentData(), self.tag.currentData()
        clock = self._context.reads.clock

        def read() -> list[VisitRow]:
            start = clock.utcnow() - timedelta(days=days) if days else None
            return reads.visits(code, start, None, visitor, tag)

        self._jobs.submit(LIST_JOB, read, self._listed, self._failed)
        self._jobs.submit(
            OVERDUE_JOB, lambda: reads.overdue(code, visitor), self._overdue_listed, self._failed
        )

    def _listed(self, visits: list[VisitRow]) -> None:
        self.visits = visits
        rows = [
            (
                when(v.at, self._zone),
                v.address,
                v.visitor,
                v.people_met,
                "、".join(tr(FindingTag(f.tag).zh) for f in v.findings),
                tr("已作废") if v.void_reason is not None else "",
            )
            for v in visits
        ]
        fill_table(self.table, rows, [v.visit_id for v in visits])
        self._show_selected()

    def _overdue_listed(self, overdue: list[OverdueHousehold]) -> None:
        self.overdue = overdue
        rows = [
            (
                o.worker or tr("（无网格员）"),
                o.address,
                o.per_year,
                when(o.last_visit, self._zone) or tr("从未走访"),
                when(o.due, self._zone)[:10] or tr("现在"),
            )
            for o in overdue
        ]
        fill_table(self.overdue_table, rows, [o.household_id for o in overdue])
        self.overdue_count.setText(tr("逾期未访 {n} 户").replace("{n}", str(len(overdue))))

    def selected(self) -> VisitRow | None:
        key = selected_key(self.table)
        return next((v for v in self.visits if v.visit_id == key), None)

    def _show_selected(self) -> None:
        visit = self.selected()
        text = visit_lines([visit], self._zone) if visit else ""
        if visit is not None and visit.void_reason is not None:
            text += "\n" + tr("已作废：{reason}").replace("{reason}", visit.void_reason)
        self.detail.setPlainText(text)
        editable = (
            visit is not None and visit.void_reason is None and self._context.may(Permission.EDIT_ROSTER)
        )
        self.correct_button.setEnabled(editable)
        self.void_button.setEnabled(editable)

    # ---- acts -------------------------------------------------------------------------------------

    def correct(self) -> None:
        visit, work, clock = self.selected(), self._context.reads.work, self._context.reads.clock
        if visit is None:
            return

        def opened(found: tuple) -> None:
            visitors, now = found
            corrections = self._writers.corrections()
            self.form = VisitCorrectionDialog(
                self._jobs, visit, visitors, self._zone, now, corrections.correct, self
            )
            self.form.accepted.connect(lambda: self.status.setText(tr("走访记录已更正")))
            self.form.open()

        self._jobs.submit(
            FORM_JOB, lambda: (work.visitors(visit.household_id), clock.utcnow()), opened, self._failed
        )

    def void(self) -> None:
        visit = self.selected()
        if visit is None:
            return
        self.confirm = ConfirmActDialog(
            tr("作废走访记录"),
            tr("作废后该记录仍保留并标明已作废，不再计入统计和走访计划；由此转出的工单不受影响。"),
            tr("作废"),
            reason_label=tr("作废理由"),
            reason_required=True,
            parent=self,
        )
        corrections = self._writers.corrections()
        self.confirm.confirmed.connect(
            lambda reason: self._jobs.submit(
                ACT_JOB,
                lambda: corrections.void(visit.visit_id, reason),
                lambda _r: self.status.setText(tr("走访记录已作废")),
                self._failed,
            )
        )
        self.confirm.open()

    def record_visit(self) -> None:
        key = selected_key(self.overdue_table)
        household = next((o for o in self.overdue if o.household_id == key), None)
        if household is None:
            self.status.setText(tr("请先选择一户"))
            return
        work, tickets = self._context.reads.work, self._context.reads.tickets

        def read() -> tuple:
            categories = [(c.code, c.path) for c in tickets.categories]
            return work.visitors(household.household_id), categories

        def opened(found: tuple) -> None:
            visitors, categories = found
            record = self._writers.visits().record
            self.form = VisitDialog(
                self._jobs,
                household.address,
                visitors,
                categories,
                self._zone,
                record,
                household.household_id,
                self,
            )
            self.form.accepted.connect(lambda: self.status.setText(tr("走访已登记")))
            self.form.open()

        self._jobs.submit(FORM_JOB, read, opened, self._failed)
