"""楼院自治: a compound's buildings with their 楼栋长 and 微网格员 (appointed from the people table or
from the roster's residents, relieved with a confirmation), and the compound's 居民自治小组 with its
members (formed and filled on the 志愿服务与居民自治 screen)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.grid_work.micro_grid import MicroGridStaff
from runtime.read.grid_work import BuildingStaff, CompoundSelfGovernance
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.picker_load import compounds_later
from widgets.grid_work.volunteers_forms import JoinDialog
from widgets.grid_work.work_ui import fill_table, read_only_table, selected_key, tr
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

LOAD_JOB, FORM_JOB, ACT_JOB = "micro-grid", "micro-form", "micro-act"
ROLES = (("building_head", "楼栋长"), ("micro_member", "微网格员"))


class MicroGridDialog(QDialog):
    def __init__(
        self, context: ShellContext, compound_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("microGridDialog")
        self.setWindowTitle(tr("楼院自治"))
        self.resize(900, 600)
        self._context, self._reads, self._jobs = context, context.reads.grid_work, Jobs(self)
        self.state: CompoundSelfGovernance | None = None
        self.form: QDialog | None = None
        self.compound = QComboBox()
        compounds_later(self._jobs, self.compound, self._reads.grids, compound_code, self._failed)
        self.compound.currentIndexChanged.connect(self.refresh)
        self.table = read_only_table([tr("楼栋"), tr("户数"), tr("楼栋长"), tr("微网格员")])
        self.role = QComboBox()
        for value, label in ROLES:
            self.role.addItem(tr(label), value)
        self.appoint_button = QPushButton(tr("任命…"))
        self.relieve_button = QPushButton(tr("免去…"))
        self.appoint_button.clicked.connect(self.appoint)
        self.relieve_button.clicked.connect(self.relieve)
        may = context.may(Permission.EDIT_ROSTER)
        for button in (self.appoint_button, self.relieve_button):
            button.setEnabled(may)
        self.group = plain(QLabel())
        self.group.setWordWrap(True)
        self.status = plain(QLabel())
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("小区")))
        top.addWidget(self.compound, 1)
        act = QHBoxLayout()
        act.addStretch(1)
        for widget in (self.role, self.appoint_button, self.relieve_button):
            act.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(act)
        layout.addWidget(self.group)
        layout.addWidget(self.status)
        context.bridge.on("grid", lambda _change: self.refresh(), self)
        context.bridge.on("volunteer", lambda _change: self.refresh(), self)
        self.refresh()

    def refresh(self) -> None:
        code, reads = self.compound.currentData(), self._reads
        if code is not None:
            self._jobs.submit(LOAD_JOB, lambda: reads.self_governance(code), self._loaded, self._failed)

    def _loaded(self, state: CompoundSelfGovernance) -> None:
        keep = selected_key(self.table)
        self.state = state
        rows = [
            (
                b.name,
                b.households,
                "、".join(n for _p, n in b.heads),
                "、".join(n for _p, n in b.micro_members),
            )
            for b in state.buildings
        ]
        fill_table(self.table, rows, [b.grid_code for b in state.buildings])
        for row, building in enumerate(state.buildings):
            if building.grid_code == keep:
                self.table.selectRow(row)
        if state.group_id is None:
            self.group.setText(
                tr("居民自治小组：尚未成立（在“志愿服务与居民自治”中新建，类型选居民自治小组）")
            )
        else:
            members = "、".join(state.group_members) or tr("暂无成员")
            self.group.setText(
                tr("居民自治小组：") + f"{state.group_name}（{len(state.group_members)}）{members}"
            )

    def selected(self) -> BuildingStaff | None:
        key = selected_key(self.table)
        return next((b for b in self.state.buildings if b.grid_code == key), None) if self.state else None

    def appoint(self) -> None:
        building, reads, role = self.selected(), self._reads, self.role.currentData()
        if building is None:
            self.status.setText(tr("请先选择一栋楼"))
            return
        staff = MicroGridStaff(self._context.site)

        def write(kind: str, key: int) -> object:
            if kind == "person":
                return staff.appoint(building.grid_code, key, role)
            return staff.appoint_resident(building.grid_code, key, role)

        def opened(found: tuple) -> None:
            people, residents = found
            self.form = JoinDialog(self._jobs, people, residents, write, self)
            self.form.setWindowTitle(tr("任命") + self.role.currentText() + f" · {building.name}")
            self.form.accepted.connect(lambda: self.status.setText(tr("已任命")))
            self.form.open()

        code = building.grid_code
        self._jobs.submit(FORM_JOB, lambda: (reads.people(), reads.residents(code)), opened, self._failed)

    def relieve(self) -> None:
        building, role = self.selected(), self.role.currentData()
        if building is None:
            return
        holders = building.heads if role == "building_head" else building.micro_members
        if not holders:
            self.status.setText(tr("该楼没有此职责的人员"))
            return
        person_id, name = holders[0]
        staff = MicroGridStaff(self._context.site)
        self.confirm = ConfirmActDialog(
            tr("免去职责"),
            tr("免去 {name} 的{role}职责（记入审计日志）。")
            .replace("{name}", name)
            .replace("{role}", self.role.currentText()),
            tr("免去"),
            parent=self,
        )
        self.confirm.confirmed.connect(
            lambda _r: self._jobs.submit(
                ACT_JOB,
                lambda: staff.relieve(building.grid_code, person_id, role),
                lambda _x: self.status.setText(tr("已免去")),
                self._failed,
            )
        )
        self.confirm.open()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error)[:300])
