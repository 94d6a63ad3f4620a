"""Home visits: recorded with their findings, a finding becomes a linked ticket in the same transaction,
bad input is refused with nothing written, and the plan finds the households due for a visit."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.scope import grid_scope
from app.grid_work.visit_list import list_visits, overdue_households
from app.grid_work.visit_plan import checked_plan, read_plan, save_plan
from app.grid_work.visits import FindingDraft, VisitDraft, VisitLog
from app.models import AuditEntry, Visit, VisitFinding
from app.store.base import utcnow
from app.tickets.models import Ticket
from tests.app.grid_work.conftest import desk_for


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request):
    return request.getfixturevalue(f"{request.param}_db")


def _worker(work) -> int:
    return work.site.people["钱网格员"]


def test_a_finding_becomes_a_linked_ticket_with_the_visit(work):
    log = VisitLog(work.context, desk_for(work))
    at = utcnow() - timedelta(hours=2)
    draft = VisitDraft(
        work.plain,
        _worker(work),
        at,
        people_met=3,
        note="老两口身体好",
        findings=(
            FindingDraft("安全隐患", "楼道堆放纸箱，堵塞消防通道", "SR01"),
            FindingDraft("policy", "询问高龄津贴申领"),
        ),
    )
    recorded = log.record(draft)
    assert len(recorded.ticket_ids) == 1 and len(recorded.finding_ids) == 2
    with work.context.db.session() as session:
        ticket = session.get(Ticket, recorded.ticket_ids[0])
        assert (ticket.source, ticket.household_id) == ("home_visit", work.plain)
        assert "楼道堆放纸箱" in ticket.text and ticket.reporter_name == "钱网格员"
        findings = session.scalars(select(VisitFinding).order_by(VisitFinding.id)).all()
        assert [(f.tag, f.ticket_id) for f in findings] == [("hazard", ticket.id), ("policy", None)]
        visit = session.get(Visit, recorded.visit_id)
        assert (visit.people_met, visit.at, visit.note) == (3, at, "老两口身体好")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "visit.record")).one()
        assert json.loads(entry.detail)["findings"][0] == {"tag": "hazard", "ticket_id": ticket.id}
    topics = [(c.topic, c.ids) for c in work.heard]
    assert (Topic.TICKET, recorded.ticket_ids) in topics
    assert (Topic.VISIT, (recorded.visit_id,)) in topics
    with work.context.db.session() as session:
        rows = list_visits(session, None)
    assert rows[0].findings[0].ticket_id == ticket.id and rows[0].visitor == "钱网格员"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"at": utcnow() + timedelta(hours=1)}, "不能晚于现在"),
        ({"people_met": -1}, "见到的人数"),
        ({"visitor_id": 99999}, "人员 99999 不存在"),
        ({"household_id": 99999}, "住户 99999 不存在"),
        ({"findings": (FindingDraft("闲聊", "x"),)}, "未知走访发现类别"),
        ({"findings": (FindingDraft("other", "  "),)}, "须写明内容"),
        ({"findings": (FindingDraft("other", "路灯坏了", "NO-SUCH"),)}, "无法转为工单"),
    ],
)
def test_bad_visits_are_refused_and_nothing_is_written(work, change, message):
    base = {"household_id": work.plain, "visitor_id": _worker(work), "at": utcnow() - timedelta(minutes=5)}
    log = VisitLog(work.context, desk_for(work))
    with pytest.raises(WorkError, match=message):
        log.record(VisitDraft(**(base | change)))
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0
    assert work.heard == []


def test_a_second_finding_ticket_of_the_same_kind_needs_force(work):
    log = VisitLog(work.context, desk_for(work))
    finding = (FindingDraft("hazard", "电动车楼道充电", "SR01"),)
    at = utcnow() - timedelta(hours=1)
    log.record(VisitDraft(work.plain, _worker(work), at, findings=finding))
    with pytest.raises(WorkError, match="无法转为工单"):
        log.record(VisitDraft(work.plain, _worker(work), at, findings=finding))
    again = log.record(VisitDraft(work.plain, _worker(work), at, findings=finding), force_tickets=True)
    assert len(again.ticket_ids) == 1


def test_the_plan_finds_households_due_by_their_residents_tags(work):
    log = VisitLog(work.context, desk_for(work))
    now = utcnow()
    for household in (work.plain, work.elderly):
        log.record(VisitDraft(household, _worker(work), now - timedelta(days=40)))
    with work.context.db.session() as session:
        _scope, grid_ids = grid_scope(session, "G1")
        due = overdue_households(session, grid_ids, now)
        assert {o.household_id for o in due} == {work.elderly, work.third}  # monthly, and never visited
        by_id = {o.household_id: o for o in due}
        assert by_id[work.elderly].per_year == 12 and by_id[work.third].due is None
        assert {o.worker for o in due} == {"钱网格员"}
        assert overdue_households(session, grid_scope(session, "G3")[1], now) == []
        save_plan(session, work.context.seat, checked_plan(12, {}))  # now every household monthly
        assert read_plan(session).per_year(set()) == 12
        assert len(overdue_households(session, grid_ids, now)) == 3


def test_a_bad_plan_is_refused():
    with pytest.raises(WorkError, match="未知居民标签"):
        checked_plan(2, {"cat_owner": 4})
    with pytest.raises(WorkError, match="1–365"):
        checked_plan(0, {})
