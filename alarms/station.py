"""Runs the site's sensor inputs: a reader per dongle, and the minute-by-minute silence and escalation checks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import select

from alarms.ingest import SensorIngest
from alarms.models import Dongle
from alarms.rf_bridge import RfBridgeReader
from alarms.sensor_event import RepeatFilter
from alarms.zigbee import Zigbee2MqttListener

log = logging.getLogger(__name__)

StateSink = Callable[[str, bool, str], None]  # dongle name, connected, detail


class SensorStation:
    """Starts one reader per enabled dongle in the store; reports each dongle's state to `on_state`."""

    def __init__(
        self,
        ingest: SensorIngest,
        on_state: StateSink | None = None,
        *,
        check_every_s: float = 60.0,
        escalate_after_min: float = 5.0,
        retry_s: float = 3.0,
    ) -> None:
        self.ingest = ingest
        self._on_state = on_state or (lambda *_: None)
        self.check_every_s = check_every_s
        self.escalate_after_min = escalate_after_min
        self.retry_s = retry_s
        self.repeats = RepeatFilter()
        self.readers: list[RfBridgeReader] = []
        self.listeners: list[Zigbee2MqttListener] = []
        self._stop = threading.Event()
        self._checker: threading.Thread | None = None

    def add_rf_bridge(self, name: str, port: str) -> RfBridgeReader:
        reader = RfBridgeReader(
            name, port, self.ingest.handle, self._on_state, repeats=self.repeats, retry_s=self.retry_s
        )
        self.readers.append(reader)
        reader.start()
        return reader

    def add_zigbee(
        self, name: str, host: str, port: int, base_topic: str = "zigbee2mqtt"
    ) -> Zigbee2MqttListener:
        listener = Zigbee2MqttListener(
            name,
            host,
            port,
            self.ingest.handle,
            on_availability=lambda device, online: self.ingest.set_availability("zigbee", device, online),
            on_state=self._on_state,
            base_topic=base_topic,
        )
        self.listeners.append(listener)
        listener.start()
        return listener

    def start(self) -> None:
        """Open every enabled dongle configured in the store and start the periodic checks."""
        with self.ingest.db.session() as session:
            dongles = session.scalars(
                select(Dongle).where(Dongle.enabled.is_(True)).order_by(Dongle.name)
            ).all()
        for dongle in dongles:
            if dongle.protocol == "rf433":
                self.add_rf_bridge(dongle.name, dongle.address)
            elif dongle.protocol == "zigbee":
                host, _, port = dongle.address.rpartition(":")
                self.add_zigbee(dongle.name, host or "127.0.0.1", int(port or 1883), dongle.base_topic)
        self._checker = threading.Thread(target=self._check_loop, name="alarm-checks", daemon=True)
        self._checker.start()

    def stop(self) -> None:
        self._stop.set()
        for reader in self.readers:
            reader.stop()
        for listener in self.listeners:
            listener.stop()
        if self._checker is not None:
            self._checker.join(2)

    def _check_loop(self) -> None:
        while not self._stop.wait(self.check_every_s):
            try:
                self.ingest.sweep()
                self.ingest.alarms.escalate_overdue(self.escalate_after_min)
            except Exception:  # keep checking next minute; the log says what failed
                log.exception("periodic alarm checks failed")
