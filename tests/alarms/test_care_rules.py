"""Elderly-care rules through the ingest: what each sensor report and each silence turns into."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from alarms.care import active_hours_between, in_window
from alarms.ingest import IngestError, SensorIngest
from alarms.models import Alarm, CareSettings, HeardCode, SensorStatus
from alarms.sensor_event import SensorEvent
from alarms.service import AlarmService
from app.config import Seat

# 2026-11-27 10:00 in Zhengzhou (UTC+8) is 02:00 UTC.
MORNING = datetime(2026, 11, 27, 2, 0)


@pytest.fixture
def db(sqlite_db):
    """The rules are plain SQL both back ends run alike (test_service covers PostgreSQL): SQLite only."""
    return sqlite_db


@pytest.fixture
def clocked(db, hub):
    now = [MORNING]
    service = AlarmService(db, hub, Seat("值班员", "seat"), clock=lambda: now[0])
    return now, SensorIngest(service)


def rf(code: str, at: datetime) -> SensorEvent:
    return SensorEvent("rf433", code, "rf-1", at=at)


def alarms(db) -> list[tuple[str, int, int | None]]:
    with db.session() as session:
        return [
            (a.kind, a.priority, a.household_id) for a in session.scalars(select(Alarm).order_by(Alarm.id))
        ]


def test_sos_press_is_p1_at_once(db, site, ingest):
    ids = ingest.handle(rf("A1B2C3", MORNING))
    assert len(ids) == 1
    assert alarms(db) == [("sos", 1, site.household_id)]


@pytest.mark.parametrize(("kind", "field"), [("smoke", "smoke"), ("gas", "gas"), ("water", "water_leak")])
def test_zigbee_smoke_gas_water_are_p1(db, site, ingest, kind, field):
    ingest.bind("zigbee", f"7号楼2-301/{kind}", kind, site.household_id)
    assert (
        ingest.handle(SensorEvent("zigbee", f"7号楼2-301/{kind}", "zb", {field: False, "battery": 90})) == []
    )
    assert len(ingest.handle(SensorEvent("zigbee", f"7号楼2-301/{kind}", "zb", {field: True}))) == 1
    assert alarms(db) == [(kind, 1, site.household_id)]


def test_unbound_codes_are_ignored_but_listed_as_heard(db, site, ingest):
    assert ingest.handle(rf("DEAD01", MORNING)) == []
    assert ingest.handle(rf("DEAD01", MORNING + timedelta(seconds=5))) == []
    assert alarms(db) == []
    with db.session() as session:
        heard = session.scalars(select(HeardCode)).one()
        assert (heard.device_code, heard.times, heard.dongle) == ("DEAD01", 2, "rf-1")


def test_learn_mode_hears_a_code_and_binds_it_with_open_and_closed_bits(db, site, ingest):
    heard = []
    ingest.start_learning(heard.append)
    ingest.handle(rf("5A5A0A", MORNING))  # the operator opens the new door contact
    ingest.stop_learning()
    assert [(h.event.device_code, h.sensor_id) for h in heard] == [("5A5A0A", None)]
    sensor_id = ingest.bind("rf433", "5a5a0a", "door", site.second_household_id, closed_code="5A5A0E")
    with db.session() as session:
        assert session.scalars(select(HeardCode)).all() == []  # no longer "unbound"
        settings = session.get(CareSettings, site.second_household_id)
        settings.night_door_alarm = True
    night = datetime(2026, 11, 27, 15, 30)  # 23:30 local
    ingest.handle(rf("5A5A0E", night))  # closed: activity, never a night-door alarm
    assert alarms(db) == []
    ingest.handle(rf("5A5A0A", night))  # opened at night, resident flagged at risk
    assert alarms(db) == [("door_night", 2, site.second_household_id)]
    with db.session() as session:
        assert session.get(SensorStatus, sensor_id).last_value == "trigger"
    with pytest.raises(IngestError, match="已绑定"):
        ingest.bind("rf433", "5A5A0A", "door", site.household_id)
    with pytest.raises(IngestError, match="未知传感器类型"):
        ingest.bind("rf433", "111111", "toaster", site.household_id)


def test_door_in_daytime_is_only_activity(db, site, ingest):
    with db.session() as session:
        session.merge(CareSettings(household_id=site.household_id, night_door_alarm=True))
    ingest.handle(rf("3C5A0A", MORNING))
    assert alarms(db) == []


def test_inactivity_stopwatch_counts_the_active_window_and_respects_away(db, site, clocked):
    now, ingest = clocked
    ingest.handle(rf("0F0F01", now[0]))  # motion at 10:00 local resets the stopwatch
    now[0] += timedelta(hours=11, minutes=59)  # 21:59 local: 11 h 59 min of the 07-22 window
    assert ingest.sweep() == []
    now[0] += timedelta(hours=10)  # 07:59 next day: 12 h 00 min of active time idle
    raised = ingest.sweep()
    assert len(raised) == 1
    assert alarms(db)[-1] == ("inactivity", 2, site.household_id)
    assert ingest.sweep() == []  # once per idle spell
    ingest.handle(rf("0F0F01", now[0]))  # movement: a new spell begins
    with db.session() as session:
        session.get(CareSettings, site.household_id).away = True
    now[0] += timedelta(days=3)
    ingest.sweep()  # (the sensors are silent by now: maintenance alarms, but no check-on alarm)
    assert [k for k, *_ in alarms(db)].count("inactivity") == 1


def test_silent_sensor_and_low_battery_are_p3_once(db, site, clocked):
    now, ingest = clocked
    ingest.bind("zigbee", "bed-301", "bed", site.household_id)
    ingest.sweep()  # starts the silence clocks of the sensors never heard
    ingest.handle(SensorEvent("zigbee", "bed-301", "zb", {"occupancy": True, "battery": 15}, at=now[0]))
    ingest.handle(SensorEvent("zigbee", "bed-301", "zb", {"occupancy": False, "battery": 14}, at=now[0]))
    assert [k for k, *_ in alarms(db)] == ["low_battery"]
    with db.session() as session:
        session.get(CareSettings, site.household_id).inactivity_enabled = False
    now[0] += timedelta(hours=24, minutes=1)
    ingest.sweep()
    kinds = [k for k, *_ in alarms(db)]
    assert kinds.count("sensor_silent") == 4  # three RF sensors and the bed mat
    ingest.sweep()
    assert [k for k, *_ in alarms(db)].count("sensor_silent") == 4


def test_availability_marks_a_zigbee_device_offline(db, site, ingest):
    sensor_id = ingest.bind("zigbee", "door-301", "door", site.household_id)
    ingest.set_availability("zigbee", "door-301", False)
    with db.session() as session:
        assert session.get(SensorStatus, sensor_id).online is False


def test_windows_that_run_past_midnight():
    assert in_window(23 * 60, 22 * 60, 6 * 60) and in_window(5 * 60, 22 * 60, 6 * 60)
    assert not in_window(12 * 60, 22 * 60, 6 * 60)
    # 20:00 local to 09:00 local next day with a 07-22 window: 2 h + 2 h
    since = datetime(2026, 11, 27, 12, 0)
    assert active_hours_between(since, since + timedelta(hours=13), 7 * 60, 22 * 60) == pytest.approx(4.0)
