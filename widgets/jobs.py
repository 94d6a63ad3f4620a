"""Store work for a panel (the ticket dock, the roster) on a worker thread; answers come back on the Qt
thread by signal.

Every job has a key ("page", "detail", "households" ...). A newer job with the same key makes the older
one stale: if it has not started it never runs, and if it already ran its answer is dropped. So fast
typing in a search box costs one query for the newest text, not one per keystroke queued up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Waiting:
    done: Callable[[Any], None]
    failed: Callable[[Exception], None] | None
    owner: QObject | None

    def owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)


class Jobs(QObject):
    """A small pool (one thread by default: SQLite has one writer, and queries queue behind each other)."""

    _answered = Signal(str, int, object, object)  # key, generation, result, error

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._generation: dict[str, int] = {}
        self._waiting: dict[tuple[str, int], _Waiting] = {}
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        key: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Run `work()` off the Qt thread, then `done(result)` (or `failed(error)`) on it, unless a newer
        job with the same key was submitted meanwhile, or `owner` (a dialog that shares a longer-lived
        pool) was deleted before the answer came. Returns the job's generation."""
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        self._waiting = {k: w for k, w in self._waiting.items() if k[0] != key}
        self._waiting[(key, generation)] = _Waiting(done, failed, owner)
        # The callable overload, not QRunnable.create(): a QRunnable wrapper that Python hands to the
        # pool is deleted by the pool in C++ without shiboken knowing, and a later Qt object allocated
        # at the same address then comes back as that stale QRunnable wrapper.
        self._pool.start(lambda: self._run(key, generation, work))
        return generation

    def cancel(self, key: str) -> None:
        """Drop whatever answer is still coming for `key`."""
        self._generation[key] = self._generation.get(key, 0) + 1
        self._waiting = {k: w for k, w in self._waiting.items() if k[0] != key}

    def busy(self, key: str | None = None) -> bool:
        """Whether an answer is still awaited (for one key, or for any)."""
        return any(key is None or k[0] == key for k in self._waiting)

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the pool is idle (closing, and tests); answers still arrive through the event loop."""
        return self._pool.waitForDone(msecs)

    def _run(self, key: str, generation: int, work: Callable[[], Any]) -> None:
        if self._generation.get(key) != generation:
            return  # superseded before it started
        result: Any = None
        error: Exception | None = None
        try:
            result = work()
        except Exception as caught:  # handed to the Qt thread, shown there
            error = caught
        try:
            self._answered.emit(key, generation, result, error)
        except RuntimeError:  # the panel was closed while the query ran
            log.debug("job %s answered after its owner was gone", key)

    @Slot(str, int, object, object)
    def _deliver(self, key: str, generation: int, result: Any, error: Exception | None) -> None:
        waiting = self._waiting.pop((key, generation), None)
        if waiting is None or self._generation.get(key) != generation:
            return
        if waiting.owner_gone():
            log.debug("job %s answered after its owner was closed", key)
            return
        if error is None:
            waiting.done(result)
        elif waiting.failed is not None:
            waiting.failed(error)
        else:
            log.error("job %s failed: %s", key, error)
