"""The vote forms: a new vote (question, options, who votes, opening and closing time in the site's
zone, quorum, simple or two-thirds) and a paper ballot entered with its household or member named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.grid_work.errors import WorkError
from app.grid_work.vote_rules import Threshold
from app.grid_work.votes import BallotEntry, VoteDraft
from runtime.read.grid_work import GridChoice, TeamLine, Voter, VoteSummary
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.work_ui import site_time_edit, tr, typed_utc
from widgets.households.edit_dialog import FormDialog
from widgets.jobs import Jobs


class WorkFormDialog(FormDialog):
    """A form whose refusals come from the grid-work core (said in both languages): the form stays."""

    def _refused(self, error: Exception) -> None:
        if isinstance(error, WorkError):
            self.buttons.setEnabled(True)
            self.status.setText(str(error))
            return
        super()._refused(error)


class NewVoteDialog(WorkFormDialog):
    def __init__(
        self,
        jobs: Jobs,
        grids: list[GridChoice],
        groups: list[TeamLine],
        zone: ZoneInfo,
        now: datetime,
        write: Callable[[VoteDraft], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("新建表决"))
        self._zone, self._write = zone, write
        self.question = QLineEdit()
        self.question.setPlaceholderText(tr("例如：是否同意在3号楼前增设电动车充电棚"))
        self.add_field("question", tr("表决事项"), self.question)
        self.options = QPlainTextEdit("同意\n不同意\n弃权")
        self.options.setFixedHeight(80)
        self.add_field("options", tr("选项（每行一项）"), self.options)
        self.electorate = QComboBox()
        for grid in grids:
            if grid.level in (3, 4):
                self.electorate.addItem(tr("按户：") + grid.name, ("grid", grid.code))
        for group in groups:
            self.electorate.addItem(tr("按成员：") + group.name, ("team", group.team_id))
        self.add_field("electorate", tr("表决范围"), self.electorate)
        self.opens = site_time_edit(now, zone)
        self.add_field("opens", tr("开始时间"), self.opens)
        self.closes = site_time_edit(now + timedelta(days=7), zone)
        self.add_field("closes", tr("截止时间"), self.closes)
        self.quorum = QSpinBox()
        self.quorum.setRange(1, 100)
        self.quorum.setValue(50)
        self.quorum.setSuffix("%")
        self.add_field("quorum", tr("参与率门槛"), self.quorum)
        self.threshold = QComboBox()
        for rule in Threshold:
            self.threshold.addItem(tr(rule.zh), rule.value)
        self.add_field("threshold", tr("通过标准"), self.threshold)

    def local_problems(self) -> dict[str, str]:
        if self.electorate.currentData() is None:
            return {"electorate": tr("请选择小区、楼栋或自治小组")}
        return {}

    def draft(self) -> VoteDraft:
        kind, key = self.electorate.currentData()
        options = tuple(line.strip() for line in self.options.toPlainText().splitlines() if line.strip())
        return VoteDraft(
            self.question.text(),
            options,
            typed_utc(self.opens, self._zone),
            typed_utc(self.closes, self._zone),
            key if kind == "grid" else None,
            key if kind == "team" else None,
            self.quorum.value(),
            self.threshold.currentData(),
        )

    def write_work(self) -> Callable[[], object]:
        draft, write = self.draft(), self._write
        return lambda: write(draft)


class BallotDialog(WorkFormDialog):
    """One paper ballot: the voter, the choice, when it was filled in. A voter whose ballot is already
    in is marked 已投 (never with the choice): the screen asks before replacing it."""

    def __init__(
        self,
        jobs: Jobs,
        vote: VoteSummary,
        voters: list[Voter],
        zone: ZoneInfo,
        now: datetime,
        write: Callable[[BallotEntry], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self.setWindowTitle(tr("录入选票"))
        self._vote, self._zone, self._write = vote, zone, write
        self.voter = QComboBox()
        self.voter.setEditable(True)  # type part of an address to find the household
        self.voter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for voter in voters:
            mark = tr("（已投）") if voter.has_ballot else ""
            self.voter.addItem(voter.label + mark, voter)
        self.add_field("voter", tr("户 / 成员") if not vote.members_vote else tr("成员"), self.voter)
        self.choice = QComboBox()
        for position, text in enumerate(vote.options, start=1):
            self.choice.addItem(f"{position}. {text}", position)
        self.add_field("choice", tr("选择"), self.choice)
        cast = min(now, vote.closes_at)
        self.cast_at = site_time_edit(cast, zone)
        self.add_field("cast_at", tr("填票时间"), self.cast_at)

    def save(self) -> None:
        """A voter whose ballot is in: ask first, the new ballot replaces the earlier one."""
        voter = self.chosen_voter()
        if voter is None or not voter.has_ballot:
            super().save()
            return
        self.confirm = ConfirmActDialog(
            tr("替换选票"),
            tr("{voter} 已有一张选票。录入这一张将替换前一张，两次录入都记入审计日志。").replace(
                "{voter}", voter.label
            ),
            tr("替换选票"),
            parent=self,
        )
        self.confirm.confirmed.connect(lambda _reason: FormDialog.save(self))
        self.confirm.open()

    def chosen_voter(self) -> Voter | None:
        index = self.voter.findText(self.voter.currentText())
        return self.voter.itemData(index) if index >= 0 else None

    def local_problems(self) -> dict[str, str]:
        if self.chosen_voter() is None:
            return {"voter": tr("请从列表中选择住户或成员")}
        return {}

    def entry(self) -> BallotEntry:
        voter = self.chosen_voter()
        return BallotEntry(
            self._vote.vote_id,
            self.choice.currentData(),
            typed_utc(self.cast_at, self._zone),
            voter.household_id,
            voter.person_id,
        )

    def write_work(self) -> Callable[[], object]:
        entry, write = self.entry(), self._write
        return lambda: write(entry)
