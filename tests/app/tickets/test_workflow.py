"""Every transition, every refusal of an illegal one, dispatch fallbacks, duplicates, photos, approvals."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from app.tickets import Action, DuplicateReport, Intake, State, TicketError, TransitionRefused
from app.tickets.models import Ticket, TicketNotice
from app.tickets.states import ALLOWED_FROM
from tests.app.tickets.conftest import IN_B1, IN_G1, IN_G2, IN_G3, at, build_site, make_desk, open_ticket

T0 = "2026-11-02T09:00"


def test_dispatch_goes_to_the_level_3_leader(desk, site):
    t = desk.describe(open_ticket(desk, IN_G1))
    assert (t["state"], t["level"], t["assignee"]["name"]) == ("dispatched", 3, "张小区")
    assert [g["code"] for g in t["grid_chain"]] == ["S1", "C1", "G1"]
    assert [e["action"] for e in t["timeline"]] == ["accept", "file", "dispatch"]
    assert t["deadline"] == "2026-11-02T15:00:00+08:00"  # 4 working hours over lunch


def test_a_micro_grid_point_goes_to_its_level_3_ancestor(desk, site):
    t = desk.describe(open_ticket(desk, IN_B1))
    assert t["assigned_grid"] == "幸福小区" and t["grid_chain"][-1]["code"] == "B1"


def test_no_leader_falls_back_to_the_parent_and_says_why(desk, site):
    t = desk.describe(open_ticket(desk, IN_G2))
    assert (t["level"], t["assignee"]["name"]) == (2, "李社区")
    assert "阳光小区（三级网格）未设网格长" in t["timeline"][-1]["note"]
    t = desk.describe(open_ticket(desk, IN_G3))  # neither G3 nor C2 has a leader
    assert (t["level"], t["assignee"]["name"]) == (1, "王街长")


def test_by_household_and_outside_every_grid(desk, site):
    t = desk.describe(
        desk.open(Intake("BM03", "厨房水管漏水", household_id=site.household_id, at=at(T0)), now=at(T0))
    )
    assert t["place"]["address"] == "幸福小区1号楼1单元101室" and t["assignee"]["name"] == "张小区"
    t = desk.describe(open_ticket(desk, (120.0, 30.0)))
    assert t["state"] == "filed" and "不在任何网格内" in t["timeline"][-1]["note"]
    with pytest.raises(TransitionRefused, match="须给出位置"):
        desk.open(Intake("SR01", "没有地点"))


def test_duplicate_is_offered_for_merging(desk, site):
    first = open_ticket(desk, IN_G1)
    near = (IN_G1[0] + 0.0002, IN_G1[1])  # about 18 m away
    with pytest.raises(DuplicateReport) as caught:
        desk.open(Intake("SR01", "垃圾又堆起来了", lon=near[0], lat=near[1], at=at(T0)), now=at(T0))
    assert [c["id"] for c in caught.value.candidates] == [first]
    assert (
        desk.open(
            Intake("SR01", "垃圾又堆起来了", lon=near[0], lat=near[1], reporter_name="陈先生"),
            merge_into=first,
        )
        == first
    )
    t = desk.describe(first)
    assert t["reports"] == 2 and "陈先生" in t["timeline"][-1]["note"]
    other_category = desk.open(Intake("GY01", "路灯不亮", lon=near[0], lat=near[1]))
    assert other_category != first


def test_happy_path_to_evaluation(both_db):
    """The whole loop on both back ends."""
    db = both_db
    build_site(db)
    desk = make_desk(db)
    tid = open_ticket(desk, IN_G1)
    desk.act(tid, "start", at=at("2026-11-02T09:20"))
    desk.act(
        tid,
        "handle",
        at=at("2026-11-02T11:00"),
        result="已联系保洁清运",
        photos=[("after.jpg", b"\xff\xd8jpeg")],
    )
    desk.act(tid, "verify", at=at("2026-11-02T14:10"))
    desk.act(tid, "close", at=at("2026-11-02T14:20"))
    t = desk.act(tid, "feedback", at=at("2026-11-03T10:00"), satisfaction="满意")
    assert t["state"] == "evaluated" and t["satisfaction"] == "满意"
    assert [e["action"] for e in t["timeline"]][3:] == ["start", "handle", "verify", "close", "feedback"]
    assert t["photos"][0]["sha256"] == hashlib.sha256(b"\xff\xd8jpeg").hexdigest()
    with db.session() as session:
        ticket = session.get(Ticket, tid)
        assert ticket.responded_on_time and ticket.closed_on_time and ticket.next_due_at is None
        notices = session.scalars(select(TicketNotice).where(TicketNotice.ticket_id == tid)).all()
        assert {n.channel for n in notices} == {"print", "log"}
        assert "已联系保洁清运" in notices[0].text and "刘女士" in notices[0].text
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == tid)).all()
        assert {"ticket.open", "ticket.start", "ticket.handle", "ticket.feedback"} <= set(actions)


def test_photo_checksum_is_checked_on_read(desk, site, db):
    tid = open_ticket(desk, IN_G1, photos=[("scene.jpg", b"photo-bytes")])
    photo_id = desk.describe(tid)["photos"][0]["id"]
    assert desk.photo(photo_id) == ("scene.jpg", b"photo-bytes")
    with db.session() as session:
        from app.tickets.models import TicketPhoto

        session.get(TicketPhoto, photo_id).data = b"tampered"
    with pytest.raises(TicketError, match="校验失败"):
        desk.photo(photo_id)


def _closed(desk) -> int:
    tid = open_ticket(desk, IN_G1)
    for action, kw in (("start", {}), ("handle", {"result": "已清理"}), ("verify", {}), ("close", {})):
        desk.act(tid, action, at=at("2026-11-02T10:00"), **kw)
    return tid


def test_not_satisfied_reopens_as_rework(desk, site):
    tid = _closed(desk)
    t = desk.act(tid, "feedback", at=at("2026-11-02T15:00"), satisfaction="不满意", comment="垃圾又堆了")
    assert (t["state"], t["reworks"], t["assignee"]["name"]) == ("dispatched", 1, "张小区")
    assert t["deadline"] == "2026-11-03T09:30:00+08:00"  # a fresh 4 working hours from 15:00
    assert "返工" in t["timeline"][-1]["note"]


def test_return_as_not_ours_then_redispatch(desk, site):
    tid = open_ticket(desk, IN_G1)
    t = desk.act(tid, "return", reason="属和平社区管辖")
    assert t["state"] == "returned" and t["assignee"] is None
    with pytest.raises(TransitionRefused, match="--grid"):
        desk.act(tid, "dispatch")
    with pytest.raises(TransitionRefused, match="已退回"):
        desk.act(tid, "dispatch", grid="G1")
    t = desk.act(tid, "dispatch", grid="G2", at=at("2026-11-02T10:00"))
    assert (t["state"], t["assigned_grid"], t["level"]) == ("dispatched", "幸福社区", 2)


def test_waiting_for_the_resident_pauses_the_clock(desk, site):
    tid = open_ticket(desk, IN_G1)  # deadline 15:00
    desk.act(tid, "start", at=at("2026-11-02T09:30"))
    desk.act(tid, "wait", at=at("2026-11-02T10:00"), reason="居民外出，约定明天上门")
    assert desk.describe(tid)["next_due"] is None
    t = desk.act(tid, "resume", at=at("2026-11-03T10:00"))  # 1 of 4 hours used before the pause
    assert t["deadline"] == "2026-11-03T15:00:00+08:00"


def test_extension_needs_approval_one_level_up(desk, site):
    tid = open_ticket(desk, IN_G1)
    desk.act(tid, "request_extension", duration="1d", reason="需协调物业", actor_id=site.people["张小区"])
    with pytest.raises(TransitionRefused, match="已有待审批"):
        desk.act(tid, "request_park", reason="再申请")
    with pytest.raises(TransitionRefused, match="二级网格李社区"):
        desk.act(tid, "approve", actor_id=site.people["张小区"])
    with pytest.raises(TransitionRefused, match="上一级"):
        desk.act(tid, "approve")
    t = desk.act(tid, "approve", actor_id=site.people["李社区"])
    assert t["extensions"] == 1 and t["deadline"] == "2026-11-03T15:00:00+08:00"
    with pytest.raises(TransitionRefused, match="没有待审批"):
        desk.act(tid, "deny", actor_id=site.people["李社区"])


def test_parking_is_approved_one_level_up_and_stops_the_clock(desk, site):
    tid = open_ticket(desk, IN_G2)  # handled at level 2 → approved by the street leader
    desk.act(tid, "request_park", reason="需列入明年改造计划")
    desk.act(tid, "deny", actor_id=site.people["王街长"], reason="先临时处置")
    desk.act(tid, "request_park", reason="需列入明年改造计划")
    t = desk.act(tid, "approve", actor_id=site.people["王街长"])
    assert t["state"] == "parked" and t["next_due"] is None
    t = desk.act(tid, "unpark", at=at("2026-11-02T09:00"))
    assert t["state"] == "in_progress" and t["next_due"] is not None


def test_county_leader_approves_level_1_and_supervisor_level_0(desk, site):
    tid = open_ticket(desk, IN_G3)  # level 1
    desk.act(tid, "request_extension", duration="4h", reason="跨部门")
    with pytest.raises(TransitionRefused, match="赵县长"):
        desk.act(tid, "approve", actor_id=site.people["王街长"])
    desk.act(tid, "approve", actor_id=site.people["赵县长"])
    desk.act(tid, "escalate", reason="领导督办")
    desk.act(tid, "request_extension", duration="4h", reason="跨部门")
    desk.act(tid, "approve", actor_id=site.people["孙值班"])
    with pytest.raises(TransitionRefused, match="最高层级"):
        desk.act(tid, "escalate", reason="再升级")


def test_dismiss_needs_a_reason_and_is_final(desk, site):
    tid = open_ticket(desk, (120.0, 30.0))
    with pytest.raises(TransitionRefused, match="理由"):
        desk.act(tid, "dismiss")
    assert desk.act(tid, "dismiss", reason="不属于受理范围")["state"] == "dismissed"


def test_unknown_options_and_actions_are_refused(desk, site):
    tid = open_ticket(desk, IN_G1)
    with pytest.raises(TransitionRefused, match="不接受参数 result"):
        desk.act(tid, "start", result="x")
    with pytest.raises(TransitionRefused, match="未知操作"):
        desk.act(tid, "teleport")
    with pytest.raises(TransitionRefused, match="满意"):
        desk.act(_closed(desk), "feedback", satisfaction="还行")


# --- the refusal matrix: every action outside its allowed states ---------------------------------

PATHS: dict[State, list[tuple[str, dict]]] = {
    State.DISPATCHED: [],
    State.IN_PROGRESS: [("start", {})],
    State.WAITING: [("start", {}), ("wait", {"reason": "约时间"})],
    State.HANDLED: [("start", {}), ("handle", {"result": "好了"})],
    State.VERIFIED: [("start", {}), ("handle", {"result": "好了"}), ("verify", {})],
    State.CLOSED: [("start", {}), ("handle", {"result": "好了"}), ("verify", {}), ("close", {})],
    State.EVALUATED: [
        ("start", {}),
        ("handle", {"result": "好了"}),
        ("verify", {}),
        ("close", {}),
        ("feedback", {"satisfaction": "满意"}),
    ],
    State.RETURNED: [("return", {"reason": "非本网格"})],
    State.PARKED: [("request_park", {"reason": "预算"}), ("approve", {"actor_id": "李社区"})],
}


@pytest.fixture
def sqlite_only(request):
    if "pg" in request.node.callspec.id:
        pytest.skip("the matrix runs on SQLite; PostgreSQL covers the paths above")


@pytest.mark.parametrize("state", [*PATHS, State.FILED, State.DISMISSED], ids=str)
def test_illegal_actions_are_refused_and_change_nothing(desk, site, state):
    if state in PATHS:
        tid = open_ticket(desk, IN_G1)
        for action, kw in PATHS[state]:
            kw = {k: site.people[v] if k == "actor_id" else v for k, v in kw.items()}
            desk.act(tid, action, **kw)
    else:
        tid = open_ticket(desk, (120.0, 30.0))
        if state == State.DISMISSED:
            desk.act(tid, "dismiss", reason="重复")
    before = desk.describe(tid)
    assert before["state"] == state
    refused = [a for a in Action if state not in ALLOWED_FROM[a]]
    assert refused
    for action in refused:
        with pytest.raises(TransitionRefused, match="不能"):
            desk.act(tid, action)
    after = desk.describe(tid)
    assert (after["version"], after["state"], len(after["timeline"])) == (
        before["version"],
        before["state"],
        len(before["timeline"]),
    )
