"""Recording the devices' health for the statistics panel's charts (no Qt): how long each camera this
process reads delivered pictures, and the sensors' health once a day and more (`app/rollups/health.py`).

**Cameras.** A process knows its captures only: a window its wall's workers (their `StreamState`), the
service its clip readers. Each one registers a probe (`camera_id -> live now`) with `CameraWatch`, which
asks every probe every `every_s` seconds (in memory: nothing is read from the store), adds the seconds
since the previous look to each camera's watched time and, when it was live, to its live time, counts an
outage when a live camera stops, and adds it all to the day's roll-up every `flush_every_s` (one
transaction). So a state that lasts less than one look is not seen, and a look's seconds count on the
site day of the flush (at most `flush_every_s` go to the next day at midnight).

**Sensors.** `SensorHealth` writes the day's snapshot a little after sensor or alarm changes (a battery
report, an availability change, a silence or low-battery alarm) and at least once an hour, so a quiet
day still has its row.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from app.context import SiteContext
from app.events import Change, Topic
from app.rollups.health import CameraSeconds, add_camera_seconds, snapshot_sensor_health
from app.site_clock import clock_in

log = logging.getLogger(__name__)

CameraProbe = Callable[[], Mapping[int, bool]]
LOOK_EVERY_S = 15.0
FLUSH_EVERY_S = 60.0
SENSOR_SETTLE_S = 20.0
SENSOR_EVERY_S = 3600.0


class CameraWatch:
    def __init__(
        self, site: SiteContext, every_s: float = LOOK_EVERY_S, flush_every_s: float = FLUSH_EVERY_S
    ) -> None:
        self.site = site
        self.every_s, self.flush_every_s = every_s, flush_every_s
        self._probes: list[CameraProbe] = []
        self._lock = threading.Lock()
        self._live: dict[int, bool] = {}  # the last look
        self._last_look: float | None = None
        self._pending: dict[int, list[float]] = {}  # camera -> [observed, live, outages]
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def add_probe(self, probe: CameraProbe) -> Callable[[], None]:
        with self._lock:
            self._probes.append(probe)

        def remove() -> None:
            with self._lock:
                if probe in self._probes:
                    self._probes.remove(probe)

        return remove

    def look(self, now: float | None = None) -> None:
        """Ask every probe; a camera is live when any capture of it is."""
        now = time.monotonic() if now is None else now
        with self._lock:
            probes = list(self._probes)
        states: dict[int, bool] = {}
        for probe in probes:
            try:
                for camera_id, live in probe().items():
                    states[camera_id] = states.get(camera_id, False) or live
            except Exception:  # one capture's trouble never stops the others' record
                log.exception("a camera probe failed")
        with self._lock:
            elapsed = (
                0.0 if self._last_look is None else min(max(0.0, now - self._last_look), 2 * self.every_s)
            )
            for camera_id, live in states.items():
                if camera_id in self._live:  # watched since the previous look: those seconds count
                    seen = self._pending.setdefault(camera_id, [0.0, 0.0, 0])
                    seen[0] += elapsed
                    seen[1] += elapsed if live and self._live[camera_id] else 0.0
                    seen[2] += 1 if self._live[camera_id] and not live else 0
            self._live, self._last_look = states, now

    def flush(self) -> None:
        """Add what was seen since the last flush to today's roll-up (site day)."""
        with self._lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return
        seen = {cid: CameraSeconds(obs, live, int(out)) for cid, (obs, live, out) in pending.items()}
        try:
            with self.site.db.session() as session:
                add_camera_seconds(session, clock_in(session).today(), seen)
        except Exception:  # the store away for a moment: those seconds are lost, not the thread
            log.exception("could not record the cameras' availability")

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None
        self.look()
        self.flush()

    def _run(self) -> None:
        next_flush = time.monotonic() + self.flush_every_s
        while not self._stop.wait(self.every_s):
            self.look()
            if time.monotonic() >= next_flush:
                self.flush()
                next_flush = time.monotonic() + self.flush_every_s


class SensorHealth:
    def __init__(
        self, site: SiteContext, settle_s: float = SENSOR_SETTLE_S, every_s: float = SENSOR_EVERY_S
    ) -> None:
        self.site = site
        self.settle_s, self.every_s = settle_s, every_s
        self._due = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe: list[Callable[[], None]] = []

    def start(self) -> None:
        self._stop.clear()
        self._unsubscribe = [self.site.hub.subscribe(t, self._changed) for t in (Topic.SENSOR, Topic.ALARM)]
        self._thread = threading.Thread(target=self._run, name="sensor-health", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self._stop.set()
        self._due.set()
        if self._thread is not None:
            self._thread.join(5.0)
            self._thread = None

    def snapshot(self) -> int:
        with self.site.db.session() as session:
            return snapshot_sensor_health(session, clock_in(session).today())

    def _changed(self, _change: Change) -> None:
        self._due.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.snapshot()
            except Exception:
                log.exception("could not record the sensors' health")
            self._due.wait(self.every_s)
            if self._stop.is_set():
                return
            self._due.clear()
            self._stop.wait(self.settle_s)  # a burst of reports makes one snapshot
