"""Runs the sensor inputs of one process: a reader per dongle this process is meant to open.

A serial dongle is plugged into one PC, so a dongle pinned to a host (`Dongle.host`) is opened only
on that computer. A dongle pinned to no host (a Zigbee2MQTT broker, or a dongle set up before hosts
were recorded) is read by exactly one process of the site: its leader, which calls
`open_site_dongles` from its alarm job (`alarms.jobs`). Two processes on one computer (a `serve` and
a window, say) never both read a dongle: each reader holds a lock on this computer for its dongle's
address (`DongleLocks`), and the other process opens it only once that lock is free. The periodic
checks are not run here: they are the scheduler's alarm job.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from sqlalchemy import select

from alarms.ingest import SensorIngest
from alarms.models import Dongle
from alarms.rf_bridge import RfBridgeReader
from alarms.sensor_event import RepeatFilter
from alarms.zigbee import Zigbee2MqttListener
from app.file_lock import try_lock

log = logging.getLogger(__name__)

StateSink = Callable[[str, bool, str], None]  # dongle name, connected, detail


def this_host() -> str:
    """This computer's name as `sensors add-dongle` records it."""
    return socket.gethostname()


def same_host(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()  # host names are case-insensitive


class DongleLocks:
    """One lock file per dongle address on this computer, held while a reader of this process has it.

    The operating system drops a dead process's locks, so a reader left by a crash never blocks the
    next process. Keyed by address (a serial port, a broker and base topic), not by name: it is the
    device that must have one reader.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(tempfile.gettempdir()) / "grid-command-centre-dongles"
        self._held: dict[str, IO[bytes]] = {}

    def take(self, address: str) -> bool:
        if address in self._held:
            return True
        self.folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1(address.encode()).hexdigest()[:16]
        handle = open(self.folder / f"{digest}.lock", "a+b")  # noqa: SIM115 (held open while read)
        if not try_lock(handle):
            handle.close()
            return False
        self._held[address] = handle
        return True

    def release(self, address: str) -> None:
        handle = self._held.pop(address, None)
        if handle is not None:
            handle.close()

    def release_all(self) -> None:
        for handle in self._held.values():
            handle.close()  # closing the file drops its lock
        self._held.clear()


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
        self.locks = DongleLocks()
        self._opened: set[str] = set()
        self._site_readers: dict[str, RfBridgeReader | Zigbee2MqttListener] = {}  # unpinned, by name
        self._lock_keys: dict[str, str] = {}  # dongle name -> its address's lock on this computer
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
            client_id=self.mqtt_client_id(name),
        )
        self.listeners.append(listener)
        listener.start()
        return listener

    def mqtt_client_id(self, dongle: str) -> str:
        """The same id for a site's dongle whichever process reads it: the broker keeps its session."""
        return "gcc-" + hashlib.sha1(f"{self.ingest.db.url}|{dongle}".encode()).hexdigest()[:16]

    def start(self) -> list[str]:
        """Open the enabled dongles pinned to this computer; again later, those that were busy."""
        return self._open(lambda d: d.host is not None and same_host(d.host, self.host))

    def open_site_dongles(self) -> list[str]:
        """Open the enabled dongles pinned to no host not open yet; only the site's leader calls this.
        Returns the names opened now (a dongle enabled later is picked up on the next call)."""
        return self._open(lambda d: d.host is None)

    def close_site_dongles(self) -> list[str]:
        """Close the unpinned dongles again: this process no longer leads the site (its successor
        opens them, under the same MQTT session)."""
        with self._lock:
            closing, self._site_readers = self._site_readers, {}
            for name, reader in closing.items():
                self._opened.discard(name)
                self.locks.release(self._lock_keys.pop(name))
                if isinstance(reader, RfBridgeReader):
                    self.readers.remove(reader)
                else:
                    self.listeners.remove(reader)
        for reader in closing.values():
            reader.stop()
        return sorted(closing)

    def _open_one(
        self, name: str, protocol: str, address: str, base_topic: str | None
    ) -> RfBridgeReader | Zigbee2MqttListener | None:
        if protocol not in ("rf433", "zigbee"):
            log.warning("dongle %s: unknown protocol %s", name, protocol)
            return None
        key = f"{protocol}:{address}:{base_topic or ''}"
        if not self.locks.take(key):
            log.info("dongle %s is read by another process on this computer", name)
            return None
        if protocol == "rf433":
            reader: RfBridgeReader | Zigbee2MqttListener = self.add_rf_bridge(name, address)
        else:
            host, _, port = address.rpartition(":")
            reader = self.add_zigbee(name, host or "127.0.0.1", int(port or 1883), base_topic)
        self._lock_keys[name] = key
        return reader

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
        for reader in self.readers:
            reader.stop()
        for listener in self.listeners:
            listener.stop()
        self.locks.release_all()

    def _open(self, wanted: Callable[[Dongle], bool]) -> list[str]:
        with self.ingest.db.session() as session:
            dongles = session.scalars(
                select(Dongle).where(Dongle.enabled.is_(True)).order_by(Dongle.name)
            ).all()
            chosen = [(d.name, d.protocol, d.address, d.base_topic, d.host) for d in dongles if wanted(d)]
        opened = []
        with self._lock:
            for name, protocol, address, base_topic, pinned_to in chosen:
                if self._stopped or name in self._opened:
                    continue
                reader = self._open_one(name, protocol, address, base_topic)
                if reader is None:
                    continue
                if pinned_to is None:
                    self._site_readers[name] = reader
                self._opened.add(name)
                opened.append(name)
        return opened
