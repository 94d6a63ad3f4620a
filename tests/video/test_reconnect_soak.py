"""50 times: the camera's server dies and comes back. The worker must recover each time, leaving no
extra threads and no growing memory behind."""

from __future__ import annotations

import threading
import time

import pytest

from tests.video.waiting import wait_for_state
from video.backoff import Backoff
from video.capture import CaptureSettings
from video.status import StreamState

CYCLES = 50


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


@pytest.mark.slow
def test_fifty_kill_restart_cycles_leave_no_threads_or_memory_behind(rtsp_server, workers):
    # A short backoff: this test is about leaks, not about the watchdog's pace (tested elsewhere).
    worker = workers(
        rtsp_server.url("street"), settings=CaptureSettings(backoff=Backoff(first=0.1, ceiling=0.4))
    )
    sink = worker.open_display(320, 180, lambda: None)
    wait_for_state(worker, StreamState.LIVE, 10)
    threads_before = threading.active_count()
    rss = []
    for cycle in range(CYCLES):
        rtsp_server.kill()
        wait_for_state(worker, {StreamState.RECONNECTING, StreamState.OFFLINE}, 5)
        rtsp_server.start()
        wait_for_state(worker, StreamState.LIVE, 10)
        time.sleep(0.1)  # pictures through the display path each time
        assert sink.take() is not None
        if cycle in (9, CYCLES - 1):
            rss.append(_rss_kib())
        assert threading.active_count() == threads_before, f"thread count changed in cycle {cycle}"
    growth = (rss[1] - rss[0]) / rss[0]
    assert growth < 0.05, f"RSS grew {growth:.1%} from cycle 10 to {CYCLES}: {rss} KiB"
    assert worker.status().restarts >= CYCLES
