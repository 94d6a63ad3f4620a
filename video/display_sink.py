"""A view's window onto a capture worker (video/capture.py): the newest picture, scaled for the view on
the capture thread, handed over without copying and without flooding a slow view."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from video.frames import FULL, Crop, DecodedFrame, fit_size
from video.yuv import PackedI420

if TYPE_CHECKING:
    from video.capture import CaptureWorker

log = logging.getLogger(__name__)


class DisplaySink:
    """A view's window onto a worker: the newest picture scaled to fit `box`, as I420 planes.

    The view converts the picture to colour where it draws it (the wall writes it straight into its
    window's pixels), so each shown picture is written in colour once, at tile size.

    The view either polls `seq` and calls `take()` when it changed (the wall does, from one timer for
    all its tiles), or passes `notify`: called on the capture thread only when the previous picture was
    taken, so a slow view is never flooded (frames it missed are counted as dropped).

    Pictures are written into a ring of three reused buffers: the one the view took last (it may be on
    screen) and the one waiting to be taken are never written, so the view can draw a taken picture
    without copying it until it takes the next one.
    """

    def __init__(
        self, worker: CaptureWorker, box: tuple[int, int], notify: Callable[[], None] | None = None
    ) -> None:
        self._worker = worker
        self._lock = threading.Lock()
        self._converting = threading.Lock()  # the capture thread and open_display's first picture
        self.box = box
        self.crop: Crop = FULL
        self.notify = notify
        self._ring: list[PackedI420] = []
        self._picture: PackedI420 | None = None
        self._shown: PackedI420 | None = None
        self._frame_size = (0, 0)
        # (frame size and box, the picture size they give): worked out once per change
        self._fitted: tuple[tuple | None, tuple[int, int]] = (None, (0, 0))
        self.seq = 0  # of the newest picture; read without the lock to see whether there is a new one
        self._taken = True
        self._closed = False
        self.dropped = 0

    def resize(self, width: int, height: int) -> None:
        self.box = (width, height)

    def set_crop(self, crop: Crop) -> None:
        self.crop = crop

    def picture_size(self, frame_size: tuple[int, int]) -> tuple[int, int]:
        """The size a frame of `frame_size` is scaled to for this view (worked out once per change)."""
        key = (frame_size, self.box)
        if key != self._fitted[0]:
            self._fitted = (key, fit_size(*frame_size, *self.box))
        return self._fitted[1]

    def take(self) -> tuple[int, PackedI420, tuple[int, int]] | None:
        """(seq, picture, frame size) of the newest picture, or None before the first one.

        The picture stays as it is until the next `take()` returns a newer one.
        """
        with self._lock:
            self._taken = True
            if self._picture is None:
                return None
            self._shown = self._picture
            return self.seq, self._picture, self._frame_size

    def close(self) -> None:
        """Stop converting for this view; once this returns, `notify` is never called again."""
        with self._lock:
            self._closed = True
        self._worker._remove_sink(self)

    def _publish(self, frame: DecodedFrame, width: int, height: int, crop: Crop) -> bool:
        """Scale `frame` into a free buffer and offer it; False when the previous one was dropped."""
        with self._converting:
            if not self._ring or self._ring[0].size != (width, height):
                self._ring = [PackedI420(width, height) for _ in range(3)]
            with self._lock:
                waiting, shown = self._picture, self._shown
            for free in self._ring:
                if free is not waiting and free is not shown:
                    break
            if free.uses_libyuv:
                free.scale_from_region(*frame.plane_region(crop))
            else:
                free.scale_from(*frame.planes(crop))
            return self._offer(frame.seq, free, frame.size)

    def _offer(self, seq: int, picture: PackedI420, frame_size: tuple[int, int]) -> bool:
        """Store a new picture and nudge the view if it took the last one; False when it was dropped."""
        with self._lock:  # held while notifying, so close() can promise no call after it returns
            if self._closed:
                return True
            was_taken = self._taken
            if not was_taken:
                self.dropped += 1
            self._picture, self._frame_size, self._taken = picture, frame_size, False
            self.seq = seq
            if was_taken and self.notify is not None:
                try:
                    self.notify()
                except Exception:
                    log.exception("display notify failed")
        return was_taken
