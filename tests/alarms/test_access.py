"""Alarm actions ask the permission table: the wall and police accounts watch, the desk acts."""

from __future__ import annotations

import pytest

from alarms.service import AlarmService
from alarms.values import AlarmDraft, AlarmError
from app.access import User
from app.config import Seat
from runtime.types import Priority


def seat_of(role: str) -> Seat:
    return Seat.signed_in(User(5, f"{role}-user", role), "seat-1")


def test_a_wall_or_police_account_cannot_acknowledge_or_close(db, hub, site, service):
    alarm = service.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    for role in ("wall", "police"):
        watcher = AlarmService(db, hub, seat_of(role))
        assert not watcher.may_act()
        with pytest.raises(AlarmError, match="acknowledge_alarms"):
            watcher.acknowledge(alarm)
        with pytest.raises(AlarmError, match="acknowledge_alarms"):  # a reason given: the permission refuses
            watcher.escalate(alarm, "住户无应答，请求上级支援")
    view = AlarmService(db, hub, seat_of("operator")).acknowledge(alarm, note="已电话联系")
    assert view.acknowledged_by == "operator-user"
