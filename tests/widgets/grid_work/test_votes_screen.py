"""议事表决 on screen, on the demo site: a new vote, ballots (a second one for a household replaces the
first after asking), counting after the closing time, the 公示 PDF, and the office's audited ballot list."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Ballot, Vote
from widgets.grid_work.votes_dialog import VotesDialog
from widgets.grid_work.votes_forms import BallotDialog, NewVoteDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def votes(qtbot, demo_context):
    dialog = VotesDialog(demo_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() >= 2, timeout=10000)
    return dialog


def _open_form(qtbot, dialog, button, kind):
    button.click()
    qtbot.waitUntil(lambda: isinstance(dialog.form, kind) and dialog.form.isVisible(), timeout=10000)
    return dialog.form


def test_the_demo_votes_are_listed_secret_until_counted(votes):
    counted = next(v for v in votes.votes if v.result is not None)
    running = next(v for v in votes.votes if v.result is None)
    votes.select(running.vote_id)
    assert "计票前不显示各选项票数" in votes.detail.toPlainText()
    assert not votes.notice_button.isEnabled() and votes.ballot_button.isEnabled()
    votes.select(counted.vote_id)
    assert "参与率" in votes.detail.toPlainText() and votes.notice_button.isEnabled()


def _building_electorate(form) -> int:
    return next(
        i
        for i in range(form.electorate.count())
        if form.electorate.itemData(i)[0] == "grid" and "号楼" in form.electorate.itemText(i)
    )


def test_a_new_vote_takes_ballots_replaces_after_asking_is_counted_and_posted(
    qtbot, votes, demo_db, tmp_path
):
    form = _open_form(qtbot, votes, votes.new_button, NewVoteDialog)
    form.question.setText("是否同意增设充电棚")
    form.options.setPlainText("同意\n不同意")
    form.electorate.setCurrentIndex(_building_electorate(form))
    form.opens.setDateTime(form.opens.dateTime().addDays(-3))
    form.closes.setDateTime(form.opens.dateTime().addDays(1))  # closed two days ago: it can be counted
    form.save()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10000)
    with demo_db.session() as session:
        vote_id = session.scalars(select(Vote.id).where(Vote.question == "是否同意增设充电棚")).one()
    qtbot.waitUntil(lambda: any(v.vote_id == vote_id for v in votes.votes), timeout=10000)
    votes.select(vote_id)
    for choice in (1, 2):  # the same household twice: the second replaces the first, after asking
        ballot = _open_form(qtbot, votes, votes.ballot_button, BallotDialog)
        ballot.voter.setCurrentIndex(0)
        ballot.choice.setCurrentIndex(choice - 1)
        ballot.save()
        if choice == 2:
            assert "（已投）" in ballot.voter.currentText()
            qtbot.waitUntil(lambda form=ballot: form.confirm.isVisible(), timeout=5000)
            assert "已有一张选票" in ballot.confirm.consequence.text()
            ballot.confirm.accept()
        qtbot.waitUntil(lambda form=ballot: not form.isVisible(), timeout=10000)
        qtbot.waitUntil(lambda: votes.selected() is not None and votes.selected().ballots == 1, timeout=10000)
    with demo_db.session() as session:
        assert session.scalar(select(func.count()).where(Ballot.vote_id == vote_id)) == 1
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == vote_id)).all()
    assert {"vote.open", "vote.ballot", "vote.ballot_replace"} <= set(actions)

    votes.close_vote()
    votes.confirm.accept()
    qtbot.waitUntil(
        lambda: votes.selected() is not None and votes.selected().result is not None, timeout=10000
    )
    result = votes.selected().result
    assert result["ballots"] == 1 and [c["count"] for c in result["counts"]] == [0, 1]
    assert "参与率" in votes.detail.toPlainText() and not votes.ballot_button.isEnabled()

    pdf = tmp_path / "notice.pdf"
    votes.print_notice(path=pdf)
    qtbot.waitUntil(lambda: "公示已保存" in votes.status.text(), timeout=10000)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # the CJK font maps some characters to their Kangxi radical forms (示 as ⽰): NFKC folds them back
    compact = unicodedata.normalize("NFKC", "".join(text.split()))
    assert "表决结果公示" in compact and "是否同意增设充电棚" in compact
    assert "实际参与1" in compact and "参与率10.0%" in compact and "不同意" in compact


def test_the_office_reads_each_ballot_only_with_a_reason_and_it_is_audited(qtbot, votes, demo_db):
    counted = next(v for v in votes.votes if v.result is not None and v.ballots > 0)
    votes.select(counted.vote_id)
    votes.show_ballots()
    votes.confirm.accept()  # no reason: refused in the dialog
    assert votes.confirm.isVisible()
    votes.confirm.reason_edit.setPlainText("居民对结果有异议，复核")
    votes.confirm.accept()
    qtbot.waitUntil(lambda: "选票明细（已记入审计日志）" in votes.detail.toPlainText(), timeout=10000)
    with demo_db.session() as session:
        inspected = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "vote.inspect", AuditEntry.entity_id == counted.vote_id
            )
        ).all()
    assert len(inspected) == 1 and "复核" in inspected[0].detail


def test_an_operator_does_not_see_the_ballot_list(qtbot, demo_context):
    from app.access import User
    from app.config import Seat

    demo_context.site.seat = Seat.signed_in(User(2, "值班员", "operator"), "op-seat")
    dialog = VotesDialog(demo_context)
    qtbot.addWidget(dialog)
    assert dialog.ballots_button.isHidden()
    assert not dialog.new_button.isEnabled()
