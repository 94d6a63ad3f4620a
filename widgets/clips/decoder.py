"""The player's decoding thread: one `ClipReader` driven by queued requests, its pictures sent back.

Decoding never runs on the GUI thread: a seek into a main-stream clip decodes up to a GOP of frames
(tens of milliseconds), and an NVR's playback stream can take seconds to answer. The screen asks for one
thing at a time (open, next, seek, step back) and waits for its picture before asking again; a request
made while one is running replaces any other still waiting, so dragging the scrub bar decodes the
latest place only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from video.clip_reader import ClipReader, ClipReadError, Picture


def to_image(picture: Picture) -> QImage:
    rgb = picture.rgb
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()  # owns its pixels: the array goes with the next frame


class _Decoder(QObject):
    """Lives on the decoding thread; every slot ends with `picture`, `ended` or `failed`."""

    opened = Signal(object, float, bool)  # duration in seconds (None live), frame interval, seekable
    picture = Signal(float, QImage)
    ended = Signal()
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._reader: ClipReader | None = None

    @Slot(str)
    def open(self, source: str) -> None:
        self.close()
        try:
            self._reader = ClipReader(source)
        except ClipReadError as error:
            self.failed.emit(str(error))
            return
        self.opened.emit(self._reader.duration, self._reader.frame_interval, self._reader.seekable)
        self._send(self._reader.seek(0.0))

    @Slot()
    def advance(self) -> None:
        self._send(self._reader.next() if self._reader else None)

    @Slot(float)
    def seek(self, seconds: float) -> None:
        self._send(self._reader.seek(seconds) if self._reader else None)

    @Slot()
    def step_back(self) -> None:
        self._send(self._reader.step_back() if self._reader else None)

    @Slot()
    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _send(self, picture: Picture | None) -> None:
        if picture is None:
            self.ended.emit()
        else:
            self.picture.emit(picture.time, to_image(picture))


class DecodingThread(QObject):
    """The GUI side: requests go to the thread one at a time, the latest waiting one wins."""

    opened = Signal(object, float, bool)
    picture = Signal(float, QImage)
    ended = Signal()
    failed = Signal(str)
    _open = Signal(str)
    _advance = Signal()
    _seek = Signal(float)
    _step_back = Signal()
    _close = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("clipDecoding")
        self._decoder = _Decoder()
        self._decoder.moveToThread(self._thread)
        self._thread.finished.connect(self._decoder.deleteLater)
        for request, slot in (
            (self._open, self._decoder.open),
            (self._advance, self._decoder.advance),
            (self._seek, self._decoder.seek),
            (self._step_back, self._decoder.step_back),
            (self._close, self._decoder.close),
        ):
            request.connect(slot)
        self._decoder.opened.connect(self.opened)
        for done, relay in (
            (self._decoder.picture, self.picture.emit),
            (self._decoder.ended, self.ended.emit),
            (self._decoder.failed, self.failed.emit),
        ):
            done.connect(self._finished)
            done.connect(relay)
        self._busy = False
        self._waiting: Callable[[], None] | None = None
        # Destroyed with its view without `stop` (a dialog deleted unshown): end the thread before Qt
        # deletes it, which would abort the process while it still runs.
        thread = self._thread
        self.destroyed.connect(lambda *_: _end(thread))
        self._thread.start()

    @property
    def busy(self) -> bool:
        return self._busy

    def open(self, source: str) -> None:
        self._request(lambda: self._open.emit(source))

    def advance(self) -> None:
        self._request(self._advance.emit)

    def seek(self, seconds: float) -> None:
        self._request(lambda: self._seek.emit(seconds))

    def step_back(self) -> None:
        self._request(self._step_back.emit)

    def _request(self, send: Callable[[], None]) -> None:
        if self._busy:
            self._waiting = send
            return
        self._busy = True
        send()

    def _finished(self, *_result) -> None:
        self._busy = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._request(waiting)

    def stop(self) -> None:
        """Close the reader and end the thread (the dialog closing)."""
        self._waiting = None
        self._close.emit()
        _end(self._thread)


def _end(thread: QThread) -> None:
    thread.quit()
    thread.wait(5000)
