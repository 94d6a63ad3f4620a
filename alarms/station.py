"""Runs the sensor inputs of one seat: a reader per dongle this seat is meant to open.

A serial dongle is plugged into one PC, so a dongle pinned to a host (`Dongle.host`) is opened only
by the seat on that computer. A dongle pinned to no host (a Zigbee2MQTT broker, or a dongle set up
before hosts were recorded) is read by exactly one seat: the one running the site scheduler, which
calls `open_site_dongles` from its alarm job (`alarms.jobs`). On SQLite there is one seat, so it
opens them at once. The periodic checks are not run here: they are that scheduler job too.
"""

from __future__ import annotations

import logging
import socket
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


def this_host() -> str:
    """This computer's name as `sensors add-dongle` records it."""
    return socket.gethostname()


def same_host(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()  # host names are case-insensitive


class SensorStation:
    """Starts one reader per enabled dongle this seat should open; reports each one's state to `on_state`."""

    def __init__(
        self,
        ingest: SensorIngest,
        on_state: StateSink | None = None,
        *,
        host: str | None = None,
        retry_s: float = 3.0,
    ) -> None:
        self.ingest = ingest
        self.host = host or this_host()
        self._on_state = on_state or (lambda *_: None)
        self.retry_s = retry_s
        self.repeats = RepeatFilter()
        self.readers: list[RfBridgeReader] = []
        self.listeners: list[Zigbee2MqttListener] = []
        self._opened: set[str] = set()
        self._lock = threading.Lock()  # start (GUI) and open_site_dongles (scheduler thread) may overlap
        self._stopped = False

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
        """Open the enabled dongles pinned to this computer (and, on SQLite, the unpinned ones too)."""
        self._open(lambda d: d.host is not None and same_host(d.host, self.host))
        if self.ingest.db.is_sqlite:
            self.open_site_dongles()

    def open_site_dongles(self) -> list[str]:
        """Open the enabled dongles pinned to no host not open yet; only the scheduler seat calls this.
        Returns the names opened now (a dongle enabled later is picked up on the next call)."""
        return self._open(lambda d: d.host is None)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        for reader in self.readers:
            reader.stop()
        for listener in self.listeners:
            listener.stop()

    def _open(self, wanted: Callable[[Dongle], bool]) -> list[str]:
        with self.ingest.db.session() as session:
            dongles = session.scalars(
                select(Dongle).where(Dongle.enabled.is_(True)).order_by(Dongle.name)
            ).all()
            chosen = [(d.name, d.protocol, d.address, d.base_topic) for d in dongles if wanted(d)]
        opened = []
        with self._lock:
            for name, protocol, address, base_topic in chosen:
                if self._stopped or name in self._opened:
                    continue
                if protocol == "rf433":
                    self.add_rf_bridge(name, address)
                elif protocol == "zigbee":
                    host, _, port = address.rpartition(":")
                    self.add_zigbee(name, host or "127.0.0.1", int(port or 1883), base_topic)
                else:
                    log.warning("dongle %s: unknown protocol %s", name, protocol)
                    continue
                self._opened.add(name)
                opened.append(name)
        return opened
