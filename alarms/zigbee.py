"""Zigbee sensors through Zigbee2MQTT: `<base>/<friendly name>` JSON states and `/availability`.

paho-mqtt runs its own network thread and reconnects by itself (1 s, backing off to 5 s), so a
broker restart or a pulled coordinator shows as disconnected and then resumes without help. Given a
`client_id`, the listener keeps a persistent session at QoS 1: while no process of the site is
connected (a service restarting, the lead moving to another process under the same id) the broker
keeps what devices publish at QoS 1 and delivers it on reconnection, so nothing is lost in between.
Each state's numbers are checked first (`zigbee_values.py`); a message carries its retain flag and a
digest of topic and payload, by which ingest skips a retained copy it has handled already.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable

import paho.mqtt.client as mqtt

from alarms.sensor_event import SensorEvent
from alarms.zigbee_values import checked_state

log = logging.getLogger(__name__)

EventSink = Callable[[SensorEvent], None]
AvailabilitySink = Callable[[str, bool], None]  # friendly name, online
StateSink = Callable[[str, bool, str], None]  # dongle name, connected, detail


def parse_availability(payload: bytes) -> bool | None:
    """Zigbee2MQTT sends "online"/"offline" (legacy) or {"state": "online"}."""
    text = payload.decode("utf-8", "replace").strip()
    try:
        value = json.loads(text)
    except ValueError:
        value = text
    if isinstance(value, dict):
        value = value.get("state")
    if value in ("online", "offline"):
        return value == "online"
    return None


class Zigbee2MqttListener:
    """Subscribes to one Zigbee2MQTT base topic and turns device states into SensorEvents."""

    def __init__(
        self,
        name: str,
        host: str,
        port: int,
        on_event: EventSink,
        *,
        on_availability: AvailabilitySink | None = None,
        on_state: StateSink | None = None,
        base_topic: str = "zigbee2mqtt",
        client_id: str | None = None,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        self.dongle = name
        self.host = host
        self.port = port
        self.base_topic = base_topic.rstrip("/")
        self._on_event = on_event
        self._on_availability = on_availability or (lambda *_: None)
        self._on_state = on_state or (lambda *_: None)
        self._client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2,
            client_id=client_id or f"gcc-{name}-{id(self):x}",
            clean_session=client_id is None,
        )
        if username:  # the site's own login: the broker's ACL decides what it may read
            self._client.username_pw_set(username, password)
        self._client.reconnect_delay_set(min_delay=1, max_delay=5)
        self._client.on_connect = self._connected
        self._client.on_connect_fail = self._connect_failed
        self._client.on_subscribe = self._subscribed
        self._client.on_disconnect = self._disconnected
        self._client.on_message = self._message

    def start(self) -> None:
        self._client.connect_async(self.host, self.port, keepalive=30)
        self._client.loop_start()

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def _connected(self, client: mqtt.Client, _userdata, _flags, reason_code, _properties) -> None:
        if reason_code.is_failure:
            self._on_state(self.dongle, False, str(reason_code))
            return
        client.subscribe(f"{self.base_topic}/#", qos=1)

    def _subscribed(self, _client, _userdata, _mid, _reason_codes, _properties) -> None:
        # Connected means "hearing the devices": only once the broker confirmed the subscription.
        self._on_state(self.dongle, True, f"{self.host}:{self.port}")

    def _connect_failed(self, _client, _userdata) -> None:
        self._on_state(self.dongle, False, f"无法连接 cannot reach {self.host}:{self.port}")

    def _disconnected(self, _client, _userdata, _flags, reason_code, _properties) -> None:
        self._on_state(self.dongle, False, str(reason_code))

    def _message(self, _client, _userdata, message: mqtt.MQTTMessage) -> None:
        try:
            self.dispatch(message.topic, message.payload, retained=bool(message.retain))
        except Exception:  # one odd device must not stop the others
            log.exception("zigbee2mqtt message on %s failed", message.topic)

    def dispatch(self, topic: str, payload: bytes, *, retained: bool = False) -> None:
        """Route one MQTT message (public so recorded traffic can be replayed)."""
        prefix = self.base_topic + "/"
        if not topic.startswith(prefix):
            return
        device = topic[len(prefix) :]
        if device.startswith("bridge/") or device == "bridge":
            return
        if device.endswith("/availability"):
            online = parse_availability(payload)
            if online is not None:
                self._on_availability(device[: -len("/availability")], online)
            return
        if device.endswith(("/set", "/get")) or "/set/" in device:
            return
        try:
            state = json.loads(payload)
        except ValueError:
            log.debug("zigbee2mqtt %s: not JSON", topic)
            return
        if isinstance(state, dict):
            readings, notes = checked_state(state)
            digest = hashlib.sha256(topic.encode() + b"\n" + payload).hexdigest()
            self._on_event(
                SensorEvent(
                    "zigbee", device, self.dongle, readings, notes=notes, retained=retained, digest=digest
                )
            )
