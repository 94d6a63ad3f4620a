"""A tile's stream plumbing: taking and releasing the camera's stream from the pool, the display sink that
hands it pictures while visible, switching main/sub stream without a gap, and noticing a stale picture."""

from __future__ import annotations

import time

from PySide6.QtCore import Slot

from video.capture import CaptureWorker
from video.pool import Profile
from video.status import StreamState, StreamStatus
from widgets.plain_text import literal_html

STALE_SECONDS = 2.0


class TileStream:
    """The `Tile`'s streams: attached on the wall's frame clock exactly while a display sink is open."""

    def _acquire(self, profile: Profile) -> CaptureWorker:
        assert self.camera is not None
        return self.pool.acquire(self.camera.stream(profile))

    def _attach(self, worker: CaptureWorker) -> None:
        self._release_current()
        self._worker = worker
        self._remove_status_listener = worker.add_status_listener(self._status_changed.emit)
        self._status = worker.status()
        if self.isVisible():
            self._open_sink()

    def _open_sink(self) -> None:
        if self._worker is not None and self._sink is None:
            self._sink = self._worker.open_display(*self._sink_box())
            self._sink.set_crop(self._crop)
            self._sync_clock()

    def _close_sink(self) -> None:
        if self._sink is not None:
            self._sink.close()
            self._sink = None
            self._sync_clock()

    def _sync_clock(self) -> None:
        """Be on the wall's frame clock exactly while a display sink is open."""
        if self._sink is not None or self._pending is not None:
            self._clock.attach(self)
        else:
            self._clock.detach(self)

    def _release_current(self) -> None:
        self._close_sink()
        if self._remove_status_listener is not None:
            self._remove_status_listener()
            self._remove_status_listener = None
        if self._worker is not None:
            self.pool.release(self._worker)
            self._worker = None

    def _drop_pending(self) -> None:
        if self._pending is not None:
            worker, sink = self._pending
            sink.close()
            self.pool.release(worker)
            self._pending = None
            self._sync_clock()

    def _release_all(self) -> None:
        self._drop_pending()
        self._release_current()

    def _sink_box(self) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return int(self.width() * ratio), int(self.height() * ratio)

    def take_new_frame(self) -> None:
        """Show the stream's newest picture if it is new (the frame clock calls this every tick)."""
        pending, sink = self._pending, self._sink
        if (pending is not None and pending[1].seq) or (sink is not None and sink.seq != self._seq):
            self._on_frame()

    def frame_rate(self) -> float:
        """The shown stream's measured rate, for the frame clock's pace (kept current once a second)."""
        status = self._status
        return status.fps if status is not None else 0.0

    def _on_frame(self) -> None:
        if self._pending is not None:  # the switched-to stream: use it once it has a picture
            worker, sink = self._pending
            if sink.take() is not None:
                self._pending = None
                self._release_current()
                self._worker, self._sink = worker, sink
                self._sync_clock()
                self._remove_status_listener = worker.add_status_listener(self._status_changed.emit)
                self._status = worker.status()
                self._seq = -1
        if self._sink is None:  # until the new stream has a picture, the old one keeps playing
            return
        taken = self._sink.take()
        if taken is None:
            return
        seq, picture, frame_size = taken
        if seq == self._seq and self._picture is not None:
            return
        self._picture = picture
        self._image_size = picture.size
        self._grey = None
        self._seq, self._frame_size = seq, frame_size
        self._last_picture_at = time.monotonic()
        self.frames_shown += 1
        self.update()

    @Slot(object)
    def _on_status(self, status: StreamStatus) -> None:
        self._status = status
        self._update_tooltip()
        self.update()

    @Slot()
    def _check_stale(self) -> None:
        if self._worker is not None:
            self._status = self._worker.status()
        self._update_tooltip()
        if self._picture is not None and self._is_stale():
            self.update()

    def _update_tooltip(self) -> None:
        """Kept current once a second instead of overriding event(), which every paint would pass through."""
        text = self.status_text()
        if text != self.toolTip():
            self.setToolTip(literal_html(text))

    def _is_stale(self) -> bool:
        status = self._status
        if status is not None and status.state is not StreamState.LIVE:
            return True
        return time.monotonic() - self._last_picture_at > STALE_SECONDS
