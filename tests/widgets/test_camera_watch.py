"""A window's part of the cameras' availability record: its capture workers' states, by camera (the
sub-stream workers, whose packets it keeps), reach the runtime's `CameraWatch` and its roll-up."""

from __future__ import annotations

from dataclasses import dataclass

from app.rollups.health import camera_series
from app.site_clock import clock_in
from video.status import StreamState, StreamStatus
from widgets.site_runtime import SeatRuntime


@dataclass
class _Buffer:
    camera_id: int


class _Worker:
    def __init__(self, camera_id: int | None, state: StreamState) -> None:
        self.packets = None if camera_id is None else _Buffer(camera_id)
        self.state = state

    def status(self) -> StreamStatus:
        return StreamStatus(self.state)


class _Pool:
    def __init__(self, workers) -> None:
        self._workers = workers

    def workers(self):
        return list(self._workers)

    def close(self) -> None:
        pass


def test_the_windows_workers_feed_the_cameras_availability(qapp, sqlite_db, tmp_path):
    from app.models import Camera, Grid
    from widgets.shell_context import ShellSettings, build_shell_context

    with sqlite_db.session() as session:
        grid = Grid(code="G", name="幸福小区", level=3)
        session.add(grid)
        session.flush()
        cameras = [
            Camera(name=n, grid_id=grid.id, lon=0, lat=0, main_url="rtsp://x") for n in ("东门", "南门")
        ]
        session.add_all(cameras)
        session.flush()
        east, south = (c.id for c in cameras)
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"))
    workers = [
        _Worker(east, StreamState.LIVE),
        _Worker(south, StreamState.RECONNECTING),
        _Worker(None, StreamState.LIVE),
    ]
    seat = SeatRuntime(context, scheduler=False, ai=False, pool=lambda _c: _Pool(workers))
    seat.start()
    try:
        watch = seat.site.camera_watch
        watch.stop()  # looked at by hand below
        watch.look(now=100.0)
        watch.look(now=110.0)
        watch.flush()
        with sqlite_db.session() as session:
            today = clock_in(session).today()
            (day,) = camera_series(session, today, today, grid.id)
        assert day.cameras == 2 and day.live_seconds == 10.0 and day.observed_seconds == 20.0
    finally:
        seat.stop()
        context.bridge.close()
    watch.look(now=200.0)  # the window is gone: its probe went with it, nothing more is counted
    watch.look(now=210.0)
    watch.flush()
    with sqlite_db.session() as session:
        (after,) = camera_series(session, today, today, grid.id)
    assert after.observed_seconds == day.observed_seconds
