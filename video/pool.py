"""The running capture workers, shared: two tiles (or a tile and the AI pipeline) showing the same
stream use one worker, which stops when the last user releases it. Given a `PacketPool`, each
camera's sub-stream worker keeps its packets there for event clips (the main stream is not kept: it
is open only while a tile is maximised)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum

from video.capture import CaptureSettings, CaptureWorker
from video.prebuffer import PacketPool


class Profile(StrEnum):
    SUB = "sub"  # the small stream every tile shows
    MAIN = "main"  # the full-resolution stream for a maximised tile


@dataclass(frozen=True)
class StreamRequest:
    """Which stream of which camera, and how to reach it."""

    camera_id: int
    profile: Profile
    url: str
    transport: str = "tcp"
    name: str = ""


class StreamPool:
    def __init__(self, settings: CaptureSettings | None = None, packets: PacketPool | None = None) -> None:
        self._settings = settings
        self.packets = packets
        self._lock = threading.Lock()
        self._workers: dict[tuple[int, Profile, str], tuple[CaptureWorker, int]] = {}

    def acquire(self, request: StreamRequest) -> CaptureWorker:
        """The running worker for this stream, started if needed; pair every call with `release`."""
        key = (request.camera_id, request.profile, request.url)
        with self._lock:
            worker, users = self._workers.get(key, (None, 0))
            if worker is None:
                worker = CaptureWorker(
                    request.url,
                    request.transport,
                    self._settings_for(request.profile),
                    name=f"{request.name or request.camera_id}/{request.profile}",
                    packets=self._buffer_for(request),
                ).start()
            self._workers[key] = (worker, users + 1)
            return worker

    def _buffer_for(self, request: StreamRequest):
        if self.packets is None or request.profile is not Profile.SUB:
            return None
        return self.packets.buffer_for(request.camera_id)

    def release(self, worker: CaptureWorker) -> None:
        with self._lock:
            for key, (candidate, users) in list(self._workers.items()):
                if candidate is worker:
                    if users > 1:
                        self._workers[key] = (worker, users - 1)
                    else:
                        del self._workers[key]
                        worker.stop()
                        if worker.packets is not None:  # its seconds would only grow stale
                            worker.packets.clear()
                    return

    def workers(self) -> list[CaptureWorker]:
        with self._lock:
            return [worker for worker, _ in self._workers.values()]

    def close(self, wait: float = 5.0) -> None:
        """Stop every worker (the window is closing) and wait a little for their threads."""
        with self._lock:
            workers = [worker for worker, _ in self._workers.values()]
            self._workers.clear()
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.join(wait)

    def _settings_for(self, profile: Profile) -> CaptureSettings:
        base = self._settings or CaptureSettings()
        return CaptureSettings(
            open_timeout=base.open_timeout,
            read_timeout=base.read_timeout,
            stall_seconds=base.stall_seconds,
            offline_after=base.offline_after,
            decoder_threads=2 if profile is Profile.MAIN else base.decoder_threads,
        )
