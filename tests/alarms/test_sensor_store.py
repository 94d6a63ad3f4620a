"""设置 → 传感器's core: sensors added, re-bound and deleted through SensorStore (checked, audited,
announced), and listed by the runtime's catalogue with where they are and what was last heard. SQLite
and PostgreSQL, on the alarm tests' small site (7号楼: 2单元301室 with three sensors, 1单元102室)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from alarms.models import Alarm
from alarms.sensor_event import SensorEvent
from alarms.sensor_store import SensorForm, SensorFormError, SensorStore
from app.config import Seat
from app.context import SiteContext
from app.events import Topic
from app.models import AuditEntry, Sensor
from runtime.read.sensors import Binding, SensorCatalogue

HOME = "郑州市二七区幸福路18号院7号楼2单元301室"


@pytest.fixture
def context(db, site, hub) -> SiteContext:
    return SiteContext(db, hub, Seat(operator="管理员", host="seat-1"))


@pytest.fixture
def store(context) -> SensorStore:
    return SensorStore(context)


@pytest.fixture
def changes(hub) -> list:
    heard: list = []
    hub.subscribe(Topic.SENSOR, heard.append)
    return heard


def _audit(db, action: str) -> list[dict]:
    with db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [json.loads(e.detail) for e in entries]


def _row(context, code: str):
    return next(s for s in SensorCatalogue(context).sensors() if s.code == code)


def test_a_heard_code_bound_to_a_household_leaves_the_heard_list(ingest, store, context, changes):
    ingest.handle(SensorEvent("rf433", "D00D01", "rf-1"))
    assert [h.code for h in SensorCatalogue(context).heard()] == ["D00D01"]
    saved = store.add(SensorForm("d00d01", "rf433", "smoke", "7号楼2单元301室"))
    assert saved.waiting_at is None and SensorCatalogue(context).heard() == []
    row = _row(context, "D00D01")
    assert (row.binding, row.address, row.name, row.kind) == (Binding.BOUND, HOME, "烟雾探测器", "smoke")
    assert changes[-1].payload.what == "added" and changes[-1].ids == (saved.sensor_id,)
    (added,) = _audit(context.db, "sensor_add")
    assert added["code"] == "D00D01" and added["household_id"] == row.household_id


def test_a_flat_with_no_household_yet_keeps_the_sensor_waiting_with_its_address(store, context):
    saved = store.add(SensorForm("0x_bed_501", "zigbee", "bed", "7号楼5单元501室"))
    assert saved.waiting_at == "郑州市二七区幸福路18号院7号楼5单元501室"
    row = _row(context, "0x_bed_501")
    assert (row.binding, row.address, row.household_id) == (Binding.WAITING, saved.waiting_at, None)
    assert SensorCatalogue(context).sensors()[0].code == "0x_bed_501"  # the waiting ones come first


def test_a_bad_form_names_every_field_and_writes_nothing(store, context):
    with pytest.raises(SensorFormError) as refused:
        store.add(SensorForm("12345G", "rf433", "fire", "幸福路8号"))
    assert {field for field, _ in refused.value.problems} == {"code", "kind", "address"}
    with pytest.raises(SensorFormError) as taken:
        store.add(SensorForm("a1b2c3", "rf433", "sos", HOME))
    assert "已属于另一个传感器" in str(taken.value)
    with pytest.raises(SensorFormError) as nowhere:
        store.add(SensorForm("ABCDEF", "rf433", "sos", "9号楼1单元101室"))
    assert "楼栋 '9号楼' 不存在" in str(nowhere.value)
    assert len(SensorCatalogue(context).sensors()) == 3


def test_rebinding_moves_the_sensor_and_the_audit_keeps_before_and_after(store, context, site, changes):
    store.edit(site.door_sensor_id, SensorForm("3C5A0A", "rf433", "door", "7号楼1单元102室", "入户门"))
    row = _row(context, "3C5A0A")
    assert (row.household_id, row.name) == (site.second_household_id, "入户门")
    (edit,) = _audit(context.db, "sensor_edit")
    assert edit["changed"] == ["household_id", "name"] and edit["before"]["household_id"] == site.household_id
    assert changes[-1].payload.what == "edited"


def test_a_deleted_sensor_goes_and_its_alarms_stay(ingest, store, context, site, changes):
    (alarm_id,) = ingest.handle(SensorEvent("rf433", "A1B2C3", "rf-1"))
    store.delete(site.sos_sensor_id)
    with context.db.session() as session:
        assert session.get(Sensor, site.sos_sensor_id) is None
        alarm = session.get(Alarm, alarm_id)
        assert alarm.sensor_id is None and alarm.household_id == site.household_id
    assert _audit(context.db, "sensor_delete")[0]["code"] == "A1B2C3"
    assert changes[-1].payload.what == "deleted"
    with pytest.raises(SensorFormError, match="已不存在"):
        store.delete(site.sos_sensor_id)


def test_the_catalogue_says_when_a_sensor_was_last_heard_and_its_battery(ingest, store, context):
    ingest.handle(SensorEvent("zigbee", "0x_never_bound", "z-1", readings={"battery": 80}))
    (heard,) = SensorCatalogue(context).heard()
    assert (heard.protocol, heard.code, heard.dongle, heard.times) == ("zigbee", "0x_never_bound", "z-1", 1)
    store.add(SensorForm(heard.code, heard.protocol, "bed", HOME))
    ingest.handle(SensorEvent("zigbee", "0x_never_bound", "z-1", readings={"occupancy": True, "battery": 64}))
    bed = _row(context, "0x_never_bound")
    assert (bed.battery, bed.online) == (64, True) and bed.last_seen_at is not None
    assert _row(context, "0F0F01").last_seen_at is None  # never heard
