"""The site service's own capture for event clips: every camera's sub-stream read for its packets.

A window buffers only the cameras its wall shows, and only while it is open; `serve` runs all the
time, so it keeps every camera's last seconds (demux only, nothing decoded: `video/packet_reader.py`)
and an alarm raised while no window is open still gets its clip. When a camera is added, edited or
deleted the readers are started again from the store.

Each camera then has one more RTSP session open (the service's, beside each window's): cameras
limit their sessions (often 6 to 10 per stream), which is why a process can be told not to do this.
"""

from __future__ import annotations

import logging
import threading
import time

from app.context import SiteContext
from app.events import Change, Topic
from video.cameras import load_cameras
from video.packet_reader import PacketReader
from video.prebuffer import PacketPool
from video.sources import SourceError, SourceKind, source_kind

log = logging.getLogger(__name__)

STOP_WAIT_S = 5.0  # a reader notices stop() within its read timeout (3 s)
LIVE_WITHIN_S = 10.0  # a reader that kept no packet for this long is not delivering


class ClipCapture:
    """One packet reader per camera of the site, into the runtime's pre-event buffers."""

    def __init__(self, site: SiteContext, packets: PacketPool) -> None:
        self.site = site
        self.packets = packets
        self._lock = threading.Lock()
        self._readers: dict[int, PacketReader] = {}
        self._unsubscribe = None

    def start(self) -> None:
        self._unsubscribe = self.site.hub.subscribe(Topic.CAMERA, self._cameras_changed)
        self.reload()

    def stop(self, wait: float = STOP_WAIT_S) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            readers, self._readers = list(self._readers.values()), {}
        self._stop_all(readers, wait)

    def reload(self) -> None:
        """Read the cameras as the store has them now: start, restart or stop readers to match."""
        wanted = {
            camera.id: (camera.sub_url or camera.main_url, camera.transport, camera.name)
            for camera in load_cameras(self.site.db)
            if _worth_keeping(camera.sub_url or camera.main_url)
        }
        with self._lock:
            changed = [
                camera_id
                for camera_id, reader in self._readers.items()
                if wanted.get(camera_id, ("",))[0] != reader.url
            ]
            stale = [self._readers.pop(camera_id) for camera_id in changed]
        # Stopped before their replacements start: two readers must never fill one buffer.
        self._stop_all(stale, STOP_WAIT_S)
        for camera_id in changed:
            if camera_id not in wanted and (buffer := self.packets.get(camera_id)) is not None:
                buffer.clear()  # a deleted camera's seconds are nobody's
        with self._lock:
            for camera_id, (url, transport, name) in wanted.items():
                if camera_id not in self._readers:
                    buffer = self.packets.buffer_for(camera_id)
                    self._readers[camera_id] = PacketReader(
                        url, buffer, transport, name=f"{name}/clips"
                    ).start()
        log.info("buffering %d cameras for event clips", len(wanted))

    @property
    def cameras(self) -> list[int]:
        with self._lock:
            return sorted(self._readers)

    def states(self) -> dict[int, bool]:
        """Each camera read here and whether it delivers now (the cameras' availability record)."""
        now = time.time()
        with self._lock:
            readers = dict(self._readers)
        return {
            camera_id: not reader.failure and reader.buffer.receiving(now, LIVE_WITHIN_S)
            for camera_id, reader in readers.items()
        }

    def _cameras_changed(self, change: Change) -> None:
        try:
            self.reload()
        except Exception:  # the store unreachable for a moment: the readers running keep running
            log.exception("could not reload the cameras for event clips")

    @staticmethod
    def _stop_all(readers: list[PacketReader], wait: float) -> None:
        for reader in readers:
            reader.stop()
        if wait:
            for reader in readers:
                reader.join(wait)


def _worth_keeping(url: str | None) -> bool:
    """A real camera: a demo scene is a picture drawn on this computer (nothing happened there to
    keep), and drawing it the first time costs a core for seconds."""
    if not url:
        return False
    try:
        return source_kind(url) is not SourceKind.DEMO
    except SourceError:
        return False
