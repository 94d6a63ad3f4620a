"""Work statistics: a visit's finding becomes a ticket and the statistics count both, the ticket's
closing counts as solved, and the numbers follow the grid subtree and the period."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from app.grid_work.visits import FindingDraft, VisitDraft, VisitLog
from app.grid_work.vote_rules import Threshold
from app.grid_work.votes import BallotEntry, VoteDesk, VoteDraft
from app.grid_work.work_stats import work_stats
from app.models import Meeting, VolunteerTeam
from main import main
from tests.app.grid_work.conftest import desk_for

DAY = timedelta(days=1)


def test_a_finding_ticket_and_its_solving_are_counted(work):
    desk = desk_for(work)
    log = VisitLog(work.context, desk)
    worker = work.site.people["钱网格员"]
    visited = datetime(2026, 11, 3, 2, 0)
    now = datetime(2026, 11, 3, 3, 0)
    first = log.record(
        VisitDraft(
            work.plain,
            worker,
            visited,
            people_met=2,
            findings=(FindingDraft("hazard", "楼道堆物", "SR01"), FindingDraft("policy", "咨询医保")),
        ),
        now=now,
    )
    log.record(VisitDraft(work.elderly, worker, visited + DAY, people_met=1), now=now + DAY)
    log.record(VisitDraft(work.elderly, worker, visited + 2 * DAY, people_met=1), now=now + 2 * DAY)
    [ticket_id] = first.ticket_ids
    for action, params in (("start", {}), ("handle", {"result": "已清理"}), ("verify", {}), ("close", {})):
        desk.act(ticket_id, action, at=now + timedelta(hours=1), **params)
    with work.context.db.session() as session:
        session.add(Meeting(grid_id=work.site.grids["G1"], at=visited, title="网格员例会"))
        session.add(VolunteerTeam(name="红马甲", grid_id=work.site.grids["B1"]))
        session.add(VolunteerTeam(name="和平志愿队", grid_id=work.site.grids["G3"]))
    votes = VoteDesk(work.context)
    vote_id = votes.open(
        VoteDraft(
            "是否加装电梯", ("同意", "不同意"), visited, visited + DAY, "G1", None, 50, Threshold.TWO_THIRDS
        )
    )
    votes.ballot(BallotEntry(vote_id, 1, visited, work.plain), now=now)
    votes.close(vote_id, now=visited + 2 * DAY)

    november = (datetime(2026, 10, 31, 16), datetime(2026, 11, 30, 16))
    stats = work_stats(work.context, "G1", *november)
    assert (stats.visits, stats.households_visited, stats.people_reached) == (3, 2, 4)
    assert (stats.findings, stats.findings_ticketed, stats.findings_solved) == (2, 1, 1)
    assert dict(stats.findings_by_tag) == {"hazard": 1, "policy": 1}
    assert (stats.tickets_solved, stats.meetings, stats.votes_held, stats.volunteer_teams) == (1, 1, 1, 1)
    assert stats.volunteer_hours == 0 and "志愿" in stats.volunteer_hours_note

    site_wide = work_stats(work.context, None, *november)
    assert (site_wide.volunteer_teams, site_wide.visits, site_wide.grid_name) == (2, 3, "全站")
    elsewhere = work_stats(work.context, "G3", *november)
    assert (elsewhere.visits, elsewhere.findings, elsewhere.tickets_solved, elsewhere.votes_held) == (
        0,
        0,
        0,
        0,
    )
    one_day = work_stats(
        work.context, "G1", visited, visited + DAY
    )  # [start, end): the next day's visit is out
    assert (one_day.visits, one_day.findings) == (1, 2)


def test_the_command_line_reads_whole_days_in_the_site_zone(work, capsys, cli_user):
    log = VisitLog(work.context, desk_for(work))
    worker = work.site.people["钱网格员"]
    # 15:30 UTC on 30 November is 23:30 in Beijing: the last day's visit counts in November
    log.record(
        VisitDraft(work.plain, worker, datetime(2026, 11, 30, 15, 30), people_met=3),
        now=datetime(2026, 12, 1),
    )
    url = str(work.context.db.url)
    cli_user(url)  # the commands act as a signed-in user
    assert (
        main(
            [
                "work-stats",
                "--db",
                url,
                "--grid",
                "S1",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["visits"], data["people_reached"], data["end"]) == (1, 3, "2026-12-01T00:00+08:00")
    assert main(["work-stats", "--db", url, "--from", "2026-12-01", "--to", "2026-11-01"]) == 2
    assert "--to must come after --from" in capsys.readouterr().err
