"""The cameras' availability record from a real capture: `serve`'s clip reader of a real RTSP stream
is live in `ClipCapture.states`, the runtime's `CameraWatch` counts its seconds into the day's roll-up,
and a camera whose stream dies counts as watched but not live, with an outage."""

from __future__ import annotations

import time

from app.rollups.health import camera_series
from app.site_clock import clock_in
from runtime.leadership import Duties
from runtime.site import RuntimeOptions, SiteRuntime
from tests.video.clips.site import site_with_cameras


def wait_until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _today(db):
    with db.session() as session:
        today = clock_in(session).today()
        return camera_series(session, today, today)[0]


def test_the_service_records_a_live_camera_and_its_outage(sqlite_db, rtsp_server, tmp_path):
    site, cameras = site_with_cameras(sqlite_db, rtsp_server.url("street"))
    options = RuntimeOptions(duties=Duties.STANDBY, sensors=False, clip_capture=True)
    runtime = SiteRuntime(site, options)
    runtime.start()
    try:
        both = {cameras["near"]: True, cameras["far"]: True}
        wait_until(lambda: runtime.clip_capture.states() == both, 30)
        watch = runtime.camera_watch
        watch.stop()  # this test looks by hand, at times of its own (the thread may have looked already)
        before = _today(sqlite_db)
        watch.look(now=1000.0)
        watch.look(now=1010.0)
        rtsp_server.kill()  # the camera goes away
        wait_until(lambda: not any(runtime.clip_capture.states().values()), 30)
        watch.look(now=1020.0)
        watch.flush()
        day = _today(sqlite_db)
        assert day.cameras == 2
        assert day.observed_seconds - before.observed_seconds == 40.0
        assert day.live_seconds - before.live_seconds == 20.0
        assert day.outages - before.outages == 2
    finally:
        runtime.stop()
