"""The volunteer forms: a new team (志愿服务队, or a compound's 居民自治小组), a member joining (a person
of the people table, or a resident of the roster), and an activity with its place, the ticket whose
need it served, and each participating member's hours."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.grid_work.volunteers import ActivityDraft, TeamKind
from runtime.read.grid_work import GridChoice, MemberHours
from widgets.grid_work.votes_forms import WorkFormDialog
from widgets.grid_work.work_ui import site_time_edit, tr, typed_utc
from widgets.jobs import Jobs


class TeamDialog(WorkFormDialog):
    def __init__(
        self, jobs: Jobs, grids: list[GridChoice], write: Callable[..., object], parent: QWidget | None = None
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("新建队伍"))
        self._write = write
        self.name = QLineEdit()
        self.add_field("name", tr("名称"), self.name)
        self.kind = QComboBox()
        for kind in TeamKind:
            self.kind.addItem(tr(kind.zh), kind.value)
        self.add_field("kind", tr("类型"), self.kind)
        self.grid = QComboBox()
        for grid in grids:
            self.grid.addItem("　" * (grid.level - 1) + grid.name, grid.code)
        self.add_field("grid", tr("所属网格"), self.grid)
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(tr("例如：独居老人探访、代买代办"))
        self.add_field("purpose", tr("服务内容"), self.purpose)

    def write_work(self) -> Callable[[], object]:
        args = (self.name.text(), self.grid.currentData(), self.purpose.text(), self.kind.currentData())
        write = self._write
        return lambda: write(*args)


class JoinDialog(WorkFormDialog):
    """Pick a person (人员) or a resident (居民, who becomes a person linked to the roster)."""

    def __init__(
        self,
        jobs: Jobs,
        people: list[tuple[int, str]],
        residents: list[tuple[int, str]],
        write: Callable[[str, int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("加入成员"))
        self._write = write
        self.who = QComboBox()
        self.who.setEditable(True)  # type part of a name or an address to find them
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person_id, name in people:
            self.who.addItem(tr("人员：") + name, ("person", person_id))
        for resident_id, label in residents:
            self.who.addItem(tr("居民：") + label, ("resident", resident_id))
        self.add_field("who", tr("成员"), self.who)

    def chosen(self) -> tuple[str, int] | None:
        index = self.who.findText(self.who.currentText())
        return self.who.itemData(index) if index >= 0 else None

    def local_problems(self) -> dict[str, str]:
        return {} if self.chosen() is not None else {"who": tr("请从列表中选择人员或居民")}

    def write_work(self) -> Callable[[], object]:
        (kind, key), write = self.chosen(), self._write
        return lambda: write(kind, key)


class ActivityDialog(WorkFormDialog):
    def __init__(
        self,
        jobs: Jobs,
        team_id: int,
        members: list[MemberHours],
        zone: ZoneInfo,
        now: datetime,
        write: Callable[[ActivityDraft], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("登记志愿活动"))
        self.setMinimumWidth(600)
        self._team_id, self._zone, self._write = team_id, zone, write
        self.title = QLineEdit()
        self.title.setPlaceholderText(tr("例如：独居老人探访"))
        self.add_field("title", tr("活动"), self.title)
        self.when = site_time_edit(now, zone)
        self.when.setMaximumDateTime(self.when.dateTime())
        self.add_field("at", tr("时间"), self.when)
        self.place = QLineEdit()
        self.add_field("place", tr("地点"), self.place)
        self.ticket = QSpinBox()
        self.ticket.setRange(0, 2_000_000_000)
        self.ticket.setSpecialValueText(tr("无"))
        self.add_field("ticket", tr("服务工单号"), self.ticket)
        self.hours = QTableWidget(len(members), 2)
        self.hours.setHorizontalHeaderLabels([tr("参加成员"), tr("服务时长（小时）")])
        self.hours.verticalHeader().hide()
        self.hours.horizontalHeader().setStretchLastSection(True)
        self.hours.setFixedHeight(170)
        for row, member in enumerate(members):
            item = QTableWidgetItem(member.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, member.person_id)
            self.hours.setItem(row, 0, item)
            spin = QDoubleSpinBox()
            spin.setRange(0.5, 24)
            spin.setSingleStep(0.5)
            spin.setValue(2)
            self.hours.setCellWidget(row, 1, spin)
        self.add_field("hours", tr("参加成员"), self.hours)

    def take_part(self, name: str, hours: float) -> None:
        for row in range(self.hours.rowCount()):
            if self.hours.item(row, 0).text() == name:
                self.hours.item(row, 0).setCheckState(Qt.CheckState.Checked)
                self.hours.cellWidget(row, 1).setValue(hours)

    def _hours(self) -> tuple[tuple[int, float], ...]:
        return tuple(
            (int(self.hours.item(r, 0).data(Qt.ItemDataRole.UserRole)), self.hours.cellWidget(r, 1).value())
            for r in range(self.hours.rowCount())
            if self.hours.item(r, 0).checkState() == Qt.CheckState.Checked
        )

    def local_problems(self) -> dict[str, str]:
        if not self._hours():
            return {"hours": tr("请勾选参加的成员")}
        return {}

    def write_work(self) -> Callable[[], object]:
        draft = ActivityDraft(
            self._team_id,
            typed_utc(self.when, self._zone),
            self.title.text(),
            self._hours(),
            "",
            self.place.text(),
            self.ticket.value() or None,
        )
        write = self._write
        return lambda: write(draft)
