"""议事表决: the votes of a compound or building (or all), a new vote, paper ballots, counting after
the closing time, the result with turnout, and the 公示 printed to PDF. Who chose what is never on
this screen except through 选票明细, which needs the office's audit permission and a reason, and is
itself written to the audit log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.grid_work.vote_rules import Threshold
from runtime.read.grid_work import VoteSummary
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.picker_load import grids_later
from widgets.grid_work.votes_forms import BallotDialog, NewVoteDialog
from widgets.grid_work.votes_notice import write_notice_pdf
from widgets.grid_work.work_ui import (
    WorkDialog,
    fill_table,
    read_only_table,
    selected_key,
    tr,
    when,
)
from widgets.shell_context import ShellContext

LIST_JOB, FORM_JOB, ACT_JOB = "votes", "vote-form", "vote-act"


class VotesDialog(WorkDialog):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "votesDialog", tr("议事表决"), (1100, 640), parent)
        self.votes: list[VoteSummary] = []
        self.grid = grids_later(self._jobs, self._reads.grids, failed=self._failed)
        self.grid.currentIndexChanged.connect(self.refresh)
        self.table = read_only_table(
            [tr("编号"), tr("表决事项"), tr("范围"), tr("状态"), tr("已投"), tr("截止")]
        )
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.new_button = QPushButton(tr("新建表决…"))
        self.ballot_button = QPushButton(tr("录入选票…"))
        self.close_button = QPushButton(tr("截止计票"))
        self.notice_button = QPushButton(tr("打印公示…"))
        self.ballots_button = QPushButton(tr("选票明细…"))
        self.ballots_button.setVisible(context.may(Permission.VIEW_AUDIT))
        may_write = context.may(Permission.EDIT_ROSTER)
        for button, slot, allowed in (
            (self.new_button, self.new_vote, may_write),
            (self.ballot_button, self.enter_ballot, may_write),
            (self.close_button, self.close_vote, may_write),
            (self.notice_button, self.print_notice, True),
            (self.ballots_button, self.show_ballots, True),
        ):
            button.clicked.connect(slot)
            button.setEnabled(allowed)
        self._may_write = may_write
        self._layout()
        self.follow("vote")

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("网格")))
        top.addWidget(self.grid, 1)
        top.addWidget(self.new_button)
        split = QSplitter()
        split.addWidget(self.table)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        for button in (self.ballot_button, self.close_button, self.notice_button, self.ballots_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([720, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # ---- the list ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        reads, code = self._reads, self.grid.currentData()
        self._jobs.submit(LIST_JOB, lambda: reads.votes(code), self._listed, self._failed)

    def _listed(self, votes: list[VoteSummary]) -> None:
        keep = self.selected()
        self.votes = votes
        rows = [
            (v.vote_id, v.question, v.scope, self._state(v), v.ballots, when(v.closes_at, self._zone))
            for v in votes
        ]
        fill_table(self.table, rows, [v.vote_id for v in votes])
        if keep is not None:
            self.select(keep.vote_id)
        self._show_selected()

    def _state(self, vote: VoteSummary) -> str:
        if vote.result is None:
            return tr("进行中")
        return tr("已通过") if vote.result["decided"] else tr("未形成决定")

    def select(self, vote_id: int) -> None:
        for row, vote in enumerate(self.votes):
            if vote.vote_id == vote_id:
                self.table.selectRow(row)

    def selected(self) -> VoteSummary | None:
        key = selected_key(self.table)
        return next((v for v in self.votes if v.vote_id == key), None)

    def _show_selected(self) -> None:
        vote = self.selected()
        self.detail.setPlainText(vote_text(vote, self._zone) if vote else tr("请选择一项表决"))
        counted = vote is not None and vote.result is not None
        self.ballot_button.setEnabled(self._may_write and vote is not None and not counted)
        self.close_button.setEnabled(self._may_write and vote is not None and not counted)
        self.notice_button.setEnabled(counted)
        self.ballots_button.setEnabled(vote is not None)

    # ---- acts -------------------------------------------------------------------------------------

    def new_vote(self) -> None:
        reads, clock = self._reads, self._context.reads.clock

        def read() -> tuple:
            return reads.grids(4), reads.teams(), clock.utcnow()

        def opened(found: tuple) -> None:
            grids, groups, now = found
            self.form = NewVoteDialog(self._jobs, grids, groups, self._zone, now, self._open_vote, self)
            self.form.accepted.connect(lambda: self._say(tr("表决已发起")))
            self.form.open()

        self._jobs.submit(FORM_JOB, read, opened, self._failed)

    def _open_vote(self, draft) -> int:
        return self._writers.votes().open(draft)

    def enter_ballot(self) -> None:
        vote, reads, clock = self.selected(), self._reads, self._context.reads.clock
        if vote is None:
            return

        def opened(found: tuple) -> None:
            voters, now = found
            self.form = BallotDialog(self._jobs, vote, voters, self._zone, now, self._enter_ballot, self)
            self.form.accepted.connect(lambda: self._say(tr("选票已录入")))
            self.form.open()

        self._jobs.submit(
            FORM_JOB, lambda: (reads.voters(vote.vote_id), clock.utcnow()), opened, self._failed
        )

    def _enter_ballot(self, entry) -> bool:
        return self._writers.votes().ballot(entry)

    def close_vote(self) -> None:
        vote = self.selected()
        if vote is None:
            return
        self.confirm = ConfirmActDialog(
            tr("截止计票"),
            tr("计票后不能再录入选票，结果将保存并可公示。"),
            tr("截止计票"),
            parent=self,
        )
        desk = self._writers.votes()
        self.confirm.confirmed.connect(
            lambda _r: self._jobs.submit(
                ACT_JOB, lambda: desk.close(vote.vote_id), lambda _t: self._say(tr("已计票")), self._failed
            )
        )
        self.confirm.open()

    def print_notice(self, _checked: bool = False, path: Path | None = None) -> None:
        vote = self.selected()
        if vote is None or vote.result is None:
            return
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, tr("打印公示"), f"表决公示-{vote.vote_id}.pdf", "PDF (*.pdf)"
            )
            if not name:
                return
            path = Path(name)
        reads = self._reads

        def written(html: str) -> None:
            try:
                write_notice_pdf(html, path)
            except OSError as error:
                self._say(tr("无法写入公示：{error}").replace("{error}", str(error)))
                return
            self._say(tr("公示已保存：{path}").replace("{path}", str(path)))

        self._jobs.submit(ACT_JOB, lambda: reads.notice(vote.vote_id), written, self._failed)

    def show_ballots(self) -> None:
        vote = self.selected()
        if vote is None or not self._context.may(Permission.VIEW_AUDIT):
            return
        self.confirm = ConfirmActDialog(
            tr("选票明细"),
            tr("选票对其他居民保密。查看每户的选择将记入审计日志，请说明理由。"),
            tr("查看"),
            reason_label=tr("理由"),
            reason_required=True,
            parent=self,
        )
        self.confirm.confirmed.connect(lambda reason: self._read_ballots(vote, reason))
        self.confirm.open()

    def _read_ballots(self, vote: VoteSummary, reason: str) -> None:
        reads = self._reads

        def shown(lines) -> None:
            text = [vote_text(vote, self._zone), "", tr("选票明细（已记入审计日志）")]
            text += [
                f"{line.voter}  {line.choice}. {vote.options[line.choice - 1]}  {when(line.cast_at, self._zone)}"
                f"  {tr('录入')}：{line.entered_by}"
                for line in lines
            ]
            self.detail.setPlainText("\n".join(text))

        self._jobs.submit(ACT_JOB, lambda: reads.ballots(vote.vote_id, reason), shown, self._failed)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.refresh()


def vote_text(vote: VoteSummary, zone) -> str:
    unit = tr("人") if vote.members_vote else tr("户")
    lines = [
        f"{tr('表决事项')}：{vote.question}",
        f"{tr('范围')}：{vote.scope}",
        f"{tr('时间')}：{when(vote.opens_at, zone)} — {when(vote.closes_at, zone)}",
        f"{tr('参与率门槛')}：{vote.quorum_percent}%  {tr('通过标准')}：{tr(Threshold(vote.threshold).zh)}",
        f"{tr('选项')}：" + "；".join(f"{i}. {text}" for i, text in enumerate(vote.options, 1)),
        f"{tr('已投')}：{vote.ballots} {unit}",
    ]
    result = vote.result
    if result is None:
        lines.append(tr("计票前不显示各选项票数。"))
        return "\n".join(lines)
    lines.append(
        f"{tr('应参与')} {result['electorate']} {unit}，{tr('实际参与')} {result['ballots']} {unit}，"
        f"{tr('参与率')} {result['turnout_percent']}%"
        + (tr("（达到门槛）") if result["quorum_met"] else tr("（未达到门槛）"))
    )
    lines += [f"  {c['position']}. {c['text']}：{c['count']} {tr('票')}" for c in result["counts"]]
    if result["decided"]:
        winner = next(c for c in result["counts"] if c["position"] == result["winner"])
        lines.append(tr("结果：“{option}”通过").replace("{option}", winner["text"]))
    else:
        lines.append(tr("结果：未形成决定"))
    return "\n".join(lines)
