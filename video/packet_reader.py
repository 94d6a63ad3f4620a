"""A stream read for its packets only, into a pre-event buffer: the site service's capture for clips.

`serve` shows no picture, so it decodes nothing: it demuxes each camera's sub-stream and keeps the
packets (`video/prebuffer.py`), which costs a socket read and a list append per packet. The stream is
opened as the wall opens it (`video/opening.py`: the same timeouts and reasons), reopened after an
exponential backoff when it fails, and a file (a demo scene) is paced to its frame rate and looped.
"""

from __future__ import annotations

import logging
import threading
import time

from video.backoff import Backoff
from video.opening import CaptureSettings, StreamFailure, describe_failure, open_source
from video.prebuffer import CameraBuffer
from video.sources import redact_url

log = logging.getLogger(__name__)


class PacketReader:
    """Reads one stream into `buffer` on its own thread until `stop()`."""

    def __init__(
        self,
        url: str,
        buffer: CameraBuffer,
        transport: str = "tcp",
        settings: CaptureSettings | None = None,
        name: str = "",
    ) -> None:
        self.url = url
        self.buffer = buffer
        self.transport = transport
        self.settings = settings or CaptureSettings()
        self.name = name or redact_url(url)
        self.failure = ""  # why the last attempt failed, for the log and tests
        self._backoff = Backoff()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"packets {self.name}", daemon=True)

    def start(self) -> PacketReader:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._read()
                if self._stop.is_set():
                    return
                raise StreamFailure("视频流结束 (stream ended)")
            except StreamFailure as failure:
                delay = self._backoff.ceiling if failure.permanent else self._backoff.next_delay()
                if failure.reason != self.failure:
                    log.warning("%s: %s; retry in %.1f s", self.name, failure.reason, delay)
                self.failure = failure.reason
                self._stop.wait(delay)

    def _read(self) -> None:
        source = open_source(self.url, self.transport, self.settings)
        self.buffer.begin(source.stream)
        try:
            while not self._stop.is_set():
                self._demux(source.container, source.stream, source.paced)
                if not source.paced:
                    return  # a live source ended: reconnect
                source.container.seek(0, stream=source.stream)  # loop the file
        except StreamFailure:
            raise
        except Exception as error:
            raise describe_failure(error, self.url) from None
        finally:
            source.container.close()

    def _demux(self, container, stream, paced: bool) -> None:
        clock_start: float | None = None
        time_start = 0.0
        for packet in container.demux(stream):
            if self._stop.is_set():
                return
            if paced and packet.pts is not None:  # a file: keep its packets at their frame rate
                at = float(packet.pts * stream.time_base)
                if clock_start is None:
                    clock_start, time_start = time.monotonic(), at
                delay = clock_start + (at - time_start) - time.monotonic()
                if delay > 0 and self._stop.wait(delay):
                    return
            self.buffer.add(packet)
            if packet.size:
                self._backoff.reset()
                self.failure = ""
