"""A month of alarm history for the demo site, so the alarm list and the map's alarm layer look alive.

Rows are written as the lifecycle would leave them (raised → acknowledged → handled, with who and
when); the newest one is left unacknowledged on purpose, so the demo shows the popup at start.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState, Outcome, Priority
from alarms.wording import WORDING_KEY, Wording
from app.models import Building, Household, Sensor
from app.store.base import utcnow

HISTORY_DAYS = 30
HISTORY_ALARMS = 60
OPERATORS = ("值班员小王", "值班员李娜", "值班长赵刚")
# (sensor kind, alarm kind, priority, title, share of false alarms): as care rules and the bridge raise them
SENSOR_ALARMS = {
    "sos": ("sos", Priority.P1, Wording("sos"), 0.6),
    "smoke": ("smoke", Priority.P1, Wording("smoke"), 0.7),
    "door": ("door_night", Priority.P2, Wording("door_night"), 0.5),
    "pir": ("inactivity", Priority.P2, Wording("inactivity", ("13",)), 0.3),
}
HANDLING_NOTES = {
    Outcome.FALSE_ALARM: ("老人误按，电话确认平安", "厨房油烟触发，已提醒开窗", "家属来访开门，已核实"),
    Outcome.RESOLVED: ("网格员上门查看，老人身体不适已送医", "联系子女到场处置", "志愿者上门陪护，情况稳定"),
}


def seed_demo_alarms(session: Session, seed: int, now: datetime | None = None) -> int:
    """Write the demo alarm history into the caller's unit of work; returns how many alarms."""
    now = now or utcnow()
    rng = random.Random(seed * 31 + 1)
    sensors = session.execute(
        select(Sensor.id, Sensor.kind, Sensor.household_id, Building.grid_id, Building.lon, Building.lat)
        .join(Household, Household.id == Sensor.household_id)
        .join(Building, Building.id == Household.building_id)
        .where(Sensor.kind.in_(SENSOR_ALARMS))
        .order_by(Sensor.id)
    ).all()
    if not sensors:
        return 0
    rows = [
        _handled(rng, rng.choice(sensors), now - timedelta(minutes=rng.randrange(60, HISTORY_DAYS * 1440)))
        for _ in range(HISTORY_ALARMS)
    ]
    pir = next((s for s in sensors if s.kind == "pir"), sensors[0])
    rows.append(_row(pir, now - timedelta(minutes=7)))  # waiting for an operator
    session.execute(insert(Alarm), rows)
    return len(rows)


def _row(sensor, raised_at: datetime) -> dict:
    kind, priority, title, _false_share = SENSOR_ALARMS[sensor.kind]
    return {
        "raised_at": raised_at,
        "source": "care_rule" if kind == "inactivity" else "sensor",
        "kind": kind,
        "priority": int(priority),
        "state": AlarmState.RAISED.value,
        "title": title.zh(),
        "household_id": sensor.household_id,
        "grid_id": sensor.grid_id,
        "sensor_id": sensor.id,
        "camera_id": None,
        "lon": sensor.lon,
        "lat": sensor.lat,
        "detail": json.dumps({"demo": True, WORDING_KEY: title.stored()}, ensure_ascii=False),
        "acknowledged_at": None,
        "acknowledged_by": None,
        "ack_note": None,
        "handled_at": None,
        "handled_by": None,
        "outcome": None,
        "outcome_note": None,
    }


def _handled(rng: random.Random, sensor, raised_at: datetime) -> dict:
    false_share = SENSOR_ALARMS[sensor.kind][3]
    outcome = Outcome.FALSE_ALARM if rng.random() < false_share else Outcome.RESOLVED
    operator = rng.choice(OPERATORS)
    acknowledged_at = raised_at + timedelta(seconds=rng.randint(8, 90))
    return _row(sensor, raised_at) | {
        "state": AlarmState.HANDLED.value,
        "acknowledged_at": acknowledged_at,
        "acknowledged_by": operator,
        "ack_note": "已电话联系",
        "handled_at": acknowledged_at + timedelta(minutes=rng.randint(3, 50)),
        "handled_by": operator,
        "outcome": outcome.value,
        "outcome_note": rng.choice(HANDLING_NOTES[outcome]),
    }
