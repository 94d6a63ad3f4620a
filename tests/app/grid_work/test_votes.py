"""Votes: one ballot per household (a second replaces the first, audited), the quorum and the
thresholds counted exactly, the closing time kept in UTC, the choices secret from normal reads."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.vote_notice import notice_html
from app.grid_work.vote_reads import describe, inspect
from app.grid_work.vote_rules import Threshold, tally
from app.grid_work.votes import BallotEntry, VoteDesk, VoteDraft
from app.models import AuditEntry, Duty, Household, Person, VolunteerTeam, VolunteerTeamMember, Vote
from main import main

OPENS = datetime(2026, 11, 1, 0, 0)
CLOSES = datetime(2026, 11, 8, 10, 0)  # 18:00 in Asia/Shanghai
DURING = datetime(2026, 11, 3, 2, 0)
AFTER = datetime(2026, 11, 9)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _draft(**change) -> VoteDraft:
    base = dict(
        question="是否加装电梯", options=("同意", "不同意"), opens_at=OPENS, closes_at=CLOSES, grid_code="G1"
    )
    return VoteDraft(**(base | change))


def _households(work) -> list[int]:
    return [work.plain, work.elderly, work.third]


@given(ballots=st.lists(st.tuples(st.integers(0, 2), st.integers(1, 2)), min_size=1, max_size=12))
@FUZZ
def test_one_ballot_per_household_and_the_last_one_counts(work, ballots):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft())
    households = _households(work)
    seen: dict[int, int] = {}
    for index, choice in ballots:
        replaced = desk.ballot(BallotEntry(vote_id, choice, DURING, households[index]), now=AFTER)
        assert replaced == (households[index] in seen)
        seen[households[index]] = choice
    result = desk.close(vote_id, now=AFTER)
    assert result.ballots == len(seen) and result.electorate == 3
    assert [c.count for c in result.counts] == [list(seen.values()).count(p) for p in (1, 2)]
    with work.context.db.session() as session:
        lines = inspect(session, work.context.seat, vote_id, "复核")
        assert sorted(line.choice for line in lines) == sorted(seen.values())
        replacements = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "vote.ballot_replace", AuditEntry.entity_id == vote_id
            )
        ).all()
        assert len(replacements) == len(ballots) - len(seen)


def test_a_replacement_is_audited_with_both_choices(work):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft())
    assert desk.ballot(BallotEntry(vote_id, 1, DURING, work.plain), now=AFTER) is False
    assert desk.ballot(BallotEntry(vote_id, 2, DURING + timedelta(hours=1), work.plain), now=AFTER) is True
    with work.context.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "vote.ballot_replace")).one()
        assert json.loads(entry.detail) == {
            "household_id": work.plain,
            "person_id": None,
            "choice": 2,
            "replaced": 1,
        }
    assert [c.payload.action for c in work.heard if c.topic == Topic.VOTE] == ["opened", "ballot", "replaced"]


@given(
    electorate=st.integers(1, 400),
    quorum=st.integers(1, 100),
    counts=st.lists(st.integers(0, 150), min_size=2, max_size=5),
    rule=st.sampled_from(list(Threshold)),
)
def test_quorum_and_thresholds_are_exact(electorate, quorum, counts, rule):
    choices = [position for position, n in enumerate(counts, start=1) for _ in range(n)]
    options = [(p, f"选项{p}") for p in range(1, len(counts) + 1)]
    result = tally(electorate, options, choices, quorum, rule.value)
    ballots = sum(counts)
    assert result.quorum_met == (ballots * 100 >= quorum * electorate)
    reached = [
        p
        for p, n in enumerate(counts, start=1)
        if ballots and (n * 3 >= ballots * 2 if rule is Threshold.TWO_THIRDS else n * 2 > ballots)
    ]
    assert len(reached) <= 1  # at most one option can clear either threshold
    expected = reached[0] if reached and result.quorum_met else None
    assert (result.winner.position if result.winner else None) == expected


@pytest.mark.parametrize(
    ("yes", "no", "rule", "decided"),
    [
        (2, 1, Threshold.TWO_THIRDS, True),  # exactly two thirds passes
        (199, 101, Threshold.TWO_THIRDS, False),  # 66.3 %
        (200, 100, Threshold.TWO_THIRDS, True),
        (3, 3, Threshold.MAJORITY, False),  # half is not a majority
        (4, 3, Threshold.MAJORITY, True),
    ],
)
def test_threshold_boundaries(yes, no, rule, decided):
    result = tally(yes + no, [(1, "同意"), (2, "不同意")], [1] * yes + [2] * no, 50, rule.value)
    assert (result.winner is not None) == decided


def test_quorum_not_met_decides_nothing(work):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft(quorum_percent=67))
    desk.ballot(BallotEntry(vote_id, 1, DURING, work.plain), now=AFTER)
    desk.ballot(BallotEntry(vote_id, 1, DURING, work.elderly), now=AFTER)
    assert desk.close(vote_id, now=AFTER).winner is None  # 2 of 3 is 66.7 % < 67 %


def test_the_closing_time_is_kept(work):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft())
    with pytest.raises(WorkError, match="晚于表决截止"):
        desk.ballot(BallotEntry(vote_id, 1, CLOSES + timedelta(seconds=1), work.plain), now=AFTER)
    with pytest.raises(WorkError, match="早于表决开始"):
        desk.ballot(BallotEntry(vote_id, 1, OPENS - timedelta(seconds=1), work.plain), now=AFTER)
    with pytest.raises(WorkError, match="不能晚于现在"):
        desk.ballot(BallotEntry(vote_id, 1, DURING, work.plain), now=DURING - timedelta(minutes=1))
    desk.ballot(BallotEntry(vote_id, 1, CLOSES, work.plain), now=AFTER)  # the closing instant still counts
    with pytest.raises(WorkError, match="尚未截止"):
        desk.close(vote_id, now=CLOSES - timedelta(seconds=1))
    assert desk.close(vote_id, now=CLOSES).ballots == 1
    with pytest.raises(WorkError, match="已计票结束"):
        desk.ballot(BallotEntry(vote_id, 2, DURING, work.elderly), now=AFTER)


def test_choices_stay_secret_until_inspected_with_a_reason(work):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft())
    desk.ballot(BallotEntry(vote_id, 2, DURING, work.plain), now=AFTER)
    with work.context.db.session() as session:
        summary = describe(session, vote_id)
        assert (summary.ballots, summary.result) == (1, None)  # turnout only while open
        with pytest.raises(WorkError, match="说明理由"):
            inspect(session, work.context.seat, vote_id, " ")
    desk.close(vote_id, now=AFTER)
    with work.context.db.session() as session:
        summary = describe(session, vote_id)
        assert summary.result["counts"][1]["count"] == 1 and "household" not in json.dumps(summary.result)
        [line] = inspect(session, work.context.seat, vote_id, "居民申请复核")
        assert (line.voter, line.choice) == ("幸福小区1号楼1单元101室", 2)
    with work.context.db.session() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "vote.inspect")).one()
        assert json.loads(audit.detail)["reason"] == "居民申请复核"


def test_the_electorate_is_kept(work):
    desk = VoteDesk(work.context)
    with work.context.db.session() as session:
        outside = Household(building_id=work.site.building_id, unit="9", room="901")
        session.add(outside)
        session.flush()
        person = Person(name="志愿者甲")
        session.add(person)
        session.flush()
        team = VolunteerTeam(name="银发志愿队", grid_id=work.site.grids["G1"])
        session.add(team)
        session.flush()
        session.add(VolunteerTeamMember(team_id=team.id, person_id=person.id))
        session.add(Duty(person_id=person.id, grid_id=work.site.grids["G1"], role="volunteer"))
        outside_id, person_id, team_id = outside.id, person.id, team.id
    with pytest.raises(WorkError, match="小区或楼栋"):
        desk.open(_draft(grid_code="C1"))
    with pytest.raises(WorkError, match="不存在"):
        desk.open(_draft(grid_code="NOPE"))
    with pytest.raises(WorkError, match="互不相同"):
        desk.open(_draft(options=("同意", "同意")))
    with pytest.raises(WorkError, match="没有可投票"):
        desk.open(_draft(grid_code="G2"))  # no households in that compound
    vote_id = desk.open(_draft(grid_code="B1"))
    desk.ballot(BallotEntry(vote_id, 1, DURING, outside_id), now=AFTER)  # B1 is the building
    team_vote = desk.open(_draft(grid_code=None, team_id=team_id))
    with pytest.raises(WorkError, match="成员"):
        desk.ballot(BallotEntry(team_vote, 1, DURING, household_id=work.plain), now=AFTER)
    with pytest.raises(WorkError, match="不在本表决范围"):
        desk.ballot(BallotEntry(team_vote, 1, DURING, person_id=work.site.people["钱网格员"]), now=AFTER)
    desk.ballot(BallotEntry(team_vote, 1, DURING, person_id=person_id), now=AFTER)
    assert desk.close(team_vote, now=AFTER).winner.text == "同意"


def test_the_command_line_reads_times_in_the_site_zone(db, capsys, work, tmp_path, cli_user):
    url = str(db.url)
    cli_user(url)  # the commands act as a signed-in user
    assert main(["votes", "new", "--db", url, "--question", "是否更换门禁", "--option", "同意", "--option", "不同意",
                 "--grid", "G1", "--opens", "2026-11-01T08:00", "--closes", "2026-11-08T18:00",
                 "--threshold", "two_thirds"]) == 0  # fmt: skip
    vote_id = int(capsys.readouterr().out)
    with db.session() as session:
        vote = session.get(Vote, vote_id)
        assert (vote.opens_at, vote.closes_at) == (datetime(2026, 11, 1, 0, 0), CLOSES)
    for household, choice in ((work.plain, 1), (work.elderly, 1), (work.third, 2), (work.third, 1)):
        args = ["votes", "ballot", str(vote_id), "--db", url, "--household", str(household)]
        assert main([*args, "--choice", str(choice), "--cast-at", "2026-11-05T10:00+08:00"]) == 0
    assert "replaced" in capsys.readouterr().out
    assert main(["votes", "close", str(vote_id), "--db", url, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["ballots"], result["winner"], result["turnout_percent"]) == (3, 1, 100.0)
    assert main(["votes", "show", str(vote_id), "--db", url, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["closes_at"] == "2026-11-08T18:00+08:00" and "ballot_lines" not in shown
    assert main(["votes", "ballot", str(vote_id), "--db", url, "--household", "1", "--choice", "9"]) == 2
    assert "已计票结束" in capsys.readouterr().err
    notice = tmp_path / "公示.html"
    assert main(["votes", "notice", str(vote_id), str(notice), "--db", url]) == 0
    page = notice.read_text(encoding="utf-8")
    assert "“同意”获三分之二以上票数" in page and "参与率 100.0%" in page and "3 户" in page
    assert "幸福小区1号楼" not in page  # no household is named on the board


def test_an_open_vote_has_no_notice(work):
    desk = VoteDesk(work.context)
    vote_id = desk.open(_draft())
    with work.context.db.session() as session:
        summary = describe(session, vote_id)
    with pytest.raises(WorkError, match="尚未计票"):
        notice_html(summary, ZoneInfo("Asia/Shanghai"), AFTER)
