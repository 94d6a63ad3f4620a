"""One capture worker per stream: open with timeouts, decode, keep only the newest frame, reconnect.

The worker's thread is its own watchdog: a read that times out, an end of stream or a stall (packets
but no pictures for `stall_seconds`) closes the stream, and it is reopened after an exponential
backoff (0.5 s doubling to 30 s). Pictures are scaled for display only for the display sinks that
are open, to the size they ask for, in this thread; the view converts the small result to colour as
it draws it.

Listeners (the AI pipeline) get `DecodedFrame`s at the rate they ask for, on this thread: they must
copy what they need and return quickly.

What a view is shown goes through a `DisplaySink` (video/display_sink.py), one per open view.

A worker given a `CameraBuffer` hands it every demuxed packet before decoding it (the pre-event
buffer of event clips, `video/prebuffer.py`), which copies its payload.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import av
import av.error

from video.display_sink import DisplaySink
from video.frames import DecodedFrame
from video.opening import CaptureSettings, StreamFailure, describe_failure, open_source
from video.prebuffer import CameraBuffer
from video.sources import redact_url
from video.status import StreamState, StreamStatus

log = logging.getLogger(__name__)

FrameListener = Callable[[DecodedFrame], None]
StatusListener = Callable[[StreamStatus], None]


@dataclass
class _Listener:
    callback: FrameListener
    interval: float
    due: float = 0.0


class CaptureWorker:
    """Captures one stream on its own thread until `stop()`."""

    def __init__(
        self,
        url: str,
        transport: str = "tcp",
        settings: CaptureSettings | None = None,
        name: str = "",
        packets: CameraBuffer | None = None,
    ) -> None:
        self.url = url
        self.packets = packets  # the pre-event buffer its compressed packets are kept in, if any
        self.transport = transport
        self.settings = settings or CaptureSettings()
        self.name = name or redact_url(url)
        self._stop = threading.Event()
        self._restart = threading.Event()
        self._lock = threading.Lock()
        self._status_calls = threading.RLock()
        self._sinks: tuple[DisplaySink, ...] = ()  # replaced, never changed: read without the lock
        self._listeners: list[_Listener] = []
        self._status_listeners: list[StatusListener] = []
        self._latest: DecodedFrame | None = None
        self._seq = 0
        self._dropped = 0
        self._restarts = 0
        self._frame_times: deque[float] = deque(maxlen=32)
        self._status = StreamStatus(StreamState.CONNECTING, url=redact_url(url))
        self._thread = threading.Thread(target=self._run, name=f"capture {self.name}", daemon=True)

    # ---- life cycle -------------------------------------------------------------------------------
    def start(self) -> CaptureWorker:
        self._thread.start()
        return self

    def stop(self, wait: float | None = 0.0) -> None:
        """Ask the thread to finish; it does within the read timeout. `wait=None` waits for it."""
        self._stop.set()
        if wait is None or wait > 0:
            self._thread.join(wait)

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def request_restart(self, reason: str) -> None:
        """Make the watchdog close and reopen the stream (e.g. the operator pressed 重连)."""
        log.info("restart requested for %s: %s", self.name, reason)
        self._restart.set()

    # ---- what others read -------------------------------------------------------------------------
    def status(self) -> StreamStatus:
        with self._lock:
            return self._status

    def latest_frame(self) -> DecodedFrame | None:
        """The newest decoded frame; compare its `seq` with the last one you saw to know if it is new."""
        return self._latest

    def open_display(self, width: int, height: int, notify: Callable[[], None] | None = None) -> DisplaySink:
        """Start converting pictures to fit width x height for one view; close the sink when hidden."""
        sink = DisplaySink(self, (width, height), notify)
        with self._lock:
            self._sinks = (*self._sinks, sink)
        latest = self._latest
        if latest is not None:  # show the newest picture at once instead of waiting for the next one
            self._publish_to(sink, latest)
        return sink

    def add_frame_listener(self, callback: FrameListener, max_fps: float) -> Callable[[], None]:
        """Call `callback(frame)` on the capture thread at most `max_fps` times a second; returns remove()."""
        listener = _Listener(callback, 1.0 / max_fps if max_fps > 0 else 0.0)
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def add_status_listener(self, callback: StatusListener) -> Callable[[], None]:
        """Call `callback(status)` on the capture thread whenever the state or reason changes."""
        with self._lock:
            self._status_listeners.append(callback)

        def remove() -> None:
            with self._status_calls, self._lock:  # after this returns the callback is never called again
                if callback in self._status_listeners:
                    self._status_listeners.remove(callback)

        return remove

    def _remove_sink(self, sink: DisplaySink) -> None:
        with self._lock:
            self._sinks = tuple(open_sink for open_sink in self._sinks if open_sink is not sink)

    # ---- the thread -------------------------------------------------------------------------------
    def _run(self) -> None:
        backoff = self.settings.backoff
        failing_since: float | None = None
        ever_live = False
        while not self._stop.is_set():
            self._restart.clear()
            try:
                for _ in self._frames():
                    if not ever_live or failing_since is not None:
                        ever_live, failing_since = True, None
                        backoff.reset()
                    if self._stop.is_set() or self._restart.is_set():
                        break
                if self._stop.is_set():
                    break
                raise (
                    StreamFailure("已按要求重连 (restarted on request)")
                    if self._restart.is_set()
                    else StreamFailure("视频流结束 (stream ended)")
                )
            except StreamFailure as failure:
                if self._stop.is_set():
                    break
                now = time.monotonic()
                failing_since = failing_since or now
                delay = self.settings.backoff.ceiling if failure.permanent else backoff.next_delay()
                if failure.permanent:
                    state = StreamState.ERROR
                elif not ever_live:
                    state = (
                        StreamState.OFFLINE
                        if now - failing_since >= self.settings.offline_after
                        else (StreamState.CONNECTING)
                    )
                elif now - failing_since >= self.settings.offline_after:
                    state = StreamState.OFFLINE
                else:
                    state = StreamState.RECONNECTING
                self._restarts += 1
                log.warning("%s: %s; retry in %.1f s", self.name, failure.reason, delay)
                self._set_status(state, failure.reason, next_retry_in=delay)
                self._stop.wait(delay)
        self._latest = None
        self._set_status(StreamState.STOPPED, "")

    def _frames(self) -> Iterator[DecodedFrame]:
        """Open the source and yield decoded frames until it fails (raises StreamFailure) or ends."""
        source = open_source(self.url, self.transport, self.settings)
        if self.packets is not None:
            self.packets.begin(source.stream)
        try:
            yield from self._decode(source.container, source.stream, source.paced)
        except StreamFailure:
            raise
        except Exception as error:
            raise describe_failure(error, self.url) from None
        finally:
            source.container.close()

    def _decode(self, container, stream, paced: bool) -> Iterator[DecodedFrame]:
        """Demux and decode; files are paced to their frame rate and looped, live sources run free."""
        clock_start: float | None = None
        pts_start = 0.0
        last_picture = time.monotonic()
        keep = self.packets.add if self.packets is not None else None
        while True:
            got_frame = False
            for packet in container.demux(stream):
                if self._stop.is_set() or self._restart.is_set():
                    return
                if keep is not None:
                    keep(packet)
                for frame in packet.decode():
                    got_frame = True
                    if paced and frame.time is not None:
                        if clock_start is None:
                            clock_start, pts_start = time.monotonic(), frame.time
                        delay = clock_start + (frame.time - pts_start) - time.monotonic()
                        if delay > 0 and self._stop.wait(delay):
                            return
                    last_picture = time.monotonic()
                    yield self._publish(frame)
                if time.monotonic() - last_picture > self.settings.stall_seconds:
                    raise StreamFailure(f"画面停滞 (no picture for {self.settings.stall_seconds:.0f} s)")
            if not paced:
                return  # a live source ended: the caller reconnects
            if not got_frame:
                raise StreamFailure("文件中没有可解码的画面 (no decodable picture in file)", permanent=True)
            container.seek(0, stream=stream)  # loop the file; keep the clock running
            stream.codec_context.flush_buffers()
            clock_start = None

    def _publish(self, frame: av.VideoFrame) -> DecodedFrame:
        self._seq += 1
        decoded = DecodedFrame.from_av(frame, self._seq)
        now = time.monotonic()
        self._frame_times.append(now)
        self._latest = decoded
        for sink in self._sinks:
            self._publish_to(sink, decoded)
        if self._listeners:
            self._call_listeners(decoded, now)
        status = self._status
        if status.state is not StreamState.LIVE or (decoded.seq % 8 == 0):
            self._set_status(StreamState.LIVE, "", frame=decoded)
        return decoded

    def _call_listeners(self, frame: DecodedFrame, now: float) -> None:
        with self._lock:
            due = [listener for listener in self._listeners if now >= listener.due]
            for listener in due:
                listener.due = max(listener.due + listener.interval, now)
        for listener in due:
            try:
                listener.callback(frame)
            except Exception:  # a broken listener must not stop the picture
                log.exception("frame listener of %s failed", self.name)

    def _publish_to(self, sink: DisplaySink, frame: DecodedFrame) -> None:
        width, height = sink.picture_size(frame.size)
        if not width:
            return
        crop = sink.crop
        if not crop.is_full:  # the zoomed part keeps the frame's aspect ratio
            crop = crop.clamped()
        if not sink._publish(frame, width, height, crop):
            with self._lock:
                self._dropped += 1

    def _fps(self) -> float:
        times = self._frame_times
        if len(times) < 2 or time.monotonic() - times[-1] > 2.0:
            return 0.0
        return (len(times) - 1) / (times[-1] - times[0])

    def _set_status(
        self,
        state: StreamState,
        reason: str,
        frame: DecodedFrame | None = None,
        next_retry_in: float | None = None,
    ) -> None:
        with self._lock:
            previous = self._status
            status = StreamStatus(
                state=state,
                reason=redact_url(reason),
                url=previous.url,
                fps=round(self._fps(), 1) if state is StreamState.LIVE else 0.0,
                width=frame.width if frame else previous.width,
                height=frame.height if frame else previous.height,
                decoded=self._seq,
                dropped=self._dropped,
                last_frame_at=frame.captured_at if frame else previous.last_frame_at,
                next_retry_in=next_retry_in,
                restarts=self._restarts,
            )
            self._status = status
            changed = (state, reason) != (previous.state, previous.reason)
        if not changed:
            return
        with self._status_calls:
            with self._lock:
                listeners = list(self._status_listeners)
            for listener in listeners:
                try:
                    listener(status)
                except Exception:
                    log.exception("status listener of %s failed", self.name)
