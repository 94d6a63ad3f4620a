"""Zigbee2MQTT traffic through this machine's Mosquitto broker at 127.0.0.1:1883."""

from __future__ import annotations

import json
import queue
import socket
import uuid

import paho.mqtt.publish as publish
import pytest

from alarms.sensor_event import SensorEvent
from alarms.zigbee import Zigbee2MqttListener, parse_availability

BROKER = ("127.0.0.1", 1883)


def broker_up() -> bool:
    try:
        socket.create_connection(BROKER, timeout=1).close()
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not broker_up(), reason="Mosquitto is not running on 127.0.0.1:1883")


@pytest.fixture
def listener():
    base = f"z2m-test-{uuid.uuid4().hex[:8]}"  # a base topic of our own: parallel test runs never cross
    events: queue.Queue = queue.Queue()
    states: queue.Queue = queue.Queue()
    z = Zigbee2MqttListener(
        "zb-1",
        *BROKER,
        events.put,
        on_availability=lambda device, online: events.put(("availability", device, online)),
        on_state=lambda name, connected, _detail: states.put((name, connected)),
        base_topic=base,
    )
    z.start()
    assert states.get(timeout=5) == ("zb-1", True)
    yield base, z, events
    z.stop()


def send(topic: str, payload) -> None:
    body = payload if isinstance(payload, str) else json.dumps(payload)
    publish.single(topic, body, qos=1, hostname=BROKER[0], port=BROKER[1])


def test_device_states_and_availability_arrive_as_events(listener):
    base, _z, events = listener
    send(f"{base}/门磁 2-301", {"contact": False, "battery": 87, "linkquality": 120})
    event = events.get(timeout=5)
    assert isinstance(event, SensorEvent)
    assert (event.protocol, event.device_code, event.dongle) == ("zigbee", "门磁 2-301", "zb-1")
    assert event.readings == {"contact": False, "battery": 87, "linkquality": 120}
    send(f"{base}/kitchen/smoke", {"smoke": True})
    assert events.get(timeout=5).device_code == "kitchen/smoke"
    send(f"{base}/kitchen/smoke/availability", {"state": "offline"})
    assert events.get(timeout=5) == ("availability", "kitchen/smoke", False)
    send(f"{base}/sos-1/availability", "online")  # the legacy plain payload
    assert events.get(timeout=5) == ("availability", "sos-1", True)
    send(f"{base}/bridge/state", {"state": "online"})  # the bridge's own topics are not devices
    send(f"{base}/sos-1/set", {"state": "ON"})
    send(f"{base}/sos-1", "not json")
    send(f"{base}/sos-1", {"action": "single"})
    event = events.get(timeout=5)
    assert (event.device_code, event.readings) == ("sos-1", {"action": "single"})


def test_parse_availability():
    assert parse_availability(b"online") is True
    assert parse_availability(b'{"state":"offline"}') is False
    assert parse_availability(b"maybe") is None


def test_an_unreachable_broker_is_reported_and_retried():
    states: queue.Queue = queue.Queue()
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    z = Zigbee2MqttListener("zb-x", "127.0.0.1", port, lambda _e: None, on_state=lambda *a: states.put(a[:2]))
    z.start()
    try:
        assert states.get(timeout=5) == ("zb-x", False)
    finally:
        z.stop()
