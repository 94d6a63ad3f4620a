"""会议 (网格员会议, 议事会, 两委会): a grid's meetings with agenda, time, place, who was present and
absent, minutes and resolutions; a new meeting; a stored resolution turned into a ticket or a vote
in one click (the core's `MeetingBook.act_on`), linked to it from then on."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.grid_work.meetings import ResolutionDraft
from runtime.read.grid_work import MeetingRow, ResolutionLine
from widgets.grid_work.meetings_form import VOTE_DAYS, MeetingDialog, resolution_actions
from widgets.grid_work.picker_load import grids_later
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

LIST_JOB, FORM_JOB, ACT_JOB = "meetings", "meeting-form", "meeting-act"


class MeetingsDialog(WorkDialog):
    def __init__(
        self, context: ShellContext, grid_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, "meetingsDialog", tr("会议"), (1100, 660), parent)
        self._may_write = context.may(Permission.EDIT_ROSTER)
        self.meetings: list[MeetingRow] = []
        self.grid = grids_later(self._jobs, self._reads.grids, grid_code, self._failed)
        self.grid.currentIndexChanged.connect(self.refresh)
        self.table = read_only_table(
            [tr("时间"), tr("网格"), tr("会议"), tr("地点"), tr("到会"), tr("缺席"), tr("决议")]
        )
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.resolution_list = QListWidget()
        self.resolution_list.setFixedHeight(110)
        self.resolution_list.itemSelectionChanged.connect(self._resolution_chosen)
        self.action = QComboBox()
        self.act_button = QPushButton(tr("执行"))
        self.act_button.clicked.connect(self.act_on_resolution)
        self.new_button = QPushButton(tr("登记会议…"))
        self.new_button.clicked.connect(self.new_meeting)
        self.new_button.setEnabled(self._may_write)
        self._layout()
        self.follow("meeting")
        self._load_categories()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("网格")))
        top.addWidget(self.grid, 1)
        top.addWidget(self.new_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        column.addWidget(QLabel(tr("决议")))
        column.addWidget(self.resolution_list)
        act = QHBoxLayout()
        act.addWidget(self.action, 1)
        act.addWidget(self.act_button)
        column.addLayout(act)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([640, 460])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _load_categories(self) -> None:
        tickets = self._context.reads.tickets

        def shown(categories: list[tuple[str, str]]) -> None:
            self._categories = categories
            resolution_actions(self.action, categories)
            self.action.removeItem(0)  # 仅记录: nothing to do for a stored resolution
            self._resolution_chosen()

        self._categories: list[tuple[str, str]] = []
        self._jobs.submit(
            "categories", lambda: [(c.code, c.path) for c in tickets.categories], shown, self._failed
        )

    def refresh(self) -> None:
        reads, code = self._reads, self.grid.currentData()
        self._jobs.submit(LIST_JOB, lambda: reads.meetings(code), self._listed, self._failed)

    def _listed(self, meetings: list[MeetingRow]) -> None:
        keep = selected_key(self.table)
        self.meetings = meetings
        rows = [
            (
                when(m.at, self._zone),
                m.grid,
                m.title,
                m.place,
                len(m.present),
                len(m.absent),
                len(m.resolutions),
            )
            for m in meetings
        ]
        fill_table(self.table, rows, [m.meeting_id for m in meetings])
        for row, meeting in enumerate(meetings):
            if meeting.meeting_id == keep:
                self.table.selectRow(row)
        self._show_selected()

    def selected(self) -> MeetingRow | None:
        key = selected_key(self.table)
        return next((m for m in self.meetings if m.meeting_id == key), None)

    def _show_selected(self) -> None:
        meeting = self.selected()
        self.detail.setPlainText(meeting_text(meeting, self._zone) if meeting else tr("请选择一次会议"))
        self.resolution_list.clear()
        for line in meeting.resolutions if meeting else ():
            item = QListWidgetItem(f"{line.position}. {line.text}{resolution_link(line)}")
            item.setData(Qt.ItemDataRole.UserRole, line.position)
            self.resolution_list.addItem(item)
        self._resolution_chosen()

    def chosen_resolution(self) -> ResolutionLine | None:
        meeting, items = self.selected(), self.resolution_list.selectedItems()
        if meeting is None or not items:
            return None
        position = items[0].data(Qt.ItemDataRole.UserRole)
        return next((r for r in meeting.resolutions if r.position == position), None)

    def _resolution_chosen(self) -> None:
        line = self.chosen_resolution()
        open_line = line is not None and line.ticket_id is None and line.vote_id is None
        self.act_button.setEnabled(self._may_write and open_line and self.action.count() > 0)

    def act_on_resolution(self) -> None:
        meeting, line, chosen = self.selected(), self.chosen_resolution(), self.action.currentData()
        if meeting is None or line is None or chosen is None:
            return
        clock, writers = self._context.reads.clock, self._writers

        def act() -> object:
            closes = clock.utcnow() + timedelta(days=VOTE_DAYS) if chosen == "vote" else None
            draft = ResolutionDraft(line.text, None if chosen == "vote" else chosen, closes)
            return writers.meetings().act_on(meeting.meeting_id, line.position, draft)

        done = tr("决议已付诸表决") if chosen == "vote" else tr("决议已转为工单")
        self._jobs.submit(ACT_JOB, act, lambda _r: self.status.setText(done), self._failed)

    def new_meeting(self) -> None:
        reads, tickets, clock, writers = (
            self._reads,
            self._context.reads.tickets,
            self._context.reads.clock,
            self._writers,
        )

        def read() -> tuple:
            return reads.grids(4), [(c.code, c.path) for c in tickets.categories], clock.utcnow()

        def opened(found: tuple) -> None:
            grids, categories, now = found
            self.form = MeetingDialog(
                self._jobs, grids, reads.meeting_people, categories, self._zone, now,
                lambda draft: writers.meetings().record(draft), self,
            )  # fmt: skip
            choose_grid(self.form.grid, self.grid.currentData())
            self.form.accepted.connect(lambda: self.status.setText(tr("会议已登记")))
            self.form.open()

        self._jobs.submit(FORM_JOB, read, opened, self._failed)


def resolution_link(line: ResolutionLine) -> str:
    if line.ticket_id is not None:
        return tr("  → 工单 {id}").replace("{id}", str(line.ticket_id))
    if line.vote_id is not None:
        return tr("  → 表决 {id}").replace("{id}", str(line.vote_id))
    return ""


def meeting_text(meeting: MeetingRow, zone) -> str:
    lines = [
        f"{meeting.title}（{meeting.grid}）",
        f"{tr('时间')}：{when(meeting.at, zone)}"
        + (f"  {tr('地点')}：{meeting.place}" if meeting.place else ""),
        f"{tr('到会')}：{'、'.join(meeting.present) or '—'}",
        f"{tr('缺席')}：{'、'.join(meeting.absent) or '—'}",
        "",
        f"{tr('议程')}：",
        meeting.agenda or "—",
        "",
        f"{tr('会议纪要')}：",
        meeting.minutes or "—",
    ]
    return "\n".join(lines)
