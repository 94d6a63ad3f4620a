"""The camera wall under load: 21 RTSP streams (640x360, 15 fps) on a 5x5 wall at 1920x1080, offscreen.

Prints one JSON object: CPU seconds per displayed frame relative to `ffmpeg -threads 1 -f null` decoding
the same RTSP streams for the same time (measured in this run, just before the wall starts; also relative
to ffmpeg decoding the clip files, a stricter baseline without the network), what decoding the same
streams costs inside this process with no display (PyAV threads, as the capture workers decode: the
wall's cost above it is scaling and drawing), the frame rate each tile
achieved, the Qt event loop's latency p99 while the wall runs, and resident memory growth over the run.

    .venv/bin/python benchmarks/wall.py [--seconds 60] [--streams 21]

Needs ffmpeg and GStreamer's RTSP server (Debian: gir1.2-gst-rtsp-server-1.0, see .ci/install).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _figures import figure, print_figures  # noqa: E402

from app.site_clock import SiteClock
from tests.video.servers import RtspServer, looped_copy  # noqa: E402
from video.demo_scenes import StreetScene, write_clip  # noqa: E402
from video.sources import DemoScene  # noqa: E402

TIMER_MS = 10


def make_clips(folder: Path, streams: int, seconds: float) -> list[Path]:
    """One street scene per stream, looped long enough for warm-up plus the measured run."""
    clips = []
    loops = int((seconds + 40) // 12) + 1
    for number in range(1, streams + 1):
        short, long = folder / f"scene{number:02d}.mp4", folder / f"scene{number:02d}_x{loops}.mp4"
        if not long.exists():
            write_clip(short, StreetScene(DemoScene(number, 640, 360)))
            looped_copy(short, long, loops)
        clips.append(long)
    return clips


def ffmpeg_baseline(clips: list[Path]) -> tuple[float, int]:
    """(CPU seconds, frames) for `ffmpeg -threads 1 -f null` decoding every clip, one after the other."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    frames = 0
    for clip in clips:
        result = subprocess.run(
            [
                "ffmpeg",
                "-hide_banner",
                "-nostats",
                "-threads",
                "1",
                "-i",
                str(clip),
                "-map",
                "0:v",
                "-f",
                "null",
                "-progress",
                "pipe:1",
                "-",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        frames += int(re.findall(r"^frame=(\d+)", result.stdout, re.M)[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), frames


def ffmpeg_rtsp_baseline(urls: list[str], seconds: float) -> tuple[float, int]:
    """(CPU seconds, frames) for `ffmpeg -threads 1 -f null` reading every RTSP stream at once for `seconds`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    processes = [
        subprocess.Popen(
            [
                "ffmpeg",
                "-hide_banner",
                "-nostats",
                "-threads",
                "1",
                "-rtsp_transport",
                "tcp",
                "-i",
                url,
                "-map",
                "0:v",
                "-t",
                str(seconds),
                "-f",
                "null",
                "-progress",
                "pipe:1",
                "-",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for url in urls
    ]
    frames = 0
    for process in processes:
        output, _ = process.communicate(timeout=seconds + 60)
        frames += int(re.findall(r"^frame=(\d+)", output, re.M)[-1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), frames


def in_process_decode_baseline(urls: list[str], seconds: float) -> tuple[float, int]:
    """(CPU seconds, frames) for this process decoding every RTSP stream on a thread of its own, as the
    capture workers open and decode them, doing nothing with the pictures; after a few seconds' warm-up."""
    import threading

    import av

    from video.sources import SourceKind, ffmpeg_options

    stop = threading.Event()
    counts = [0] * len(urls)

    def decode(index: int) -> None:
        options = ffmpeg_options(SourceKind.RTSP, "tcp", 3.0)
        with av.open(urls[index], options=options, timeout=(5.0, None)) as container:
            stream = container.streams.video[0]
            stream.codec_context.thread_count = 1
            for packet in container.demux(stream):
                counts[index] += len(packet.decode())
                if stop.is_set():
                    return

    threads = [threading.Thread(target=decode, args=(i,), daemon=True) for i in range(len(urls))]
    for thread in threads:
        thread.start()
    time.sleep(5.0)
    frames_before, cpu_before = sum(counts), time.process_time()
    time.sleep(seconds)
    cpu, frames = time.process_time() - cpu_before, sum(counts) - frames_before
    stop.set()
    for thread in threads:
        thread.join(10)
    return cpu, frames


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def gui_thread_cpu() -> float:
    """CPU seconds of this process's main (GUI) thread."""
    fields = Path(f"/proc/self/task/{os.getpid()}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_wall(urls: list[str], seconds: float) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from video.cameras import CameraInfo
    from video.layouts import PRESETS
    from video.status import StreamState
    from widgets.wall.shared import stream_pool_for
    from widgets.wall.wall import VideoWall

    app = QApplication.instance() or QApplication([])

    class _Context:  # the wall only needs somewhere to keep the shared pool
        pass

    pool = stream_pool_for(_Context())
    cameras = {
        index: CameraInfo(index, f"{index}号楼东侧", 1, "幸福社区", url, url, "tcp", False, 113.6, 34.7)
        for index, url in enumerate(urls, start=1)
    }
    wall = VideoWall(pool, lambda: cameras, SiteClock())
    wall.resize(1920, 1080)
    wall.apply_layout(PRESETS["25"])
    wall.fill(list(cameras))
    wall.show()

    def spin(duration: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(duration * 1000), loop.quit)
        loop.exec()

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        spin(0.5)
        if all((s := t.status()) and s.state is StreamState.LIVE for t in wall.tiles if t.camera):
            break
    spin(5.0)  # let the server's pre-roll drain and the caches settle

    lateness: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        lateness.append(max(0.0, (now - last[0]) / 1e6 - TIMER_MS))
        last[0] = now

    timer = QTimer(interval=TIMER_MS, timeout=tick)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    shown = [t for t in wall.tiles if t.camera]
    frames_before = [t.frames_shown for t in shown]
    rss_before = rss_kib()
    cpu_before = time.process_time()
    gui_before = gui_thread_cpu()
    start = time.monotonic()
    timer.start()
    spin(seconds)
    timer.stop()
    elapsed = time.monotonic() - start
    cpu = time.process_time() - cpu_before
    gui_cpu = gui_thread_cpu() - gui_before
    rss_after = rss_kib()
    per_tile = [(t.frames_shown - before) / elapsed for t, before in zip(shown, frames_before, strict=True)]
    decoded_dropped = [(t.status().decoded, t.status().dropped) for t in shown]
    wall.close_streams()
    pool.close()
    lateness.sort()
    return {
        "cpu": cpu,
        "gui_cpu": gui_cpu,
        "elapsed": elapsed,
        "frames": sum(t.frames_shown - b for t, b in zip(shown, frames_before, strict=True)),
        "fps": per_tile,
        "latency_p99": lateness[int(len(lateness) * 0.99)] if lateness else float("nan"),
        "rss_growth": (rss_after - rss_before) / rss_before,
        "dropped": sum(d for _, d in decoded_dropped),
        "app": app,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--streams", type=int, default=21)
    parser.add_argument("--clips", help="keep the generated clips in this folder and reuse them next time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wall-bench-") as scratch:
        folder = args.clips or scratch
        Path(folder).mkdir(parents=True, exist_ok=True)
        clips = make_clips(Path(folder), args.streams, args.seconds)
        file_cpu, file_frames = ffmpeg_baseline(clips)
        server = RtspServer({f"cam{i}": clip for i, clip in enumerate(clips, start=1)}).start()
        urls = [server.url(f"cam{i}") for i in range(1, len(clips) + 1)]
        try:
            baseline_cpu, baseline_frames = ffmpeg_rtsp_baseline(urls, args.seconds)
            decode_cpu, decode_frames = in_process_decode_baseline(urls, args.seconds)
            result = run_wall(urls, args.seconds)
        finally:
            server.kill()
    baseline_ms = baseline_cpu / baseline_frames * 1000
    file_ms = file_cpu / file_frames * 1000
    decode_ms = decode_cpu / max(decode_frames, 1) * 1000
    wall_ms = result["cpu"] / max(result["frames"], 1) * 1000
    ratio = wall_ms / baseline_ms
    fps_min = min(result["fps"])
    fps_mean = sum(result["fps"]) / len(result["fps"])
    figures = [
        figure("cpu_per_displayed_frame_vs_ffmpeg_decode", ratio, "ratio", "<= 1.4", ratio <= 1.4),
        figure("wall_cpu_per_displayed_frame", wall_ms, "ms"),
        figure("ffmpeg_threads1_rtsp_decode_cpu_per_frame", baseline_ms, "ms", "baseline"),
        figure(
            "cpu_per_displayed_frame_vs_ffmpeg_file_decode",
            wall_ms / file_ms,
            "ratio",
            "<= 1.4 (stricter: no network in this baseline)",
            wall_ms / file_ms <= 1.4,
        ),
        figure("ffmpeg_threads1_file_decode_cpu_per_frame", file_ms, "ms", "baseline"),
        figure("in_process_decode_cpu_per_frame", decode_ms, "ms", "baseline (PyAV, no display)"),
        figure("cpu_per_displayed_frame_vs_in_process_decode", wall_ms / decode_ms, "ratio"),
        figure("tile_fps_min", fps_min, "fps", ">= 14.5", fps_min >= 14.5, digits=2),
        figure("tile_fps_mean", fps_mean, "fps", ">= 14.5", fps_mean >= 14.5, digits=2),
        figure(
            "event_loop_latency_p99",
            result["latency_p99"],
            "ms",
            "<= 20",
            result["latency_p99"] <= 20,
            digits=2,
        ),
        figure("rss_growth", result["rss_growth"] * 100, "%", "<= 5", result["rss_growth"] <= 0.05, digits=2),
        figure("frames_dropped_before_display", result["dropped"], "frames"),
        figure("gui_thread_cpu_share", result["gui_cpu"] / result["cpu"], "fraction"),
        figure("wall_process_cpu_cores", result["cpu"] / result["elapsed"], "cores"),
    ]
    print_figures(figures, streams=args.streams, seconds=args.seconds, load_average=os.getloadavg())


if __name__ == "__main__":
    main()
