"""The demo's alarm history: handled alarms with who and how, and one waiting for an operator."""

from __future__ import annotations

from sqlalchemy import select

from alarms.demo import HISTORY_ALARMS, seed_demo_alarms
from alarms.models import Alarm, AlarmState
from main import DEMO_EXTRAS


def test_demo_alarms_tell_a_month_of_care_work(demo_db):
    with demo_db.session() as session:
        assert seed_demo_alarms(session, seed=7) == HISTORY_ALARMS + 1
    with demo_db.session() as session:
        alarms = session.scalars(select(Alarm)).all()
    waiting = [a for a in alarms if a.state == AlarmState.RAISED]
    assert len(waiting) == 1 and waiting[0].kind == "inactivity"
    handled = [a for a in alarms if a.state == AlarmState.HANDLED]
    assert all(a.acknowledged_at <= a.handled_at and a.outcome and a.handled_by for a in handled)
    assert all(a.household_id and a.grid_id and a.lon for a in alarms)


def test_the_demo_command_writes_them():
    assert seed_demo_alarms in DEMO_EXTRAS
