"""Volunteer teams, members and activities: hours only for members, checked, audited, published, and
added up by the work statistics of the team's grid subtree and period."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.volunteers import ActivityDraft, VolunteerBook, list_teams
from app.grid_work.work_stats import work_stats
from app.models import AuditEntry, Person, VolunteerActivity
from main import main

NOW = datetime(2026, 11, 20, 6, 0)
NOVEMBER = (datetime(2026, 10, 31, 16), datetime(2026, 11, 30, 16))


def _people(work, *names) -> list[int]:
    with work.context.db.session() as session:
        people = [Person(name=name) for name in names]
        session.add_all(people)
        session.flush()
        return [p.id for p in people]


def test_an_activity_adds_its_members_hours_to_the_statistics(work):
    book = VolunteerBook(work.context)
    team = book.add_team("银龄互助服务队", "G1", "探访独居老人")
    a, b, outsider = _people(work, "志愿者甲", "志愿者乙", "路人丙")
    assert book.join(team, a) and book.join(team, b) and not book.join(team, a)
    book.record_activity(
        ActivityDraft(team, NOW - timedelta(days=2), "陪老人就医", ((a, 2.5), (b, 3.0))), now=NOW
    )
    book.record_activity(ActivityDraft(team, NOW - timedelta(days=40), "十月义剪", ((a, 1.0),)), now=NOW)
    stats = work_stats(work.context, "C1", *NOVEMBER)
    assert (stats.volunteer_teams, stats.volunteer_activities, stats.volunteer_hours) == (1, 1, 5.5)
    assert stats.volunteer_hours_note == ""
    assert work_stats(work.context, "G3", *NOVEMBER).volunteer_hours_note  # says why it is 0
    with work.context.db.session() as session:
        [line] = list_teams(session)
        assert (line.members, line.activities, line.hours) == (2, 2, 6.5)
        assert session.scalar(select(func.count()).where(AuditEntry.action.like("volunteer.%"))) == 5
    assert [c.payload.action for c in work.heard if c.topic == Topic.VOLUNTEER] == [
        "team_added",
        "joined",
        "joined",
        "activity",
        "activity",
    ]
    with pytest.raises(WorkError, match="不是本队成员"):
        book.record_activity(ActivityDraft(team, NOW, "巡逻", ((outsider, 1.0),)), now=NOW)


@pytest.mark.parametrize(
    ("hours", "title", "at", "message"),
    [
        (((1, 0.0),), "巡逻", NOW, "时长应在"),
        (((1, 25.0),), "巡逻", NOW, "时长应在"),
        (((1, 1.0), (1, 2.0)), "巡逻", NOW, "登记了两次"),
        ((), "巡逻", NOW, "至少一名成员"),
        (((1, 1.0),), " ", NOW, "活动名称"),
        (((1, 1.0),), "巡逻", NOW + timedelta(minutes=1), "不能晚于现在"),
    ],
)
def test_bad_activities_are_refused_with_nothing_written(work, hours, title, at, message):
    book = VolunteerBook(work.context)
    team = book.add_team("红袖标平安巡逻队", "G1")
    with pytest.raises(WorkError, match=message):
        book.record_activity(ActivityDraft(team, at, title, hours), now=NOW)
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).select_from(VolunteerActivity)) == 0


def test_the_command_line(work, capsys, cli_user):
    url = str(work.context.db.url)
    cli_user(url)  # the commands act as a signed-in user
    [person] = _people(work, "志愿者丁")
    assert main(["volunteers", "add-team", "--db", url, "--name", "环境卫生志愿队", "--grid", "G1"]) == 0
    team = capsys.readouterr().out.strip()
    assert main(["volunteers", "join", team, str(person), "--db", url]) == 0
    args = ["volunteers", "activity", team, "--db", url, "--title", "楼道清理", "--at", "2026-11-05T09:00"]
    assert main([*args, "--hours", f"{person}=2"]) == 0
    assert main([*args, "--hours", "x=2"]) == 2
    assert "PERSON=H" in capsys.readouterr().err
    assert main(["volunteers", "teams", "--db", url, "--json"]) == 0
    assert '"hours": 2.0' in capsys.readouterr().out
