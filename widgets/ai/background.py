"""Slow work (model loading, face detection, enrolment, searches) off the GUI thread.

A job runs on the owner's single worker thread; its result or error comes back to the GUI thread
through a queued signal and is dropped when the owner has been destroyed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class Background(QObject):
    """Runs jobs one after another on a worker thread; callbacks run on the GUI thread."""

    _finished = Signal(object, object, object)  # callback, value, error

    def __init__(self, parent: QObject, name: str) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.pending = 0
        executor = self._executor  # a closure: the wrapper may be gone when `destroyed` fires
        self.destroyed.connect(lambda *_: executor.shutdown(wait=False, cancel_futures=True))

    def run(
        self,
        job: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.pending += 1

        def finished(future: Future) -> None:
            if future.cancelled():  # the owner was destroyed before the job started
                return
            error = future.exception()
            callback = on_done if error is None else on_error
            try:
                self._finished.emit(callback, None if error else future.result(), error)
            except RuntimeError:  # the owner was destroyed while the job ran
                pass

        self._executor.submit(job).add_done_callback(finished)

    @Slot(object, object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any, error: Exception | None) -> None:
        self.pending -= 1
        callback(error if error is not None else value)
