"""Sensors before their households (grids → workbook → roster, the order offices bring their files):
a sensor whose flat has no household yet waits there, is said to wait (not refused), is bound when the
household comes by the roster import or a hand edit, and still raises its alarms at the flat meanwhile.
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import func, select

from alarms.ingest import SensorIngest
from alarms.models import Alarm
from alarms.sensor_event import SensorEvent
from alarms.service import AlarmService
from app.events import Topic
from app.models import AuditEntry, Household, PendingSensor, Sensor
from app.roster.edits import HouseholdForm, RosterEdits
from app.roster.importer import import_roster
from app.site_book.exporter import export_site
from app.site_book.importer import import_site
from app.site_book.workbook import read_workbook
from tests.app.site_book.conftest import BUILDING_ROWS, SENSOR_ROWS, fill_template, write_roster

TYPO = ["C0FFEE", "rf433", "smoke", "幸福路1号2号楼2单元2020室"]  # 202 was meant: no one will live there


def _sensors(db) -> dict[str, tuple[int | None, str | None]]:
    """code → (household id, the address it waits at)."""
    with db.session() as session:
        rows = session.execute(
            select(Sensor.device_code, Sensor.household_id, PendingSensor.address).outerjoin(
                PendingSensor, PendingSensor.sensor_id == Sensor.id
            )
        ).all()
    return {code: (household, waiting) for code, household, waiting in rows}


def _workbook(tmp_path, sensors=(*SENSOR_ROWS, TYPO)):
    return fill_template(tmp_path / "site.xlsx", {"楼栋": BUILDING_ROWS, "传感器": list(sensors)})


def test_the_roster_binds_the_sensors_that_waited_for_it(grid_site, tmp_path):
    heard = []
    grid_site.hub.subscribe(Topic.SENSOR, heard.append)
    report = import_site(grid_site, _workbook(tmp_path))  # the buildings come in the same workbook
    assert report.committed and not report.problems
    count = report.counts["传感器"]
    assert (count.added, count.pending) == (3, 3)
    assert all("待绑定: 住户地址尚无住户" in line for line in report.pending_lines())
    assert "幸福路1号2号楼2单元2020室" in report.pending_lines()[2]
    waiting = _sensors(grid_site.db)
    assert waiting["A1B2C3"] == (None, "幸福路1号1号楼1单元101室")
    assert waiting["0x_door_101"] == (None, "幸福路1号1号楼1单元101室")
    assert heard[-1].payload.what == "bound"

    heard.clear()
    roster = import_roster(grid_site, write_roster(tmp_path / "roster.xlsx"))
    assert roster.committed and len(roster.sensors_bound) == 2
    with grid_site.db.session() as session:
        flat = session.scalars(select(Household).where(Household.room == "101")).one()
        flat_id, flat_grid = flat.id, flat.building.grid_id
        binds = session.scalars(select(AuditEntry).where(AuditEntry.action == "sensor.bind")).all()
        assert session.get(Sensor, roster.sensors_bound[0]).grid_id == flat_grid
    assert {json.loads(b.detail)["address"] for b in binds} == {"幸福路1号1号楼1单元101室"}
    bound = _sensors(grid_site.db)
    assert bound["A1B2C3"] == bound["0x_door_101"] == (flat_id, None)
    assert bound["C0FFEE"] == (None, "幸福路1号2号楼2单元2020室")  # the typo still shows where it waits
    assert [c.topic for c in heard] == [Topic.SENSOR] and set(heard[0].ids) == set(roster.sensors_bound)

    again = import_site(grid_site, _workbook(tmp_path))
    assert (again.counts["传感器"].unchanged, again.counts["传感器"].pending) == (3, 1)


def test_a_waiting_sensor_is_exported_with_its_flat_and_fixed_by_reimport(grid_site, tmp_path):
    import_site(grid_site, _workbook(tmp_path))
    import_roster(grid_site, write_roster(tmp_path / "roster.xlsx"))
    export_site(grid_site.db, tmp_path / "export.xlsx")
    rows = read_workbook(tmp_path / "export.xlsx")["传感器"].rows
    assert {(r.get("code"), r.get("household")) for r in rows} >= {("C0FFEE", "幸福路1号2号楼2单元2020室")}
    fixed = import_site(grid_site, _workbook(tmp_path, [TYPO[:3] + ["2号楼2单元202室"]]))
    assert fixed.counts["传感器"].updated == 1 and not fixed.pending
    household, waiting = _sensors(grid_site.db)["C0FFEE"]
    assert household is not None and waiting is None
    with grid_site.db.session() as session:
        assert session.scalar(select(func.count()).select_from(PendingSensor)) == 0


def test_a_household_added_by_hand_binds_its_waiting_sensor(grid_site, tmp_path):
    import_site(grid_site, _workbook(tmp_path, [TYPO]))
    heard = []
    grid_site.hub.subscribe(Topic.SENSOR, heard.append)
    with grid_site.db.session() as session:
        building_id = session.execute(
            select(PendingSensor.building_id).where(PendingSensor.address.like("%2020室"))
        ).scalar_one()
    household_id = RosterEdits(grid_site).add_household(HouseholdForm(building_id, "2", "2020"))
    assert _sensors(grid_site.db)["C0FFEE"] == (household_id, None)
    assert heard and heard[0].payload.what == "bound"


def test_a_household_moved_to_the_flat_binds_its_waiting_sensor(grid_site, tmp_path):
    import_site(grid_site, _workbook(tmp_path, [TYPO]))
    import_roster(grid_site, write_roster(tmp_path / "roster.xlsx"))
    with grid_site.db.session() as session:
        flat = session.scalars(select(Household).where(Household.room == "202")).one()
        form = HouseholdForm(flat.building_id, "2", "2020")  # the office moves the household instead
        flat_id = flat.id
    RosterEdits(grid_site).change_household(flat_id, form)
    assert _sensors(grid_site.db)["C0FFEE"] == (flat_id, None)


def test_a_waiting_sensor_still_raises_its_alarm_at_the_flat(grid_site, tmp_path):
    import_site(grid_site, _workbook(tmp_path, [SENSOR_ROWS[0]]))
    ingest = SensorIngest(AlarmService(grid_site.db, grid_site.hub, grid_site.seat))
    (alarm_id,) = ingest.handle(SensorEvent("rf433", "A1B2C3", "rf-1"))
    with grid_site.db.session() as session:
        alarm = session.get(Alarm, alarm_id)
        detail = json.loads(alarm.detail)
        assert (alarm.kind, alarm.priority, alarm.household_id) == ("sos", 1, None)
        assert alarm.grid_id is not None and (alarm.lon, alarm.lat) == (113.6012, 34.7011)
    assert detail["address"] == "幸福路1号1号楼1单元101室" and "待绑定" in detail["household"]


def test_a_silent_waiting_sensor_is_reported_at_its_flat(grid_site, tmp_path):
    import_site(grid_site, _workbook(tmp_path, [TYPO]))
    now = [datetime(2026, 12, 1, 2, 0)]
    ingest = SensorIngest(AlarmService(grid_site.db, grid_site.hub, grid_site.seat, clock=lambda: now[0]))
    assert ingest.sweep() == []  # the first sweep starts counting
    now[0] += timedelta(hours=25)
    (alarm_id,) = ingest.sweep()
    with grid_site.db.session() as session:
        alarm = session.get(Alarm, alarm_id)
        assert (alarm.kind, alarm.household_id) == ("sensor_silent", None)
        assert json.loads(alarm.detail)["address"] == "幸福路1号2号楼2单元2020室"
