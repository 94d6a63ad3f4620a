"""志愿服务: the teams of a grid (志愿服务队 and the compounds' 居民自治小组) with their members, each
member's hours in the team and in all teams (a volunteer's total), and the team's activities with
time, place, participants, hours and the ticket each served; new teams, members, activities."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.grid_work.volunteers import TeamKind
from runtime.read.grid_work import ActivityRow, MemberHours, TeamLine
from widgets.grid_work.picker_load import grids_later
from widgets.grid_work.volunteers_forms import ActivityDialog, JoinDialog, TeamDialog
from widgets.grid_work.work_ui import (
    WorkDialog,
    choose_grid,
    fill_table,
    read_only_table,
    selected_key,
    tr,
    when,
)
from widgets.shell_context import ShellContext

TEAMS_JOB, TEAM_JOB, FORM_JOB = "teams", "team", "team-form"


class VolunteersDialog(WorkDialog):
    def __init__(
        self, context: ShellContext, grid_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "volunteersDialog", tr("志愿服务与居民自治"), (1150, 680), parent)
        self.teams: list[TeamLine] = []
        self.members: list[MemberHours] = []
        self.activities: list[ActivityRow] = []
        self.grid = grids_later(self._jobs, self._reads.grids, grid_code, self._failed)
        self.kind = QComboBox()
        self.kind.addItem(tr("全部"), None)
        for kind in TeamKind:
            self.kind.addItem(tr(kind.zh), kind.value)
        for box in (self.grid, self.kind):
            box.currentIndexChanged.connect(self.refresh)
        self.team_table = read_only_table(
            [tr("队伍"), tr("类型"), tr("网格"), tr("成员"), tr("活动"), tr("时长")]
        )
        self.team_table.itemSelectionChanged.connect(self.load_team)
        self.member_table = read_only_table([tr("成员"), tr("身份"), tr("本队时长"), tr("累计时长")])
        self.activity_table = read_only_table(
            [tr("时间"), tr("活动"), tr("地点"), tr("人数"), tr("时长"), tr("工单")]
        )
        may = context.may(Permission.EDIT_ROSTER)
        self.team_button, self.join_button, self.activity_button = (
            QPushButton(tr("新建队伍…")), QPushButton(tr("加入成员…")), QPushButton(tr("登记活动…")),
        )  # fmt: skip
        for button, slot in (
            (self.team_button, self.new_team),
            (self.join_button, self.join),
            (self.activity_button, self.record_activity),
        ):
            button.clicked.connect(slot)
            button.setEnabled(may)
        self._may = may
        self._layout()
        self.follow("volunteer")

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, box in ((tr("网格"), self.grid), (tr("类型"), self.kind)):
            top.addWidget(QLabel(label))
            top.addWidget(box, 1 if box is self.grid else 0)
        top.addWidget(self.team_button)
        right = QSplitter(Qt.Orientation.Vertical)
        for title, table, button in (
            (tr("成员"), self.member_table, self.join_button),
            (tr("活动"), self.activity_table, self.activity_button),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            head = QHBoxLayout()
            head.addWidget(QLabel(title), 1)
            head.addWidget(button)
            column.addLayout(head)
            column.addWidget(table, 1)
            right.addWidget(box)
        split = QSplitter()
        split.addWidget(self.team_table)
        split.addWidget(right)
        split.setSizes([520, 630])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        reads, code, kind = self._reads, self.grid.currentData(), self.kind.currentData()
        self._jobs.submit(TEAMS_JOB, lambda: reads.teams(code, kind), self._listed, self._failed)

    def _listed(self, teams: list[TeamLine]) -> None:
        keep = self.selected()
        self.teams = teams
        rows = [
            (t.name, tr(TeamKind(t.kind).zh), t.grid, t.members, t.activities, f"{t.hours:g}") for t in teams
        ]
        fill_table(self.team_table, rows, [t.team_id for t in teams])
        if keep is not None:
            self.select(keep.team_id)
        self.load_team()

    def select(self, team_id: int) -> None:
        for row, team in enumerate(self.teams):
            if team.team_id == team_id:
                self.team_table.selectRow(row)

    def selected(self) -> TeamLine | None:
        key = selected_key(self.team_table)
        return next((t for t in self.teams if t.team_id == key), None)

    def load_team(self) -> None:
        team, reads = self.selected(), self._reads
        self.join_button.setEnabled(self._may and team is not None)
        self.activity_button.setEnabled(self._may and team is not None)
        if team is None:
            self._team_loaded(([], []))
            return
        read = lambda: (reads.team_members(team.team_id), reads.activities(team.team_id))  # noqa: E731
        self._jobs.submit(TEAM_JOB, read, self._team_loaded, self._failed)

    def _team_loaded(self, found: tuple) -> None:
        self.members, self.activities = found
        fill_table(
            self.member_table,
            [
                (
                    m.name,
                    tr("居民") if m.resident else tr("工作人员"),
                    f"{m.team_hours:g}",
                    f"{m.total_hours:g}",
                )
                for m in self.members
            ],
            [m.person_id for m in self.members],
        )
        fill_table(
            self.activity_table,
            [
                (
                    when(a.at, self._zone),
                    a.title,
                    a.place,
                    len(a.participants),
                    f"{a.hours:g}",
                    a.ticket_id or "",
                )
                for a in self.activities
            ],
            [a.activity_id for a in self.activities],
        )

    # ---- forms ------------------------------------------------------------------------------------

    def new_team(self) -> None:
        writers, code = self._writers, self.grid.currentData()

        def opened(grids: list) -> None:
            self.form = TeamDialog(self._jobs, grids, lambda *a: writers.volunteers().add_team(*a), self)
            choose_grid(self.form.grid, code)
            self.form.accepted.connect(lambda: self.status.setText(tr("队伍已建立")))
            self.form.open()

        self._jobs.submit(FORM_JOB, self._reads.grids, opened, self._failed, owner=self)

    def join(self) -> None:
        team, reads, code, writers = self.selected(), self._reads, self.grid.currentData(), self._writers
        if team is None:
            return

        def write(kind: str, key: int) -> object:
            book = writers.volunteers()
            return book.join(team.team_id, key) if kind == "person" else book.join_resident(team.team_id, key)

        def opened(found: tuple) -> None:
            people, residents = found
            self.form = JoinDialog(self._jobs, people, residents, write, self)
            self.form.accepted.connect(lambda: self.status.setText(tr("成员已加入")))
            self.form.open()

        self._jobs.submit(FORM_JOB, lambda: (reads.people(), reads.residents(code)), opened, self._failed)

    def record_activity(self) -> None:
        team, clock, writers = self.selected(), self._context.reads.clock, self._writers
        if team is None:
            return
        if not self.members:
            self.status.setText(tr("请先为队伍加入成员"))
            return
        self.form = ActivityDialog(
            self._jobs, team.team_id, self.members, self._zone, clock.utcnow(),
            lambda draft: writers.volunteers().record_activity(draft), self,
        )  # fmt: skip
        self.form.accepted.connect(lambda: self.status.setText(tr("活动已登记")))
        self.form.open()
