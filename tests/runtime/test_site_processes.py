"""The site as real processes: `serve`, GUI seats (offscreen, tracing what their views hear) and this
test process as one more seat.

On PostgreSQL a ticket opened by `tickets new` (a process of the site, like a seat), an escalation by
the sweep and alarms from a serial RF bridge (a pseudo-terminal) and from Zigbee2MQTT (this machine's
Mosquitto) reach every seat; when the `serve` that leads is killed with SIGKILL a second `serve` takes
the lead and nothing is done twice or lost: the broker keeps the site's MQTT session (QoS 1) for the
successor, and the serial port is read by one process of this computer at a time. On SQLite one MQTT
message raises exactly one alarm whichever processes run: a window, a kiosk wall, or `serve` beside a
window.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from alarms.ingest import SensorIngest
from alarms.models import Alarm, Dongle
from alarms.portisch import rf_received
from alarms.service import AlarmService
from alarms.station import SensorStation, this_host
from app.config import Seat as SeatIdentity
from app.events import EventHub
from app.models import Sensor
from app.store import Database
from app.store.base import utcnow
from app.tickets.models import Ticket, TicketEvent
from tests.alarms.pty_bridge import PtyBridge
from tests.alarms.site import Site, build_site
from tests.runtime.processes import (
    LocalSeat,
    Seat,
    broker_up,
    command,
    forget_mqtt_session,
    mqtt_send,
    serve,
    wait_until,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not broker_up(), reason="Mosquitto is not running on 127.0.0.1:1883"),
]

RF_DONGLE = "本机RF桥"
ZIGBEE_DONGLE = "Zigbee网关"
ZIGBEE_SOS = "2-301 紧急按钮"
RF_SOS_CODES = ("A1B2C3", "B1B2C3")  # one button per press: a second press would join the open alarm
START_S = 60  # a GUI seat starting on a shared two-core machine
HEAR_S = 15  # a change reaching every seat


def equip(db: Database, site: Site, base_topic: str, port: str | None) -> str:
    """The site's dongles (the RF bridge pinned to this computer, the broker to none) and the sensors
    each message below presses: every press raises an alarm of its own. Returns the MQTT client id
    under which the site's processes read the broker."""
    with db.session() as session:
        session.add(
            Dongle(name=ZIGBEE_DONGLE, protocol="zigbee", address="127.0.0.1:1883", base_topic=base_topic)
        )
        if port is not None:
            session.add(Dongle(name=RF_DONGLE, protocol="rf433", address=port, host=this_host()))
        where = {"grid_id": site.micro_grid_id, "household_id": site.household_id}
        session.add(
            Sensor(name="紧急按钮(Zigbee)", kind="sos", protocol="zigbee", device_code=ZIGBEE_SOS, **where)
        )
        session.add(
            Sensor(name="紧急按钮(二)", kind="sos", protocol="rf433", device_code=RF_SOS_CODES[1], **where)
        )
    station = SensorStation(SensorIngest(AlarmService(db, EventHub(), SeatIdentity())))
    return station.mqtt_client_id(ZIGBEE_DONGLE)


def press_zigbee(base_topic: str) -> None:
    mqtt_send(f"{base_topic}/{ZIGBEE_SOS}", {"action": "single", "battery": 90})


def alarm_ids(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(Alarm.id).order_by(Alarm.id)))


def escalations(db: Database, ticket_id: int) -> int:
    with db.session() as session:
        return session.scalar(
            select(func.count())
            .select_from(TicketEvent)
            .where(TicketEvent.ticket_id == ticket_id, TicketEvent.action == "escalate")
        )


def breach_due_now(db: Database, ticket_id: int) -> None:
    """Both warnings given and the deadline a minute gone: the sweep's next step is one escalation."""
    gone = utcnow() - timedelta(minutes=1)
    with db.session() as session:
        session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id)
            .values(warn_level=90, deadline_at=gone, next_due_at=gone)
        )


def new_alarm(db: Database, known: list[int], timeout: float = HEAR_S) -> int:
    """The one alarm raised since `known` (a second one would be a doubled press)."""
    fresh = wait_until(
        lambda: [i for i in alarm_ids(db) if i not in known], timeout, "the alarm in the store"
    )
    time.sleep(1.0)  # room for a double to show up
    fresh = [i for i in alarm_ids(db) if i not in known]
    assert len(fresh) == 1, f"one press raised alarms {fresh}"
    known.extend(fresh)
    return fresh[0]


def every_seat_hears(seats: list[Seat], topic: str, description: str, **fields) -> None:
    for seat in seats:
        wait_until(
            lambda seat=seat: seat.lines(topic, **fields), HEAR_S, f"{seat.process.name}: {description}"
        )


def leading(here: LocalSeat, process) -> bool:
    return bool(here.heard("service", role="leading", pid=process.pid))


def dongle_open(here: LocalSeat, name: str, since: datetime | None = None) -> bool:
    lines = here.heard("dongle", name=name, connected=True)
    return any(since is None or datetime.fromisoformat(line["at"]) > since for line in lines)


@pytest.fixture
def bridge():
    pty = PtyBridge()
    yield pty
    pty.close()


@pytest.fixture
def broker_sessions():
    """The MQTT sessions the test's processes keep at the broker, dropped after those have stopped."""
    client_ids: list[str] = []
    yield client_ids
    for client_id in client_ids:
        forget_mqtt_session(client_id)


@pytest.fixture
def processes(broker_sessions):
    """Every process a test starts, stopped at its end; their output is printed (pytest shows it when
    the test failed)."""
    started = []
    yield started
    for process in started:
        process.stop()
    print("\n".join(process.tail() for process in started))


@pytest.mark.pg
def test_three_seats_hear_the_site_and_a_second_serve_takes_over_a_killed_one(
    pg_db, bridge, processes, broker_sessions, tmp_path, cli_user
):
    site = build_site(pg_db)
    cli_user(pg_db.url, "接线员", "operator")  # `tickets new` below acts as this user
    base_topic = f"z2m-{uuid.uuid4().hex[:8]}"
    broker_sessions.append(equip(pg_db, site, base_topic, bridge.port))
    here = LocalSeat(pg_db)
    try:
        first = serve(pg_db.url, tmp_path, "serve-1")
        processes.append(first)
        wait_until(lambda: leading(here, first), START_S, "the first serve to lead")
        wait_until(
            lambda: dongle_open(here, RF_DONGLE) and dongle_open(here, ZIGBEE_DONGLE), HEAR_S, "its dongles"
        )

        seats = [Seat(pg_db.url, tmp_path, f"seat-{n}") for n in (1, 2, 3)]
        processes.extend(seat.process for seat in seats)
        wait_for_seats(here, seats)

        new_ticket = ["tickets", "new", "--category", "SR01", "--text", "楼道堆物堵塞消防通道"]
        ticket_id = int(
            command([*new_ticket, "--household", str(site.second_household_id), "--db", pg_db.url], tmp_path)
        )
        every_seat_hears(seats, "ticket", "the ticket opened at another seat", id=ticket_id, action="opened")

        alarms: list[int] = []
        bridge.write(rf_received(RF_SOS_CODES[0]))
        rf_alarm = new_alarm(pg_db, alarms)
        every_seat_hears(seats, "alarm", "the RF alarm", id=rf_alarm, what="raised")
        press_zigbee(base_topic)
        zigbee_alarm = new_alarm(pg_db, alarms)
        every_seat_hears(seats, "alarm", "the Zigbee alarm", id=zigbee_alarm, what="raised")

        # The lead dies with work waiting: a ticket due for escalation, a button pressed meanwhile.
        breach_due_now(pg_db, ticket_id)
        killed_at = datetime.now(UTC)
        first.kill_hard()
        press_zigbee(base_topic)  # nobody reads the broker now: it keeps the message for the session
        second = serve(pg_db.url, tmp_path, "serve-2")
        processes.append(second)
        wait_until(lambda: leading(here, second), START_S, "the second serve to take the lead")

        every_seat_hears(seats, "ticket", "the sweep's escalation", id=ticket_id, action="sweep")
        kept_alarm = new_alarm(pg_db, alarms)
        every_seat_hears(seats, "alarm", "the alarm the broker kept", id=kept_alarm, what="raised")
        wait_until(lambda: dongle_open(here, RF_DONGLE, since=killed_at), HEAR_S, "the RF bridge reopened")
        bridge.write(rf_received(RF_SOS_CODES[1]))
        second_rf_alarm = new_alarm(pg_db, alarms)
        every_seat_hears(seats, "alarm", "the RF alarm after the kill", id=second_rf_alarm, what="raised")

        time.sleep(2.0)  # a second sweep or a redelivered message would show by now
        assert escalations(pg_db, ticket_id) == 1
        assert alarm_ids(pg_db) == alarms and len(alarms) == 4
        for seat in seats:
            assert seat.process.alive(), seat.process.tail()
            for alarm_id in alarms:
                assert len(seat.lines("alarm", id=alarm_id, what="raised")) == 1, (
                    seat.process.name,
                    alarm_id,
                )
            assert len(seat.lines("ticket", id=ticket_id, action="sweep")) == 1, seat.process.name
    finally:
        here.stop()


def wait_for_seats(here: LocalSeat, seats: list[Seat]) -> None:
    """Until each seat's views hear this test seat: its window is up and its relay listens. A grid change
    (an empty one) is the probe: each view that cares re-reads a tiny site."""
    from app.events import Change, GridChanged, Topic

    def all_heard() -> bool:
        here.hub.publish(Change(Topic.GRID, (), GridChanged()))
        return all(seat.lines("grid", origin=here.relay.origin) for seat in seats)

    for seat in seats:
        wait_until(
            lambda seat=seat: seat.heard() or not seat.process.alive(), START_S, f"{seat.process.name} up"
        )
        assert seat.process.alive(), seat.process.tail()
    wait_until(all_heard, START_S, "every seat to hear this one", every=1.0)


@pytest.mark.parametrize("mode", ["window", "kiosk", "serve beside a window"])
def test_one_mqtt_message_raises_one_alarm(sqlite_db, processes, broker_sessions, tmp_path, mode):
    site = build_site(sqlite_db)
    base_topic = f"z2m-{uuid.uuid4().hex[:8]}"
    broker_sessions.append(equip(sqlite_db, site, base_topic, port=None))
    here = LocalSeat(sqlite_db)
    try:
        if mode == "serve beside a window":
            processes.append(serve(sqlite_db.url, tmp_path))
        seat = Seat(sqlite_db.url, tmp_path, "seat", kiosk=mode == "kiosk")
        processes.append(seat.process)
        wait_until(lambda: dongle_open(here, ZIGBEE_DONGLE), START_S, "the broker's dongle open")
        wait_for_seats(here, [seat])

        press_zigbee(base_topic)
        alarm = new_alarm(sqlite_db, [], timeout=HEAR_S)
        wait_until(lambda: seat.lines("alarm", id=alarm, what="raised"), HEAR_S, "the seat to hear the alarm")
        time.sleep(1.5)  # a second reader of the broker would have raised its own by now
        assert alarm_ids(sqlite_db) == [alarm]
        assert len(seat.lines("alarm", what="raised")) == 1
        assert len(here.heard("service", role="leading")) == 1  # one process leads the file
    finally:
        here.stop()
