"""Alarm latency: from a frame written to the dongle's pseudo-terminal until the popup is visible (offscreen).

On the demo district (`main.py demo`: 1,083 grids, the detailed community's households and residents,
its tickets and demo alarms), with an SOS button added in each household an alarm comes from. The
whole path is the real one: pyserial reader thread → Portisch decoder → care rules → SQLite commit →
EventHub → QtBridge (queued to the GUI thread) → AlarmPopup.present → shown, and the change log relay
that the site runtime puts on a SQLite site's hub (`--no-relay` leaves it out, to see what it costs).
Each alarm is then closed so the next one shows the popup from hidden. The first alarm after opening
the site is reported on its own (cold caches) and counts in the percentiles; the worst beside p99.
Measured first alone, then with the camera wall playing 21 RTSP streams in the same process when
widgets/wall exists; then the popup also opens the nearest camera's live picture beside each card
(after it is shown, as in the wired window).

    .venv/bin/python benchmarks/alarm_latency.py [--alarms 200] [--streams 21] [--no-wall] [--no-relay]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tty
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _figures import figure, percentile, print_figures  # noqa: E402

TARGET_P99_MS = 100.0


def build_district(folder: Path, alarms: int):
    """The demo district as `main.py demo` builds it (its demo alarms included), plus an SOS button in
    `alarms` households that have no sensor yet, so every popup loads a household card it has not seen
    before (no warm cache flatters the figure). Returns the site's URL and the buttons' codes."""
    from sqlalchemy import insert, select

    from app.demo.site import build_demo_site
    from app.models import Building, Household, Sensor
    from app.store import Database
    from main import DEMO_EXTRAS

    url = f"sqlite:///{folder / 'district.sqlite'}"
    db = Database(url)
    db.upgrade()
    build_demo_site(db, extras=DEMO_EXTRAS)
    with db.session() as session:
        equipped = select(Sensor.household_id).where(Sensor.household_id.is_not(None))
        households = session.execute(
            select(Household.id, Building.grid_id)
            .join(Building, Building.id == Household.building_id)
            .where(Household.id.not_in(equipped))
            .order_by(Household.id)
            .limit(alarms)
        ).all()
        if len(households) < alarms:
            raise SystemExit(
                f"the demo district has {len(households)} households without a sensor, not {alarms}"
            )
        taken = set(session.scalars(select(Sensor.device_code)))
        codes = [code for code in (f"{0xC00000 + n:06X}" for n in range(alarms * 2)) if code not in taken][
            :alarms
        ]
        session.execute(
            insert(Sensor),
            [
                {
                    "name": f"SOS {n}",
                    "kind": "sos",
                    "protocol": "rf433",
                    "device_code": code,
                    "grid_id": grid_id,
                    "household_id": household_id,
                }
                for n, (code, (household_id, grid_id)) in enumerate(zip(codes, households, strict=True))
            ],
        )
    db.dispose()  # the benchmark opens the site afresh: the first alarm meets cold caches, as after a start
    return url, codes


def measure(app, db, codes: list[str], live=None, relay: bool = True) -> tuple[list[float], float]:
    """Milliseconds from os.write of each frame to the popup being visible; process CPU ms per alarm.

    `live` is (pool, camera) when a wall plays: the popup then opens that camera's live picture beside
    each card, as the wired window does. With `relay`, every change is also appended to the site's
    change log for the file's other processes, by a relay subscribed after the window's bridge, as the
    site runtime does on a SQLite file.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from alarms.ingest import SensorIngest
    from alarms.models import Outcome
    from alarms.portisch import rf_received
    from alarms.rf_bridge import RfBridgeReader
    from alarms.service import AlarmService
    from app.config import Seat
    from app.events import EventHub
    from app.store.change_log import ChangeLogRelay
    from widgets.alarms.live_view import NearbyCamera
    from widgets.alarms.popup import AlarmPopup
    from widgets.alarms.sound import AlarmSound
    from widgets.bridge import QtBridge

    hub = EventHub()
    service = AlarmService(db, hub, Seat("值班员", "bench"))
    ingest = SensorIngest(service)
    bridge = QtBridge(hub)
    change_log = ChangeLogRelay(db, hub) if relay else None
    if change_log is not None:
        change_log.start()
    popup = AlarmPopup(service, sound=AlarmSound(player=("silent", lambda: None, lambda: None)))
    if live is not None:
        pool, camera = live
        popup.set_live_view(pool, lambda _alarm: NearbyCamera(camera, 30.0))
    bridge.on("alarm", popup.on_change, popup)
    master, slave = os.openpty()
    tty.setraw(slave)
    reader = RfBridgeReader("bench", os.ttyname(slave), ingest.handle)
    reader.start()
    if not reader.connected.wait(10):
        raise RuntimeError("the pseudo-terminal did not open")

    def wait(condition, timeout: float = 5.0) -> bool:
        loop = QEventLoop()
        popup.changed.connect(lambda: condition() and loop.quit())
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        if not condition():
            loop.exec()
        popup.changed.disconnect()
        return condition()

    latencies = []
    cpu_before = time.process_time()
    for code in codes:
        frame = rf_received(code)
        start = time.perf_counter()
        os.write(master, frame)
        if not wait(lambda: popup.isVisible() and len(popup.alarm_ids) == 1):
            raise RuntimeError(f"no popup for {code}")
        latencies.append((time.perf_counter() - start) * 1000)
        service.close(popup.alarm_ids[0], Outcome.RESOLVED, note="benchmark")
        wait(lambda: not popup.isVisible())
        os.read(master, 64)  # the ACK, so the line's buffer never fills
    cpu_ms = (time.process_time() - cpu_before) / len(codes) * 1000
    reader.stop()
    if change_log is not None:
        change_log.stop()
    bridge.close()
    popup.set_live_view(None)
    popup.close()
    os.close(master)
    os.close(slave)
    return latencies, cpu_ms


def start_wall(folder: Path, streams: int):
    """21 RTSP streams on a 5x5 wall in this process, as benchmarks/wall.py sets it up; None if absent."""
    if not (ROOT / "widgets" / "wall").is_dir():
        return None
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from wall import make_clips  # benchmarks/wall.py

    from app.site_clock import SiteClock
    from tests.video.servers import RtspServer
    from video.cameras import CameraInfo
    from video.layouts import PRESETS
    from video.status import StreamState
    from widgets.wall.shared import stream_pool_for
    from widgets.wall.wall import VideoWall

    clips = make_clips(folder, streams, 60)
    server = RtspServer({f"cam{i}": clip for i, clip in enumerate(clips, start=1)}).start()

    class _Context:
        pass

    pool = stream_pool_for(_Context())
    cameras = {
        i: CameraInfo(
            i,
            f"{i}号楼东侧",
            1,
            "幸福社区",
            server.url(f"cam{i}"),
            server.url(f"cam{i}"),
            "tcp",
            False,
            113.6,
            34.7,
        )
        for i in range(1, streams + 1)
    }
    wall = VideoWall(pool, lambda: cameras, SiteClock())
    wall.resize(1920, 1080)
    wall.apply_layout(PRESETS["25"])
    wall.fill(list(cameras))
    wall.show()
    return wall, pool, server, StreamState


def spin(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def latency_figures(case: str, latencies: list[float], cpu_ms: float) -> list[dict]:
    """The first alarm (cold: the site just opened), p50, p99 (the target) and the worst, and the CPU."""
    p99 = percentile(latencies, 0.99)
    return [
        figure(f"frame_to_popup_first_{case}", latencies[0], "ms", digits=2),
        figure(f"frame_to_popup_p50_{case}", percentile(latencies, 0.5), "ms", digits=2),
        figure(
            f"frame_to_popup_p99_{case}", p99, "ms", f"<= {TARGET_P99_MS:g}", p99 <= TARGET_P99_MS, digits=2
        ),
        figure(f"frame_to_popup_max_{case}", max(latencies), "ms", digits=2),
        figure(f"process_cpu_per_alarm_{case}", cpu_ms, "ms", digits=2),
    ]


def measure_with_wall(app, db, codes: list[str], folder: Path, streams: int, relay: bool) -> list[dict]:
    """The same alarms while the camera wall plays `streams` RTSP streams in this process."""
    wall = start_wall(folder, streams)
    if wall is None:
        return []
    video_wall, pool, server, stream_state = wall

    def live_tiles() -> int:
        return sum(
            1 for t in video_wall.tiles if t.camera and (s := t.status()) and s.state is stream_state.LIVE
        )

    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and live_tiles() < streams:
            spin(0.5)
        spin(3.0)
        live = live_tiles()
        nearest = video_wall.tiles[0].camera
        busy, cpu_busy = measure(app, db, codes, live=(pool, nearest), relay=relay)
    finally:
        video_wall.close_streams()
        pool.close()
        server.kill()
    return [
        *latency_figures("with_wall", busy, cpu_busy),
        figure("wall_streams_live", live, "streams", f"{streams}", live == streams),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alarms", type=int, default=200)
    parser.add_argument("--streams", type=int, default=21)
    parser.add_argument("--no-wall", action="store_true")
    parser.add_argument(
        "--no-relay", action="store_true", help="without the change log relay: what it costs, by difference"
    )
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from app.store import Database

    app = QApplication.instance() or QApplication([])
    relay = not args.no_relay
    with tempfile.TemporaryDirectory(prefix="alarm-bench-") as folder:
        url, codes = build_district(Path(folder), args.alarms * 2)
        db = Database(url)
        alone, cpu_alone = measure(app, db, codes[: args.alarms], relay=relay)
        figures = latency_figures("alone", alone, cpu_alone)
        if not args.no_wall:
            figures += measure_with_wall(app, db, codes[args.alarms :], Path(folder), args.streams, relay)
        db.dispose()
    print_figures(
        figures, alarms=args.alarms, site="demo district", relay=relay, load_average=os.getloadavg()
    )


if __name__ == "__main__":
    main()
