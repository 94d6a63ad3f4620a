"""What a broker hands the app cannot drop an SOS, raise one twice, or grow the store without bound;
the app logs into the broker with the site's own user (tests against this machine's Mosquitto)."""

from __future__ import annotations

import json
import queue
import uuid
from datetime import timedelta

import paho.mqtt.publish as publish
import pytest
from sqlalchemy import select

from alarms import heard
from alarms.broker_login import broker_login, set_broker_login
from alarms.ingest import SensorIngest
from alarms.models import Alarm, Dongle, HeardCode, SensorStatus
from alarms.sensor_event import SensorEvent
from alarms.zigbee import Zigbee2MqttListener
from alarms.zigbee_values import checked_state
from app.models import Sensor
from app.store.base import utcnow
from tests.alarms.test_zigbee_mqtt import BROKER, broker_up

needs_broker = pytest.mark.skipif(not broker_up(), reason="Mosquitto is not running on 127.0.0.1:1883")


@pytest.fixture
def zigbee_sos(db, site) -> str:
    """The household's SOS button, a Zigbee device this time."""
    with db.session() as session:
        sensor = session.get(Sensor, site.sos_sensor_id)
        sensor.protocol, sensor.device_code = "zigbee", "sos-2-301"
    return "sos-2-301"


def alarms(db) -> list[Alarm]:
    with db.session() as session:
        return session.scalars(select(Alarm).order_by(Alarm.id)).all()


def test_bad_numbers_are_left_out_with_a_note():
    state = {"action": "sos", "battery": float("nan"), "voltage": float("inf"), "linkquality": 300,
             "temperature": "hot", "humidity": 40.5, "contact": True}  # fmt: skip
    kept, notes = checked_state(state)
    assert kept == {"action": "sos", "humidity": 40.5, "contact": True}
    assert [note.split("=")[0] for note in notes] == ["battery", "voltage", "linkquality", "temperature"]


def test_an_sos_with_a_nan_battery_is_raised_and_noted(db, ingest, zigbee_sos):
    listener = Zigbee2MqttListener("网关", *BROKER, ingest.handle, base_topic="z2m")
    listener.dispatch(f"z2m/{zigbee_sos}", b'{"action":"sos","battery":NaN,"linkquality":Infinity}')
    (alarm,) = alarms(db)
    assert alarm.kind == "sos" and alarm.priority == 1
    assert [n.split("=")[0] for n in json.loads(alarm.detail)["notes"]] == ["battery", "linkquality"]
    with db.session() as session:
        status = session.get(SensorStatus, alarm.sensor_id)
        assert status is None or status.battery is None


def test_a_retained_copy_is_handled_once_a_live_repeat_again(db, ingest, zigbee_sos):
    listener = Zigbee2MqttListener("网关", *BROKER, ingest.handle, base_topic="z2m")
    payload = b'{"action":"sos"}'
    listener.dispatch(f"z2m/{zigbee_sos}", payload)  # live
    listener.dispatch(f"z2m/{zigbee_sos}", payload, retained=True)  # the broker's copy, on a restart
    assert len(alarms(db)) == 1
    listener.dispatch(f"z2m/{zigbee_sos}", payload)  # pressed again
    assert len(alarms(db)) == 2


@needs_broker
def test_a_retained_sos_raises_one_alarm_across_restarts(db, service, zigbee_sos):
    base = f"z2m-retained-{uuid.uuid4().hex[:8]}"
    topic = f"{base}/{zigbee_sos}"
    publish.single(topic, '{"action":"sos"}', qos=1, retain=True, hostname=BROKER[0], port=BROKER[1])
    try:
        for _restart in range(3):  # each round: a new process's ingest and listener, the same store
            handled: queue.Queue = queue.Queue()
            ingest = SensorIngest(service)

            def handle(event, ingest=ingest, handled=handled):
                handled.put(ingest.handle(event))

            listener = Zigbee2MqttListener("网关", *BROKER, handle, base_topic=base, client_id=None)
            listener.start()
            try:
                handled.get(timeout=10)  # the retained message arrived and was handled (or skipped)
            finally:
                listener.stop()
        assert [a.kind for a in alarms(db)] == ["sos"]
    finally:
        publish.single(topic, b"", retain=True, hostname=BROKER[0], port=BROKER[1])  # clear it


def test_heard_codes_are_capped_and_aged_out(db, ingest, monkeypatch):
    monkeypatch.setattr(heard, "HEARD_CAP", 20)
    start = utcnow() - timedelta(days=10)
    ingest.handle(SensorEvent("zigbee", "ancient", "网关", {}, at=start))
    for number in range(30):
        ingest.handle(
            SensorEvent("zigbee", f"stray/{number}", "网关", {}, at=start + timedelta(days=9, seconds=number))
        )
    with db.session() as session:
        codes = session.scalars(select(HeardCode.device_code).order_by(HeardCode.last_heard_at)).all()
    assert len(codes) == 20 and "ancient" not in codes and codes[-1] == "stray/29" and codes[0] == "stray/10"
    assert heard.HEARD_CAP == 20 and heard.HEARD_DAYS == 7


@needs_broker
def test_the_app_logs_in_with_the_dongles_user(db, site):
    with db.session() as session:
        dongle = Dongle(name="网关", protocol="zigbee", address="127.0.0.1:1883", host=None)
        session.add(dongle)
        session.flush()
        set_broker_login(session, dongle, "gcc-site", "s3cret")
        assert dongle.mqtt_password_sealed and b"s3cret" not in dongle.mqtt_password_sealed
    with db.session() as session:
        login = broker_login(session, session.scalar(select(Dongle)))
    assert (login.username, login.password) == ("gcc-site", "s3cret") and "s3cret" not in repr(login)
    states: queue.Queue = queue.Queue()
    listener = Zigbee2MqttListener(
        "网关", *BROKER, lambda _e: None, on_state=lambda *s: states.put(s[1]),
        username=login.username, password=login.password,
    )  # fmt: skip
    listener.start()
    try:
        assert states.get(timeout=5) is True  # this broker allows anonymous clients: a named one too
    finally:
        listener.stop()


@needs_broker
def test_the_station_opens_a_broker_with_its_stored_login(db, ingest, tmp_path, monkeypatch):
    from alarms.station import SensorStation

    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))  # the dongle lock files
    with db.session() as session:
        dongle = Dongle(name="网关", protocol="zigbee", address="127.0.0.1:1883", host=None)
        session.add(dongle)
        session.flush()
        set_broker_login(session, dongle, "gcc-site", "s3cret")
    states: queue.Queue = queue.Queue()
    station = SensorStation(ingest, on_state=lambda name, connected, _detail: states.put((name, connected)))
    try:
        assert station.open_site_dongles() == ["网关"]
        assert states.get(timeout=5) == ("网关", True)
        assert station.listeners[0]._client.username == "gcc-site"  # logged in as the site, not anonymous
    finally:
        station.stop()


def test_add_dongle_takes_the_password_from_stdin_never_the_command_line(db, monkeypatch, capsys, cli_user):
    import io

    import main

    cli_user(db.url)  # adding a dongle needs manage_site

    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    argv = [
        "sensors",
        "add-dongle",
        "网关",
        "--protocol",
        "zigbee",
        "127.0.0.1:1883",
        "--username",
        "gcc-site",
    ]
    assert main.main([*argv, "--password-stdin", "--db", db.url]) == 0
    with db.session() as session:
        login = broker_login(session, session.scalar(select(Dongle)))
    assert (login.username, login.password) == ("gcc-site", "s3cret")
    capsys.readouterr()
    assert main.main(["sensors", "dongles", "--db", db.url]) == 0
    listed = capsys.readouterr().out
    assert "gcc-site" in listed and "s3cret" not in listed


@needs_broker
def test_an_sos_sent_while_the_site_was_away_raises_one_alarm(db, service, zigbee_sos):
    """The site's persistent session queues it and the broker retains it: both copies arrive, one alarm."""
    base = f"z2m-away-{uuid.uuid4().hex[:8]}"
    topic = f"{base}/{zigbee_sos}"
    client_id = f"gcc-test-{uuid.uuid4().hex[:8]}"
    handled: queue.Queue = queue.Queue()
    ingest = SensorIngest(service)

    def handle(event):
        handled.put(ingest.handle(event))

    def connect() -> Zigbee2MqttListener:
        states: queue.Queue = queue.Queue()
        listener = Zigbee2MqttListener(
            "网关",
            *BROKER,
            handle,
            base_topic=base,
            client_id=client_id,
            on_state=lambda *s: states.put(s[1]),
        )
        listener.start()
        assert states.get(timeout=5) is True
        return listener

    connect().stop()  # the session exists; the site goes away
    publish.single(topic, '{"action":"sos"}', qos=1, retain=True, hostname=BROKER[0], port=BROKER[1])
    listener = connect()
    try:
        handled.get(timeout=10)
        handled.get(timeout=10)  # the queued copy and the retained copy
        assert [a.kind for a in alarms(db)] == ["sos"]
    finally:
        listener.stop()
        publish.single(topic, b"", retain=True, hostname=BROKER[0], port=BROKER[1])
