"""Which seat opens which dongle, and the alarm job the scheduler seat runs.

A serial dongle pinned to a computer is opened by that computer's seat only; a dongle pinned to none
(a Zigbee2MQTT broker) is read by the scheduler seat only (on SQLite, the one seat at once).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from alarms import jobs
from alarms.care import settings_for
from alarms.ingest import SensorIngest
from alarms.models import Dongle, Priority
from alarms.service import AlarmService
from alarms.station import SensorStation
from alarms.values import AlarmDraft
from app.config import Seat
from app.events import EventHub
from app.store.base import utcnow
from tests.alarms.pty_bridge import PtyBridge
from tests.alarms.site import build_site


@pytest.fixture
def bridge():
    pty = PtyBridge()
    yield pty
    pty.close()


def add_dongles(db, port: str) -> None:
    with db.session() as session:
        session.add_all(
            [
                Dongle(name="本机RF桥", protocol="rf433", address=port, host="Seat-A"),
                Dongle(name="他机RF桥", protocol="rf433", address="/dev/ttyUSB9", host="seat-b"),
                Dongle(name="网关", protocol="zigbee", address="127.0.0.1:1", host=None),
                Dongle(name="停用", protocol="rf433", address=port, host="seat-a", enabled=False),
            ]
        )


def opened(station: SensorStation) -> list[str]:
    return sorted([r.dongle for r in station.readers] + [z.dongle for z in station.listeners])


def test_a_station_opens_its_computers_dongles_and_the_sites_only_when_the_leader_asks(sqlite_db, bridge):
    add_dongles(sqlite_db, bridge.port)
    ingest = SensorIngest(AlarmService(sqlite_db, EventHub(), Seat()))
    station = SensorStation(ingest, host="seat-a", retry_s=0.2)
    station.start()
    try:
        assert opened(station) == ["本机RF桥"]  # host names compare case-insensitively
        assert station.readers[0].connected.wait(5)  # the real serial port on the pseudo-terminal
        assert station.open_site_dongles() == ["网关"]
        assert station.open_site_dongles() == []  # already open: the job's call changes nothing
        assert station.close_site_dongles() == ["网关"]  # the lead moved elsewhere
        assert opened(station) == ["本机RF桥"]
    finally:
        station.stop()


def test_two_processes_on_one_computer_never_both_read_a_dongle(sqlite_db, bridge):
    add_dongles(sqlite_db, bridge.port)
    first, second = (
        SensorStation(SensorIngest(AlarmService(sqlite_db, EventHub(), Seat())), host="seat-a", retry_s=0.2)
        for _ in range(2)
    )
    try:
        assert first.start() == ["本机RF桥"]
        assert second.start() == []  # the port's lock on this computer is held by the first
        first.stop()
        assert second.start() == ["本机RF桥"]  # free again: the next round opens it
    finally:
        first.stop()
        second.stop()


@pytest.mark.pg
def test_on_postgresql_unpinned_dongles_wait_for_the_scheduler_seat(pg_db, bridge):
    add_dongles(pg_db, bridge.port)
    ingest = SensorIngest(AlarmService(pg_db, EventHub(), Seat()))
    station = SensorStation(ingest, host="seat-a", retry_s=0.2)
    station.start()
    try:
        assert opened(station) == ["本机RF桥"]
        assert station.open_site_dongles() == ["网关"]
        assert station.open_site_dongles() == []
        assert opened(station) == ["本机RF桥", "网关"]
    finally:
        station.stop()
    assert station.open_site_dongles() == []  # a stopped station opens nothing more


@pytest.mark.pg
def test_the_alarm_job_works_through_the_desk_of_its_process(pg_db):
    site = build_site(pg_db)
    with pg_db.session() as session:
        settings_for(session, site.household_id).last_activity_at = utcnow() - timedelta(days=3)
        session.add(Dongle(name="网关", protocol="zigbee", address="127.0.0.1:1", host=None))
    hub = EventHub()
    heard = []
    hub.subscribe("alarm", heard.append)
    service = AlarmService(pg_db, hub, Seat(host="seat-a"))
    overdue = AlarmService(pg_db, EventHub(), Seat(), clock=lambda: utcnow() - timedelta(minutes=30))
    late = overdue.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    ingest = SensorIngest(service)
    station = SensorStation(ingest, host="seat-a", retry_s=0.2)
    withdraw = jobs.serve(jobs.AlarmSite(ingest, station))
    try:
        report = jobs.run_checks(pg_db.url)
    finally:
        withdraw()
        station.stop()
    assert report["opened"] == ["网关"] and report["escalated"] == [late]
    # Whether the inactivity alarm fires depends on the hour (active window); if it did, it was heard.
    whats = [change.payload.what for change in heard]
    assert "escalated" in whats and ("raised" in whats) == bool(report["raised"])
    headless = jobs.run_checks(pg_db.url)  # no desk in this process any more: checks still run
    assert headless == {"opened": [], "raised": [], "escalated": []}


def _overdue_alarm(db) -> int:
    late = AlarmService(db, EventHub(), Seat(), clock=lambda: utcnow() - timedelta(minutes=30))
    return late.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"))


def _escalations_heard(hub: EventHub) -> list:
    heard = []
    hub.subscribe(
        "alarm", lambda change: heard.append(change.ids) if change.payload.what == "escalated" else None
    )
    return heard


def test_the_alarm_job_uses_the_newest_site_served_and_falls_back_when_it_goes(sqlite_db):
    seat_hub, desk_hub = EventHub(), EventHub()
    by_seat, by_desk = _escalations_heard(seat_hub), _escalations_heard(desk_hub)
    withdraw_seat = jobs.serve(jobs.AlarmSite(SensorIngest(AlarmService(sqlite_db, seat_hub, Seat()))))
    withdraw_desk = jobs.serve(jobs.AlarmSite(SensorIngest(AlarmService(sqlite_db, desk_hub, Seat()))))
    try:
        first = _overdue_alarm(sqlite_db)
        assert jobs.run_checks(sqlite_db.url)["escalated"] == [first]
        assert by_desk == [(first,)] and by_seat == []  # the desk, while it lives
        withdraw_desk()
        second = _overdue_alarm(sqlite_db)
        assert jobs.run_checks(sqlite_db.url)["escalated"] == [second]
        assert by_seat == [(second,)]  # then the seat's own hub again, not a hub nobody hears
    finally:
        withdraw_desk()
        withdraw_seat()
