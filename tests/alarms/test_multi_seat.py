"""Several seats on one PostgreSQL site: each overdue alarm is escalated once, each idle spell raises
one check-on alarm, even when two seats' checks run at the same instant (two real threads, two
engines, both made to read before either writes)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from alarms.care import settings_for
from alarms.ingest import SensorIngest
from alarms.models import Alarm, Priority, SensorStatus
from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.config import Seat
from app.events import EventHub
from app.models import AuditEntry, Sensor
from app.store import Database
from app.store.base import utcnow
from tests.alarms.site import build_site

pytestmark = pytest.mark.pg

# 2026-11-27 10:00 in Zhengzhou (UTC+8), inside the default active window 07:00-22:00.
MORNING = datetime(2026, 11, 27, 2, 0)


@pytest.fixture
def seats(pg_db):
    """Two seats: two engines on the same database, as two processes would have."""
    engines = Database(pg_db.url), Database(pg_db.url)
    yield engines
    for seat_db in engines:
        seat_db.dispose()


def meet_before_writing(engines: tuple[Database, ...], table: str, column: str) -> None:
    """Hold each thread's first UPDATE of `table` touching `column` until both threads reach it, so
    both have read the row as unclaimed before either claims it: the race, every time."""
    barrier = threading.Barrier(len(engines), timeout=15)
    done = threading.local()

    def hold(_conn, _cursor, statement: str, *_args) -> None:
        if statement.startswith(f"UPDATE {table} ") and column in statement and not getattr(done, "x", False):
            done.x = True
            barrier.wait()

    for seat_db in engines:
        event.listen(seat_db.engine, "before_cursor_execute", hold)


def run_together(*jobs: Callable[[], object]) -> list[object]:
    results: list[object] = [None] * len(jobs)
    errors: list[BaseException] = []

    def run(index: int, job: Callable[[], object]) -> None:
        try:
            results[index] = job()
        except BaseException as error:  # noqa: BLE001 (re-raised on the test thread)
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not [t for t in threads if t.is_alive()], "a seat's check hung"
    if errors:
        raise errors[0]
    return results


def audited(db: Database, action: str) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def test_two_seats_escalating_at_once_escalate_an_alarm_once(pg_db, seats):
    site = build_site(pg_db)
    raised_at = utcnow() - timedelta(minutes=10)
    early = AlarmService(pg_db, EventHub(), Seat(), clock=lambda: raised_at)
    alarm_id = early.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    services = [AlarmService(seat_db, EventHub(), Seat(host=f"seat-{i}")) for i, seat_db in enumerate(seats)]
    meet_before_writing(seats, "alarms", "escalated_at")

    first, second = run_together(*(lambda s=s: s.escalate_overdue(after_minutes=5) for s in services))

    assert sorted([*first, *second]) == [alarm_id]  # exactly one seat won
    assert audited(pg_db, "alarm.escalate") == 1
    assert services[0].get(alarm_id).escalated_at is not None


def test_two_seats_sweeping_at_once_raise_one_inactivity_alarm(pg_db, seats):
    site = build_site(pg_db)
    with pg_db.session() as session:
        settings_for(session, site.household_id).last_activity_at = MORNING - timedelta(days=2)
        for sensor_id in session.scalars(select(Sensor.id)):  # sensors all heard just now: no P3 noise
            session.merge(SensorStatus(sensor_id=sensor_id, last_seen_at=MORNING, online=True))
    ingests = [
        SensorIngest(AlarmService(seat_db, EventHub(), Seat(host=f"seat-{i}"), clock=lambda: MORNING))
        for i, seat_db in enumerate(seats)
    ]
    meet_before_writing(seats, "care_settings", "inactivity_alarm_at")

    first, second = run_together(*(ingest.sweep for ingest in ingests))

    assert len([*first, *second]) == 1
    with pg_db.session() as session:
        kinds = session.scalars(select(Alarm.kind)).all()
        settings = settings_for(session, site.household_id)
        assert kinds == ["inactivity"] and settings.inactivity_alarm_at == MORNING
