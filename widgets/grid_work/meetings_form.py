"""Recording a meeting (网格员会议, 议事会, 两委会): grid, kind, time, place, agenda, who was present and
who absent, minutes, and resolutions — each only recorded, turned into a ticket of a category, or put
to the grid's households as a vote (同意 / 不同意) closing in a week."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.grid_work.meetings import MeetingDraft, ResolutionDraft
from runtime.read.grid_work import GridChoice
from widgets.grid_work.votes_forms import WorkFormDialog
from widgets.grid_work.work_ui import read_only_table, site_time_edit, tr, typed_utc
from widgets.jobs import Jobs

KINDS = ("网格员会议", "居民议事会", "两委会")
ATTENDANCE = (("", "未列入"), ("present", "到会"), ("absent", "缺席"))
VOTE_DAYS = 7
MAX_RESOLUTIONS = 8


def resolution_actions(box: QComboBox, categories: list[tuple[str, str]]) -> None:
    box.addItem(tr("仅记录"), None)
    box.addItem(tr("付诸表决（7天）"), "vote")
    for code, path in categories:
        box.addItem(tr("转工单：") + f"{code} {path}", code)


class MeetingDialog(WorkFormDialog):
    def __init__(
        self,
        jobs: Jobs,
        grids: list[GridChoice],
        people: Callable[[str], list[tuple[int, str]]],
        categories: list[tuple[str, str]],
        zone: ZoneInfo,
        now: datetime,
        write: Callable[[MeetingDraft], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("登记会议"))
        self.setMinimumWidth(720)
        self._zone, self._write, self._people, self._categories = zone, write, people, categories
        self.grid = QComboBox()
        for grid in grids:
            self.grid.addItem("　" * (grid.level - 1) + grid.name, grid.code)
        self.add_field("grid", tr("网格"), self.grid)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems([tr(k) for k in KINDS])
        self.add_field("title", tr("会议"), self.kind)
        self.when = site_time_edit(now, zone)
        self.when.setMaximumDateTime(self.when.dateTime())
        self.add_field("at", tr("时间"), self.when)
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("例如：社区党群服务中心二楼会议室"))
        self.add_field("place", tr("地点"), self.place)
        self.agenda = QPlainTextEdit()
        self.agenda.setFixedHeight(56)
        self.add_field("agenda", tr("议程"), self.agenda)
        self.attendance = read_only_table([tr("人员"), tr("出席")])
        self.attendance.setFixedHeight(150)
        self.add_field("present", tr("参会人员"), self.attendance)
        self.minutes = QPlainTextEdit()
        self.minutes.setFixedHeight(70)
        self.add_field("minutes", tr("会议纪要"), self.minutes)
        box = QWidget()
        self._resolution_grid = QGridLayout(box)
        self._resolution_grid.setContentsMargins(0, 0, 0, 0)
        self.resolutions: list[tuple[QLineEdit, QComboBox]] = []
        self.add_resolution_button = QPushButton(tr("添加决议"))
        self.add_resolution_button.clicked.connect(self.add_resolution)
        self._resolution_grid.addWidget(self.add_resolution_button, 0, 0)
        self.add_field("resolutions", tr("决议"), box)
        self.grid.currentIndexChanged.connect(self._load_people)
        self._load_people()

    def _load_people(self) -> None:
        code = self.grid.currentData()
        self._jobs.submit("meeting-people", lambda: self._people(code), self._show_people)

    def _show_people(self, people: list[tuple[int, str]]) -> None:
        table: QTableWidget = self.attendance
        table.setRowCount(len(people))
        for row, (person_id, name) in enumerate(people):
            table.setItem(row, 0, QTableWidgetItem(name))
            choice = QComboBox()
            for value, label in ATTENDANCE:
                choice.addItem(tr(label), value)
            choice.setProperty("person_id", person_id)
            table.setCellWidget(row, 1, choice)

    def mark(self, name: str, value: str) -> None:
        """Set one person's attendance by name (the tests and the keyboard-less demo use it)."""
        for row in range(self.attendance.rowCount()):
            if self.attendance.item(row, 0).text() == name:
                box = self.attendance.cellWidget(row, 1)
                box.setCurrentIndex(box.findData(value))

    def _attending(self, value: str) -> tuple[int, ...]:
        boxes = (self.attendance.cellWidget(r, 1) for r in range(self.attendance.rowCount()))
        return tuple(
            int(b.property("person_id")) for b in boxes if b is not None and b.currentData() == value
        )

    def add_resolution(self) -> tuple[QLineEdit, QComboBox]:
        text, action = QLineEdit(), QComboBox()
        text.setPlaceholderText(tr("决议内容"))
        resolution_actions(action, self._categories)
        line = len(self.resolutions) + 1
        self._resolution_grid.addWidget(text, line, 0)
        self._resolution_grid.addWidget(action, line, 1)
        self.resolutions.append((text, action))
        self.add_resolution_button.setEnabled(len(self.resolutions) < MAX_RESOLUTIONS)
        return text, action

    def local_problems(self) -> dict[str, str]:
        if not self._attending("present"):
            return {"present": tr("请至少登记一名到会人员")}
        return {}

    def draft(self) -> MeetingDraft:
        at = typed_utc(self.when, self._zone)
        vote_closes = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=VOTE_DAYS)
        resolutions = []
        for text, action in self.resolutions:
            if not text.text().strip():
                continue
            chosen = action.currentData()
            resolutions.append(
                ResolutionDraft(
                    text.text(),
                    ticket_category=chosen if chosen not in (None, "vote") else None,
                    vote_closes_at=vote_closes if chosen == "vote" else None,
                )
            )
        return MeetingDraft(
            self.grid.currentData(),
            at,
            self.kind.currentText(),
            self._attending("present"),
            self._attending("absent"),
            self.agenda.toPlainText(),
            self.minutes.toPlainText(),
            tuple(resolutions),
            self.place.text(),
        )

    def write_work(self) -> Callable[[], object]:
        draft, write = self.draft(), self._write
        return lambda: write(draft)
