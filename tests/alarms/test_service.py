"""The alarm lifecycle on both back ends: persisted before announced, audited, escalated, dispatched."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select

from alarms.models import Alarm, AlarmState, Outcome, Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft, AlarmError, AlarmView
from app.config import Seat
from app.models import AuditEntry
from app.store.base import utcnow

SOS = AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)")


def draft_for(site, **extra) -> AlarmDraft:
    return AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id, **extra)


def test_an_alarm_is_committed_before_anyone_hears_of_it(db, site, hub, service):
    seen_in_store: list[tuple[int, str]] = []

    def listener(change):
        # a fresh session on its own connection: only committed data is visible here
        with db.session() as session:
            row = session.get(Alarm, change.ids[0])
            seen_in_store.append((row.id, row.state))

    hub.subscribe("alarm", listener)
    alarm_id = service.raise_alarm(draft_for(site))
    assert seen_in_store == [(alarm_id, "raised")]
    view = service.get(alarm_id)
    assert view.grid_id == site.micro_grid_id  # located through the household's building
    assert (view.lon, view.lat) == (113.64, 34.72)


def test_lifecycle_acknowledge_then_false_alarm_is_audited(db, site, service):
    alarm_id = service.raise_alarm(draft_for(site))
    view = service.acknowledge(alarm_id, note="已电话联系老人")
    assert (view.state, view.acknowledged_by, view.ack_note) == (
        "acknowledged",
        "值班员小王",
        "已电话联系老人",
    )
    view = service.close(alarm_id, Outcome.FALSE_ALARM, note="老人误按")
    assert (view.state, view.outcome, view.outcome_note) == ("handled", "false_alarm", "老人误按")
    with db.session() as session:
        trail = session.execute(
            select(AuditEntry.action, AuditEntry.actor, AuditEntry.detail)
            .where(AuditEntry.entity == "alarm", AuditEntry.entity_id == alarm_id)
            .order_by(AuditEntry.id)
        ).all()
    assert [t.action for t in trail] == ["alarm.raise", "alarm.acknowledge", "alarm.handle"]
    assert {t.actor for t in trail} == {"值班员小王"}
    assert json.loads(trail[2].detail)["note"] == "老人误按"


def test_state_rules_refuse_what_does_not_fit(site, service):
    alarm_id = service.raise_alarm(draft_for(site))
    service.close(alarm_id, Outcome.RESOLVED, note="已处理")
    with pytest.raises(AlarmError, match="不能执行"):
        service.acknowledge(alarm_id)
    with pytest.raises(AlarmError, match="不能执行"):
        service.close(alarm_id, Outcome.FALSE_ALARM, note="老人误按")
    with pytest.raises(AlarmError, match="不存在"):
        service.acknowledge(999_999)


def test_two_seats_acknowledging_at_once_only_one_wins(db, site, hub):
    first = AlarmService(db, hub, Seat("甲", "seat-a"))
    second = AlarmService(db, hub, Seat("乙", "seat-b"))
    alarm_id = first.raise_alarm(draft_for(site))
    first.acknowledge(alarm_id)
    with pytest.raises(AlarmError):
        second.acknowledge(alarm_id)
    assert first.get(alarm_id).acknowledged_by == "甲"


def test_dispatch_creates_a_linked_ticket_through_the_injected_workflow(db, site, hub):
    tickets = Table(
        "alarm_test_tickets",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("title", String(200)),
        Column("household_id", Integer),
    )
    tickets.create(db.engine)

    def open_ticket(alarm: AlarmView) -> int:
        with db.session() as session:
            return session.execute(
                insert(tickets)
                .values(title=f"告警转工单: {alarm.title}", household_id=alarm.household_id)
                .returning(tickets.c.id)
            ).scalar_one()

    service = AlarmService(db, hub, Seat("值班员", "seat"), dispatch_ticket=open_ticket)
    alarm_id = service.raise_alarm(draft_for(site))
    ticket_id = service.dispatch(alarm_id, note="派网格员上门")
    view = service.get(alarm_id)
    assert (view.state, view.outcome, view.ticket_id) == ("handled", "ticket", ticket_id)
    assert view.acknowledged_by == "值班员"  # dispatching straight away also acknowledges
    with db.session() as session:
        row = session.execute(select(tickets).where(tickets.c.id == ticket_id)).one()
    assert row.title == "告警转工单: 紧急呼叫(SOS)" and row.household_id == site.household_id
    tickets.drop(db.engine)


def test_dispatch_that_fails_leaves_the_alarm_as_it_was(site, db, hub):
    def broken(_alarm: AlarmView) -> int:
        raise RuntimeError("工单服务不可用")

    service = AlarmService(db, hub, Seat(), dispatch_ticket=broken)
    alarm_id = service.raise_alarm(draft_for(site))
    with pytest.raises(RuntimeError):
        service.dispatch(alarm_id)
    assert service.get(alarm_id).state == "raised"
    with pytest.raises(AlarmError, match="工单模块未接入"):
        AlarmService(db, hub, Seat()).dispatch(alarm_id)


def test_unacknowledged_alarms_are_escalated_to_supervisor_and_community_leader(db, site, hub):
    now = [utcnow()]
    service = AlarmService(db, hub, Seat(), clock=lambda: now[0])
    old = service.raise_alarm(draft_for(site))
    acknowledged = service.raise_alarm(draft_for(site))
    service.acknowledge(acknowledged)
    now[0] += timedelta(minutes=4)
    fresh = service.raise_alarm(draft_for(site))
    now[0] += timedelta(minutes=2)
    assert service.escalate_overdue(after_minutes=5) == [old]
    assert service.escalate_overdue(after_minutes=5) == []  # once each
    view = service.get(old)
    assert view.escalated_at == now[0]
    with db.session() as session:
        to = json.loads(session.get(Alarm, old).escalated_to)
    assert [(c["name"], c["phone"], c["role"]) for c in to] == [
        ("周文斌", "13800000008", "supervisor"),
        ("孙丽华", "13800000002", "leader"),
    ]
    assert service.get(fresh).escalated_at is None


def test_active_lists_most_urgent_first(db, site, service):
    p3 = service.raise_alarm(
        AlarmDraft("low_battery", Priority.P3, "传感器电量低", household_id=site.household_id)
    )
    p1 = service.raise_alarm(draft_for(site))
    p2 = service.raise_alarm(
        AlarmDraft("inactivity", Priority.P2, "长时间无活动", household_id=site.household_id)
    )
    assert [a.id for a in service.active()] == [p1, p2, p3]
    service.acknowledge(p1)
    assert [a.id for a in service.unacknowledged()] == [p2, p3]
    with db.session() as session:
        assert (
            session.scalar(select(func.count()).select_from(Alarm).where(Alarm.state == AlarmState.RAISED))
            == 2
        )


def test_a_false_alarm_or_an_escalation_without_a_reason_is_refused(site, service):
    alarm_id = service.raise_alarm(draft_for(site))
    with pytest.raises(AlarmError, match="误报须说明原因"):
        service.close(alarm_id, Outcome.FALSE_ALARM, note="  ")
    with pytest.raises(AlarmError, match="上报须说明原因"):
        service.escalate(alarm_id, reason="")
    view = service.get(alarm_id)
    assert (view.state, view.escalated_at) == ("raised", None)  # refused: nothing written
