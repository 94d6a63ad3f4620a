"""What a dongle heard, in one shape for every protocol, before it is matched to a bound sensor."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from app.store.base import utcnow


@dataclass(frozen=True)
class SensorEvent:
    """One report from a device: an RF code (`readings` empty) or a Zigbee2MQTT state payload."""

    protocol: str  # rf433, zigbee
    device_code: str  # 6 hex digits, or the Zigbee2MQTT friendly name
    dongle: str = ""
    readings: dict[str, Any] = field(default_factory=dict)
    at: Any = field(default_factory=utcnow)  # naive UTC datetime
    notes: tuple[str, ...] = ()  # fields of the report left out, and why (alarms/zigbee_values.py)
    retained: bool = False  # an MQTT retained message: the broker's copy of an earlier state
    digest: str = ""  # of an MQTT message's topic and payload: a retained copy is recognised by it

    def as_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "device": self.device_code,
            "dongle": self.dongle,
            "readings": self.readings,
            "at": self.at.isoformat(timespec="milliseconds"),
        }


class RepeatFilter:
    """Drops a code heard again within `window_s` of its last sighting (RF sensors repeat each press).

    Keyed by code alone: two bridges hearing the same sensor are one press, two codes are never merged.
    """

    def __init__(self, window_s: float = 1.0) -> None:
        self.window_s = window_s
        self._last_heard: dict[str, float] = {}
        self._lock = threading.Lock()  # shared by the reader threads of several dongles

    def is_new(self, code: str, now: float) -> bool:
        with self._lock:
            return self._is_new(code, now)

    def _is_new(self, code: str, now: float) -> bool:
        last = self._last_heard.get(code)
        self._last_heard[code] = now
        if len(self._last_heard) > 4096:  # forget codes not heard for a while
            cutoff = now - self.window_s
            self._last_heard = {c: t for c, t in self._last_heard.items() if t >= cutoff}
        return last is None or now - last > self.window_s
