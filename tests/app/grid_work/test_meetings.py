"""Grid meetings: attendance present and absent, minutes, resolutions turned into a ticket or a vote in
the meeting's own transaction, refusals that write nothing, and the statistics counting the meeting."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.meeting_list import list_meetings
from app.grid_work.meetings import MeetingBook, MeetingDraft, ResolutionDraft
from app.grid_work.work_stats import work_stats
from app.models import Meeting, Vote
from app.tickets.models import Ticket
from main import main
from tests.app.grid_work.conftest import desk_for

NOW = datetime(2026, 11, 20, 8, 0)


def _draft(work, **change) -> MeetingDraft:
    people = work.site.people
    base = dict(
        grid_code="G1",
        at=NOW - timedelta(hours=2),
        title="幸福小区网格员例会",
        present=(people["张小区"], people["钱网格员"]),
        absent=(people["李社区"],),
        agenda="1. 本月走访情况 2. 电梯加装",
        minutes="通报走访情况，讨论加装电梯。",
    )
    return MeetingDraft(**(base | change))


def test_a_meeting_with_a_ticket_and_a_vote(work):
    book = MeetingBook(work.context, desk_for(work))
    resolutions = (
        ResolutionDraft("3号楼前路灯损坏，报修", ticket_category="SR01"),
        ResolutionDraft("是否在1号楼加装电梯", vote_closes_at=NOW + timedelta(days=7)),
        ResolutionDraft("下月起每周三集中走访"),
    )
    recorded = book.record(_draft(work, resolutions=resolutions), now=NOW)
    assert len(recorded.ticket_ids) == 1 and len(recorded.vote_ids) == 1
    with work.context.db.session() as session:
        ticket = session.get(Ticket, recorded.ticket_ids[0])
        assert (
            ticket.source == "patrol"
            and "路灯损坏" in ticket.text
            and ticket.grid_l3_id == work.site.grids["G1"]
        )
        vote = session.get(Vote, recorded.vote_ids[0])
        assert (vote.question, vote.closes_at, vote.grid_id) == (
            "是否在1号楼加装电梯",
            NOW + timedelta(days=7),
            work.site.grids["G1"],
        )
        [row] = list_meetings(session, None)
        assert (row.present, row.absent) == (("张小区", "钱网格员"), ("李社区",))
        assert [(r.ticket_id, r.vote_id) for r in row.resolutions] == [
            (ticket.id, None),
            (None, vote.id),
            (None, None),
        ]
    topics = {c.topic for c in work.heard}
    assert {Topic.MEETING, Topic.TICKET, Topic.VOTE} <= topics
    stats = work_stats(work.context, "S1", NOW - timedelta(days=1), NOW)
    assert stats.meetings == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"at": NOW + timedelta(minutes=1)}, "不能晚于现在"),
        ({"present": ()}, "至少一名到会"),
        ({"absent": (1,), "present": (1,)}, "既到会又缺席"),
        ({"present": (99999,)}, "人员不存在"),
        ({"grid_code": "NOPE"}, "网格 NOPE 不存在"),
        ({"resolutions": (ResolutionDraft("x", ticket_category="NO-SUCH"),)}, "无法转为工单"),
        ({"resolutions": (ResolutionDraft("x", vote_closes_at=NOW - timedelta(days=1)),)}, "无法付诸表决"),
        ({"resolutions": (ResolutionDraft(" "),)}, "内容为空"),
    ],
)
def test_bad_meetings_write_nothing(work, change, message):
    book = MeetingBook(work.context, desk_for(work))
    with pytest.raises(WorkError, match=message):
        book.record(_draft(work, **change), now=NOW)
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 0
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
        assert session.scalar(select(func.count()).select_from(Vote)) == 0


def test_the_command_line(work, capsys, cli_user):
    url, people = str(work.context.db.url), work.site.people
    cli_user(url)  # the commands act as a signed-in user
    args = ["meetings", "add", "--db", url, "--grid", "G1", "--title", "议事会", "--at", "2026-11-01T09:00"]
    present = f"{people['张小区']},{people['钱网格员']}"
    assert main([*args, "--present", present, "--ticket-resolution", "SR01:清理楼道", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["ticket_ids"]) == 1
    assert main([*args, "--present", "1,x"]) == 2
    assert main([*args, "--present", present, "--vote-resolution", "是否加装电梯"]) == 2
    assert "--vote-closes" in capsys.readouterr().err
    assert main(["meetings", "list", "--db", url, "--grid", "G1"]) == 0
    assert "决议：清理楼道  → 工单" in capsys.readouterr().out
