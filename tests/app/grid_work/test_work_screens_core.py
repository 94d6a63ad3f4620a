"""The core behind the grid-work screens, on SQLite and PostgreSQL: activities with place and ticket,
a compound's one 居民自治小组 (not counted as a volunteer team), a resident joining as a linked person,
visit corrections and voids (audited, never deleted, a void counts nowhere), a stored resolution acted
on once, 楼栋长 and 微网格员, visit coverage, and the voters list that never shows a choice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from alarms.grid_chain import chain_from_tree
from app.grid_tree import GridTree
from app.grid_work.errors import WorkError
from app.grid_work.meetings import MeetingBook, MeetingDraft, ResolutionDraft
from app.grid_work.micro_grid import MicroGridStaff, self_governance
from app.grid_work.visit_corrections import VisitCorrection, VisitCorrections
from app.grid_work.visit_list import list_visits, overdue_households
from app.grid_work.visits import VisitDraft, VisitLog
from app.grid_work.volunteer_reads import list_activities, member_hours
from app.grid_work.volunteers import ActivityDraft, VolunteerBook, list_teams
from app.grid_work.votes import BallotEntry, VoteDesk, VoteDraft
from app.grid_work.work_stats import work_stats
from app.models import AuditEntry, Duty, Person, Resident, Visit
from app.store.base import utcnow
from app.tickets.models import Ticket
from runtime.read.grid_work import GridWorkReads
from runtime.read.visit_coverage import VisitCoverageReads
from tests.app.grid_work.conftest import desk_for


def _actions(work, prefix: str) -> list[str]:
    with work.context.db.session() as session:
        query = select(AuditEntry.action).where(AuditEntry.action.like(f"{prefix}%")).order_by(AuditEntry.seq)
        return list(session.scalars(query))


def _worker(work) -> int:
    return work.site.people["钱网格员"]


def test_an_activity_keeps_place_and_ticket_and_a_group_is_not_a_volunteer_team(work):
    book = VolunteerBook(work.context)
    team = book.add_team("银龄互助服务队", "G1")
    group = book.add_team("幸福小区居民自治小组", "G1", kind="self_governance")
    with pytest.raises(WorkError, match="已有居民自治小组"):
        book.add_team("第二个小组", "G1", kind="self_governance")
    with pytest.raises(WorkError, match="小区网格"):
        book.add_team("社区小组", "C1", kind="self_governance")
    with work.context.db.session() as session:
        resident = session.scalars(select(Resident).where(Resident.name == "陈奶奶")).one()
        resident_id = resident.id
    with pytest.raises(WorkError, match="没有登记手机"):
        book.join_resident(team, resident_id)
    with work.context.db.session() as session:
        session.get(Resident, resident_id).phone = "13912345678"
    person, joined = book.join_resident(team, resident_id)
    assert joined and book.join_resident(group, resident_id) == (person, True)  # the same person
    ticket = desk_for(work).open(_intake())
    at = utcnow() - timedelta(hours=3)
    book.record_activity(
        ActivityDraft(team, at, "代买药品", ((person, 1.5),), place="1号楼", ticket_id=ticket)
    )
    book.record_activity(ActivityDraft(group, at, "议事", ((person, 1.0),)))
    with pytest.raises(WorkError, match="工单 999999 不存在"):
        book.record_activity(ActivityDraft(team, at, "x", ((person, 1.0),), ticket_id=999999))
    with work.context.db.session() as session:
        [activity] = list_activities(session, team)
        assert (activity.place, activity.ticket_id, activity.hours) == ("1号楼", ticket, 1.5)
        [member] = member_hours(session, team)
        assert (member.resident, member.team_hours, member.total_hours) == (True, 1.5, 2.5)
        assert session.get(Person, person).resident_id == resident_id
        assert [t.kind for t in list_teams(session, None, "self_governance")] == ["self_governance"]
    stats = work_stats(work.context, "G1", at - timedelta(days=1), utcnow())
    assert (stats.volunteer_teams, stats.volunteer_activities, stats.volunteer_hours) == (1, 1, 1.5)


def _intake():
    from app.tickets.intake import Intake
    from tests.app.tickets.conftest import IN_G1

    return Intake(category="LR01", text="独居老人需要代买药品", source="phone", lon=IN_G1[0], lat=IN_G1[1])


def test_a_visit_is_corrected_then_voided_and_counts_nowhere(work):
    log, fixes = VisitLog(work.context, desk_for(work)), VisitCorrections(work.context)
    at = utcnow() - timedelta(hours=5)
    visit = log.record(VisitDraft(work.elderly, _worker(work), at, 1, "正常")).visit_id
    change = VisitCorrection(visit, _worker(work), at, 2, "正常，见到老人和女儿", "")
    with pytest.raises(WorkError, match="理由"):
        fixes.correct(change)
    with pytest.raises(WorkError, match="没有需要更正"):
        fixes.correct(VisitCorrection(visit, _worker(work), at, 1, "正常", "核对"))
    fixes.correct(VisitCorrection(visit, _worker(work), at, 2, "正常，见到老人和女儿", "见到人数录错"))
    period = (at - timedelta(hours=1), utcnow())
    assert work_stats(work.context, "G1", *period).people_reached == 2
    with work.context.db.session() as session:
        assert work.elderly not in {o.household_id for o in overdue_households(session, None, utcnow())}
    with pytest.raises(WorkError, match="理由"):
        fixes.void(visit, " ")
    fixes.void(visit, "重复录入")
    with pytest.raises(WorkError, match="已作废"):
        fixes.void(visit, "again")
    stats = work_stats(work.context, "G1", *period)
    assert (stats.visits, stats.people_reached) == (0, 0)
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).where(Visit.id == visit)) == 1  # kept
        [row] = list_visits(session, None, household_id=work.elderly)
        assert row.void_reason == "重复录入" and row.people_met == 2
        assert work.elderly in {o.household_id for o in overdue_households(session, None, utcnow())}
    assert _actions(work, "visit.") == ["visit.record", "visit.correct", "visit.void"]


def test_a_stored_resolution_becomes_a_ticket_once_and_another_a_vote(work):
    book = MeetingBook(work.context, desk_for(work))
    draft = MeetingDraft(
        "G1", utcnow() - timedelta(hours=1), "居民议事会", (_worker(work),), place="小区会议室",
        resolutions=(ResolutionDraft("清理楼道杂物"), ResolutionDraft("增设充电棚")),
    )  # fmt: skip
    meeting = book.record(draft).meeting_id
    row = book.act_on(meeting, 1, ResolutionDraft("", ticket_category="LR01"))
    with pytest.raises(WorkError, match="已转为"):
        book.act_on(meeting, 1, ResolutionDraft("", ticket_category="LR01"))
    with pytest.raises(WorkError, match="之一"):
        book.act_on(meeting, 2, ResolutionDraft(""))
    voted = book.act_on(meeting, 2, ResolutionDraft("", vote_closes_at=utcnow() + timedelta(days=7)))
    reads = GridWorkReads(work.context)
    [stored] = reads.meetings("G1")
    assert stored.place == "小区会议室"
    assert [(r.position, r.ticket_id, r.vote_id) for r in stored.resolutions] == [
        (1, row.ticket_id, None),
        (2, None, voted.vote_id),
    ]
    with work.context.db.session() as session:
        assert "清理楼道杂物" in session.get(Ticket, row.ticket_id).text
    assert reads.vote(voted.vote_id).question == "增设充电棚"
    assert _actions(work, "meeting.") == [
        "meeting.record",
        "meeting.resolution_act",
        "meeting.resolution_act",
    ]


def test_a_building_has_one_head_and_any_number_of_micro_grid_workers(work):
    staff = MicroGridStaff(work.context)
    with work.context.db.session() as session:
        resident = session.scalars(select(Resident).where(Resident.name == "刘一")).one()
        resident.phone, resident_id = "13700001111", resident.id
    head = staff.appoint_resident("B1", resident_id, "building_head")
    staff.appoint("B1", _worker(work), "building_head")  # replaces the first head
    staff.appoint("B1", head, "micro_member")
    with pytest.raises(WorkError, match="已是本楼微网格员"):
        staff.appoint("B1", head, "micro_member")
    with pytest.raises(WorkError, match="楼栋微网格"):
        staff.appoint("G1", head, "micro_member")
    with pytest.raises(WorkError, match="职责应为"):
        staff.appoint("B1", head, "leader")
    with work.context.db.session() as session:
        view = self_governance(session, "G1")
        [building] = view.buildings
        assert [p for p, _n in building.heads] == [_worker(work)]
        assert [p for p, _n in building.micro_members] == [head] and building.households == 3
        assert view.group_id is None
        building_link = chain_from_tree(GridTree.load(session), work.site.grids["B1"])[-1]
        assert [c.role for c in building_link.contacts][-2:] == [
            "micro_member",
            "building_head",
        ]  # on the card
    staff.relieve("B1", head, "micro_member")
    with pytest.raises(WorkError, match="不是本楼"):
        staff.relieve("B1", head, "micro_member")
    with work.context.db.session() as session:
        roles = session.scalars(select(Duty.role).where(Duty.person_id == head)).all()
    assert roles == []
    assert _actions(work, "micro_grid.") == ["micro_grid.appoint"] * 3 + ["micro_grid.relieve"]


def test_coverage_counts_the_households_not_visited_in_n_days(work):
    coverage = VisitCoverageReads(work.context)
    building_grid = work.site.grids["B1"]
    assert coverage.unvisited(30) == {building_grid: 3}
    log = VisitLog(work.context, desk_for(work))
    log.record(VisitDraft(work.plain, _worker(work), utcnow() - timedelta(days=40)))
    recent = log.record(VisitDraft(work.elderly, _worker(work), utcnow() - timedelta(days=2))).visit_id
    assert coverage.unvisited(30) == {building_grid: 2}
    assert coverage.unvisited(60) == {building_grid: 1}
    VisitCorrections(work.context).void(recent, "录错住户")
    assert coverage.unvisited(60) == {building_grid: 2}


def test_the_voters_list_says_who_voted_never_what(work):
    desk = VoteDesk(work.context)
    now = utcnow()
    vote = desk.open(
        VoteDraft("增设充电棚", ("同意", "不同意"), now - timedelta(days=1), now + timedelta(days=1), "B1")
    )
    desk.ballot(BallotEntry(vote, 2, now - timedelta(hours=1), household_id=work.plain))
    voters = GridWorkReads(work.context).voters(vote)
    assert {(v.household_id, v.has_ballot) for v in voters} == {
        (work.plain, True),
        (work.elderly, False),
        (work.third, False),
    }
    assert not any("不同意" in v.label for v in voters)


def test_visits_are_corrected_and_voided_from_the_command_line(work, capsys, cli_user):
    from main import main

    url = str(work.context.db.url)
    cli_user(url)
    log = VisitLog(work.context, desk_for(work))
    visit = log.record(
        VisitDraft(work.plain, _worker(work), utcnow() - timedelta(hours=2), 1, "正常")
    ).visit_id
    assert main(["visits", "correct", str(visit), "--db", url, "--met", "3", "--reason", "人数录错"]) == 0
    assert main(["visits", "correct", "999999", "--db", url, "--met", "3", "--reason", "x"]) == 2
    assert main(["visits", "void", str(visit), "--db", url, "--reason", " "]) == 2
    assert "理由" in capsys.readouterr().err
    assert main(["visits", "void", str(visit), "--db", url, "--reason", "重复录入"]) == 0
    with work.context.db.session() as session:
        row = session.get(Visit, visit)
        assert (row.people_met, row.note, row.void_reason) == (3, "正常", "重复录入")
