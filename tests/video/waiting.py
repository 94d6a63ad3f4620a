"""Polling helpers: wait for a worker's state with a deadline, and say how long it took."""

from __future__ import annotations

import time

from video.capture import CaptureWorker
from video.status import StreamState


def wait_for_state(worker: CaptureWorker, states: set[StreamState] | StreamState, timeout: float) -> float:
    """Seconds until the worker reached one of `states`; AssertionError with its last status otherwise."""
    wanted = {states} if isinstance(states, StreamState) else states
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if worker.status().state in wanted:
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"not {sorted(wanted)} within {timeout} s: {worker.status()}")
