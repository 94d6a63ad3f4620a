"""Warnings, escalation across a weekend and the National Day holiday, catch-up, idempotence."""

from __future__ import annotations

from app.tickets import Intake, sweep
from tests.app.tickets.conftest import IN_G1, at, build_site, make_desk, open_ticket


def _events(desk, tid, kinds=("warn", "escalate", "breach")):
    return [
        (e["action"], e["at"], e["level"]) for e in desk.describe(tid)["timeline"] if e["action"] in kinds
    ]


def test_escalation_across_a_weekend(desk, site):
    tid = open_ticket(desk, IN_G1, when="2026-11-06T16:00")  # Friday; 4h → Monday 10:30
    assert desk.describe(tid)["deadline"] == "2026-11-09T10:30:00+08:00"
    report = sweep(desk, at("2026-11-08T20:00"))  # Sunday evening: nothing is due
    assert (report.warnings, report.escalations) == (0, 0)
    report = sweep(desk, at("2026-11-09T10:31"))
    assert (report.warnings, report.escalations) == (2, 1)
    assert _events(desk, tid) == [
        ("warn", "2026-11-09T09:18:00+08:00", 3),
        ("warn", "2026-11-09T10:06:00+08:00", 3),
        ("escalate", "2026-11-09T10:30:00+08:00", 2),
    ]
    t = desk.describe(tid)
    assert (t["level"], t["assignee"]["name"], t["queue"]) == (2, "李社区", "overdue")
    assert t["deadline"] == "2026-11-09T16:30:00+08:00"  # level 2's own 4 hours from the breach


def test_escalation_across_the_national_day_holiday(desk, site):
    tid = desk.open(
        Intake("BM04", "物业不维修楼道门禁", lon=IN_G1[0], lat=IN_G1[1], at=at("2026-09-30T10:00")),
        now=at("2026-09-30T10:00"),
    )
    # three working days: 9-30 (6h), the holiday 10-01..10-07, 10-08, 10-09, and Saturday 10-10 (调休)
    assert desk.describe(tid)["deadline"] == "2026-10-10T10:00:00+08:00"
    assert sweep(desk, at("2026-10-07T23:00")).warnings == 0
    sweep(desk, at("2026-10-10T10:00"))
    assert _events(desk, tid) == [
        ("warn", "2026-10-09T10:45:00+08:00", 3),
        ("warn", "2026-10-09T17:15:00+08:00", 3),
        ("escalate", "2026-10-10T10:00:00+08:00", 2),
    ]


def test_catch_up_after_downtime_escalates_in_order_and_is_idempotent(both_db):
    db = both_db
    build_site(db)
    desk = make_desk(db)
    tid = open_ticket(desk, IN_G1, when="2026-11-02T09:00")
    report = sweep(desk, at("2026-11-06T18:00"))  # the app was closed all week
    assert (report.escalations, report.top_breaches) == (3, 1)
    assert [(a, t, lv) for a, t, lv in _events(desk, tid, ("escalate", "breach"))] == [
        ("escalate", "2026-11-02T15:00:00+08:00", 2),
        ("escalate", "2026-11-03T09:30:00+08:00", 1),
        ("escalate", "2026-11-03T15:30:00+08:00", 0),
        ("breach", "2026-11-04T10:00:00+08:00", 0),
    ]
    t = desk.describe(tid)
    assert (t["assignee"]["name"], t["overdue_since"], t["escalations"]) == (
        "赵县长",
        "2026-11-02T15:00:00+08:00",
        3,
    )
    version = t["version"]
    again = sweep(desk, at("2026-11-06T18:00"))
    assert (again.warnings, again.escalations, again.top_breaches, again.tickets) == (0, 0, 0, [])
    assert desk.describe(tid)["version"] == version


def test_only_running_tickets_are_swept(desk, site):
    waiting = open_ticket(desk, IN_G1, when="2026-11-02T09:00")
    desk.act(waiting, "start", at=at("2026-11-02T09:05"))
    desk.act(waiting, "wait", at=at("2026-11-02T09:10"), reason="等居民回家")
    handled = open_ticket(desk, (IN_G1[0] + 0.003, IN_G1[1]), when="2026-11-02T09:00")
    desk.act(handled, "start", at=at("2026-11-02T09:05"))
    desk.act(handled, "handle", at=at("2026-11-02T10:00"), result="已处理")
    report = sweep(desk, at("2026-11-20T09:00"))
    assert report.tickets == []


def test_emergencies_run_on_the_natural_clock(desk, site):
    tid = desk.open(
        Intake("TF02", "地下车库积水", lon=IN_G1[0], lat=IN_G1[1], at=at("2026-10-03T02:00")),
        now=at("2026-10-03T02:00"),
    )
    assert desk.describe(tid)["deadline"] == "2026-10-03T04:00:00+08:00"  # 2h on a holiday night
    sweep(desk, at("2026-10-03T04:00"))
    assert desk.describe(tid)["level"] == 2
