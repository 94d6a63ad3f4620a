"""Event clips: what the pre-event buffer costs the capture threads, the memory it holds, and how soon
an alarm's clip is ready.

N RTSP sub-streams (640x360, 15 fps, a key frame a second, from GStreamer's RTSP server) are captured
by real workers in this process in the same run, `--rounds` times over alternately: for `--seconds`
without buffering, then for `--seconds` with every packet kept (`PacketPool`, the defaults: 30 s, 16 MB a camera, 256 MB in all).
CPU is this process's CPU time over wall time, per decoded frame too. Then an SOS is raised at the
first camera's place and the clip recorder writes its clip (15 s before, `--after` seconds after):
the figure is the time from the end of its window (the earliest it can be complete) to the row being
ready. Then the site service's capture of the same streams (packet readers: demux only, no decoding),
and the cost of one `CameraBuffer.add` on its own (synthetic packets, no decoder). Last, the player:
the time from asking the clip player (its decoding thread, offscreen Qt) to open that clip to its
first picture on screen, the median of ten opens, and the watermarked export's re-encoding time.

    .venv/bin/python benchmarks/clips.py [--streams 21] [--seconds 20] [--after 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _figures import figure, print_figures  # noqa: E402

from tests.video.servers import RtspServer, looped_copy  # noqa: E402
from video.demo_scenes import StreetScene, write_clip  # noqa: E402
from video.sources import DemoScene  # noqa: E402

SCENES = 4  # distinct street scenes, shared round the streams (encoding them is the slow part)


@dataclass
class FakePacket:
    size: int
    is_keyframe: bool
    pts: int | None = None
    dts: int | None = None
    duration: int = 0

    def __bytes__(self) -> bytes:
        return bytes(self.size)


def make_clips(folder: Path, seconds: float) -> list[Path]:
    loops = int((2 * seconds + 60) // 12) + 1
    clips = []
    for number in range(1, SCENES + 1):
        short, long = folder / f"scene{number}.mp4", folder / f"scene{number}_x{loops}.mp4"
        write_clip(short, StreetScene(DemoScene(number, 640, 360)))
        clips.append(looped_copy(short, long, loops))
    return clips


def run_phase(urls: list[str], seconds: float, pool) -> tuple[float, int, list]:
    """(CPU seconds per wall second, frames decoded, the workers still running) over `seconds`."""
    from video.capture import CaptureWorker

    workers = [
        CaptureWorker(url, packets=pool.buffer_for(camera) if pool is not None else None).start()
        for camera, url in enumerate(urls, start=1)
    ]
    time.sleep(3.0)  # connected and decoding before the measurement starts
    cpu, wall = time.process_time(), time.monotonic()
    frames = sum(worker.status().decoded for worker in workers)
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    frames = sum(worker.status().decoded for worker in workers) - frames
    return cpu / wall, frames, workers


def run_readers(urls: list[str], seconds: float) -> float:
    """CPU seconds per wall second of the site service's capture: packet readers only, no decoding."""
    from video.packet_reader import PacketReader
    from video.prebuffer import PacketPool

    pool = PacketPool()
    readers = [PacketReader(url, pool.buffer_for(camera)).start() for camera, url in enumerate(urls, start=1)]
    time.sleep(3.0)
    cpu, wall = time.process_time(), time.monotonic()
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    stop(readers)
    return cpu / wall


def stop(workers) -> None:
    for worker in workers:
        worker.stop()
    for worker in workers:
        worker.join(10)


def add_cost_us(count: int = 200_000) -> float:
    from video.prebuffer import PacketPool

    buffer = PacketPool().buffer_for(1)
    packets = [FakePacket(4000 if i % 15 == 0 else 1000, i % 15 == 0) for i in range(count)]
    start = time.perf_counter()
    for index, packet in enumerate(packets):
        buffer.add(packet, now=index / 15)
    return (time.perf_counter() - start) / count * 1e6


def clip_ready_delay(folder: Path, url: str, pool, after: float) -> tuple[float, float, Path]:
    """(seconds from the window's end to the clip's row being ready, the clip's size in MB, its file)."""
    from alarms.models import Priority
    from alarms.service import AlarmService
    from alarms.values import AlarmDraft
    from app.context import SiteContext
    from app.models import Camera, Grid
    from app.store import Database
    from runtime.clips import ClipRecorder, epoch
    from video.clip_records import READY, Clip
    from video.clip_writer import ClipWindow

    db = Database(f"sqlite:///{folder / 'site.sqlite'}")
    db.upgrade()
    with db.session() as session:
        grid = Grid(code="W-1", name="幸福里", level=4)
        session.add(grid)
        session.flush()
        session.add(
            Camera(id=1, name="东门", grid_id=grid.id, lon=113.61, lat=34.71, main_url=url, sub_url=url)
        )
    site = SiteContext(db)
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=folder / "clips", window=ClipWindow(15.0, after))
    recorder.start()
    try:
        alarms.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS", lon=113.61, lat=34.71))
        recorder.wait(after + 60)
    finally:
        recorder.stop()
    with db.session() as session:
        clip = session.query(Clip).one()
        assert clip.state == READY, clip.note
        delay = epoch(clip.ready_at) - (epoch(clip.event_at) + after)
        size, path = clip.size_bytes / 1e6, Path(clip.path)
    db.dispose()
    return delay, size, path


def player_open_ms(path: Path, opens: int = 10) -> float:
    """Median milliseconds from `ClipPlayerView.open` to its first picture (offscreen Qt)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from widgets.clips.player_view import ClipPlayerView, PlaybackSource

    app = QApplication.instance() or QApplication([])
    view = ClipPlayerView()
    times, shown = [], []
    view.opened.connect(lambda: shown.append(time.perf_counter()))
    for _ in range(opens):
        shown.clear()
        start = time.perf_counter()
        view.open(PlaybackSource(str(path), 15.0))
        while not shown and time.perf_counter() - start < 10:
            app.processEvents()
            time.sleep(0.001)
        times.append((shown[0] - start) * 1000 if shown else float("inf"))
    view.stop()
    return sorted(times)[len(times) // 2]


def export_seconds(path: Path, folder: Path) -> float:
    """Seconds to re-encode the clip with a watermark band (what 导出 does)."""
    import numpy as np

    from video.clip_export import export_watermarked

    band = np.zeros((22, 640, 4), np.uint8)
    band[..., 3] = 150
    start = time.perf_counter()
    export_watermarked(path, folder / "exported.mp4", band, "benchmark")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--streams", type=int, default=21)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--after", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=2, help="off/on pairs, alternating")
    args = parser.parse_args()

    from video.prebuffer import PacketPool

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        clips = make_clips(folder, args.seconds)
        mounts = {f"cam{i}": clips[i % SCENES] for i in range(args.streams)}
        server = RtspServer(mounts).start()
        try:
            urls = [server.url(mount) for mount in mounts]
            # off and on alternate, so a machine whose load changes meanwhile weighs on both alike
            cpu = {"off": [], "on": []}
            frames = {"off": 0, "on": 0}
            for round_number in range(args.rounds):
                for phase in ("off", "on"):
                    pool = PacketPool() if phase == "on" else None
                    share, decoded, workers = run_phase(urls, args.seconds, pool)
                    cpu[phase].append(share)
                    frames[phase] += decoded
                    if phase == "off" or round_number < args.rounds - 1:
                        stop(workers)
            cpu_off, cpu_on = (sum(cpu[p]) / len(cpu[p]) for p in ("off", "on"))
            frames_off, frames_on = frames["off"] / args.rounds, frames["on"] / args.rounds
            held_mb = pool.total_bytes / 1e6
            held_s = min(buffer.held_seconds() for buffer in pool.buffers())
            delay, clip_mb, clip_path = clip_ready_delay(folder, urls[0], pool, args.after)
            stop(workers)
            cpu_service = run_readers(urls, args.seconds)
        finally:
            server.kill()
        open_ms = player_open_ms(clip_path)
        export_s = export_seconds(clip_path, folder)
    per_frame_off = cpu_off * args.seconds / max(1, frames_off) * 1000
    per_frame_on = cpu_on * args.seconds / max(1, frames_on) * 1000
    print_figures(
        [
            figure("capture_cpu_buffering_off", cpu_off * 100, "% of a core", digits=1),
            figure("capture_cpu_buffering_on", cpu_on * 100, "% of a core", digits=1),
            figure(
                "capture_cpu_added_by_buffering",
                (cpu_on / cpu_off - 1) * 100,
                "% more than off",
                "<= 3",
                (cpu_on / cpu_off - 1) * 100 <= 3,
                digits=1,
            ),
            figure("cpu_per_frame_buffering_off", per_frame_off, "ms", digits=3),
            figure("cpu_per_frame_buffering_on", per_frame_on, "ms", digits=3),
            figure("service_capture_cpu_demux_only", cpu_service * 100, "% of a core", digits=2),
            figure("buffer_add_cost", add_cost_us(), "us per packet", digits=2),
            figure(
                "buffer_held",
                held_mb,
                "MB",
                f"<= {PacketPool().max_total_bytes / 1e6:.0f}",
                held_mb <= PacketPool().max_total_bytes / 1e6,
                digits=2,
            ),
            figure("buffer_held_per_camera", held_mb / args.streams, "MB", digits=2),
            figure("buffer_seconds_held_min", held_s, "s", digits=1),
            figure("clip_ready_after_window_end", delay, "s", "<= 2", delay <= 2, digits=2),
            figure("clip_size", clip_mb, "MB", digits=2),
            figure("player_open_to_first_picture", open_ms, "ms", "<= 300", open_ms <= 300, digits=1),
            figure("export_watermarked", export_s, "s", clip_window_s=15.0 + args.after, digits=2),
        ],
        streams=args.streams,
        seconds=args.seconds,
        rounds=args.rounds,
        cpu_off_by_round=[round(share * 100, 1) for share in cpu["off"]],
        cpu_on_by_round=[round(share * 100, 1) for share in cpu["on"]],
        clip_window_s=[15.0, args.after],
        cpus=os.cpu_count(),
    )


if __name__ == "__main__":
    main()
