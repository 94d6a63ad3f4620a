"""What a stream is doing, in a form any view can show: state, reason, rate, size, drops."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class StreamState(StrEnum):
    CONNECTING = "connecting"  # opening for the first time, no picture yet
    LIVE = "live"
    RECONNECTING = "reconnecting"  # had pictures, lost them, trying again
    OFFLINE = "offline"  # failing for a while; still retried with backoff
    ERROR = "error"  # the source itself is wrong (bad URL, file missing, wrong password)
    STOPPED = "stopped"


@dataclass(frozen=True)
class StreamStatus:
    """A snapshot of one capture worker; `reason` never contains a password."""

    state: StreamState
    reason: str = ""
    url: str = ""  # redacted
    fps: float = 0.0
    width: int = 0
    height: int = 0
    decoded: int = 0  # frames decoded since the worker started
    dropped: int = 0  # frames replaced before anyone looked at them
    last_frame_at: float | None = None  # wall-clock time.time() of the newest frame
    next_retry_in: float | None = None  # seconds until the watchdog tries again
    restarts: int = 0

    @property
    def resolution(self) -> str:
        return f"{self.width}x{self.height}" if self.width else ""
