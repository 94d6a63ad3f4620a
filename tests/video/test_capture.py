"""Capture workers against real sources: an RTSP server on loopback, HTTP MJPEG, files, bad URLs."""

from __future__ import annotations

import logging
import time

import numpy as np
import pytest

from tests.video.waiting import wait_for_state
from video.status import StreamState


def test_rtsp_stream_plays_with_rate_size_and_tile_sized_pictures(rtsp_server, workers):
    worker = workers(rtsp_server.url("street"))
    nudges = []
    sink = worker.open_display(160, 160, lambda: nudges.append(1))
    wait_for_state(worker, StreamState.LIVE, 10)
    time.sleep(2.0)
    status = worker.status()
    assert (status.width, status.height) == (320, 180)
    assert 12 <= status.fps <= 25  # 15 fps, a little faster while the server's pre-roll drains
    assert status.last_frame_at is not None and time.time() - status.last_frame_at < 1
    seq, picture, frame_size = sink.take()
    assert picture.size == (160, 90) and frame_size == (320, 180)  # fitted to the box, aspect kept
    assert nudges and seq > 20


@pytest.mark.slow
def test_killed_server_shows_reconnecting_within_5s_and_live_within_5s_of_return(rtsp_server, workers):
    worker = workers(rtsp_server.url("street"))
    wait_for_state(worker, StreamState.LIVE, 10)
    rtsp_server.kill()
    assert wait_for_state(worker, StreamState.RECONNECTING, 5) < 5
    assert worker.status().reason  # says why, e.g. 视频流结束 / 连接被拒绝
    time.sleep(1.5)  # down for a while: the watchdog backs off
    rtsp_server.start()
    assert wait_for_state(worker, StreamState.LIVE, 5) < 5
    assert worker.status().restarts >= 1


@pytest.mark.slow
def test_frozen_rtsp_server_times_out_into_reconnecting_and_recovers(rtsp_server, workers):
    """The connection stays open but nothing arrives (a hung camera): FFmpeg's socket timeout ends
    the read, not a callback in Python."""
    from video.capture import CaptureSettings

    worker = workers(rtsp_server.url("street"), settings=CaptureSettings(read_timeout=1.5))
    wait_for_state(worker, StreamState.LIVE, 10)
    rtsp_server.freeze()
    try:
        assert wait_for_state(worker, StreamState.RECONNECTING, 5) < 5
    finally:
        rtsp_server.freeze(False)
    assert wait_for_state(worker, StreamState.LIVE, 10) < 10


def test_silent_http_camera_times_out_into_reconnecting(mjpeg_server, workers):
    from video.capture import CaptureSettings

    worker = workers(mjpeg_server.url, settings=CaptureSettings(read_timeout=1.0))
    wait_for_state(worker, StreamState.LIVE, 10)
    mjpeg_server.sending.clear()
    assert wait_for_state(worker, StreamState.RECONNECTING, 5) < 5
    mjpeg_server.sending.set()
    assert wait_for_state(worker, StreamState.LIVE, 10) < 10


def test_http_mjpeg_source(mjpeg_server, workers):
    worker = workers(mjpeg_server.url)
    wait_for_state(worker, StreamState.LIVE, 10)
    time.sleep(1.0)
    frame = worker.latest_frame()
    assert frame.size == (320, 240)
    blue, green, red = frame.bgr()[10, 10]
    assert abs(int(blue) - 40) < 25 and abs(int(red) - 160) < 25  # the colour survives JPEG → YUV → BGR


def test_file_source_plays_at_its_own_rate_and_loops(clip, workers):
    worker = workers(str(clip))
    wait_for_state(worker, StreamState.LIVE, 5)
    start_seq, start = worker.latest_frame().seq, time.monotonic()
    time.sleep(2.0)
    rate = (worker.latest_frame().seq - start_seq) / (time.monotonic() - start)
    assert 12 <= rate <= 17  # paced to 15 fps, not decoded as fast as possible


def test_short_file_loops(clip, tmp_path, workers):
    import subprocess

    short = tmp_path / "short.mp4"
    subprocess.run(
        ["ffmpeg", "-loglevel", "error", "-i", str(clip), "-t", "1", "-c", "copy", str(short)], check=True
    )
    worker = workers(str(short))
    wait_for_state(worker, StreamState.LIVE, 5)
    time.sleep(2.5)
    status = worker.status()
    assert status.state is StreamState.LIVE and status.decoded > 30  # more frames than the 1 s file holds


def test_missing_file_is_an_error_with_a_reason(workers, tmp_path):
    worker = workers(str(tmp_path / "nope.mp4"))
    wait_for_state(worker, StreamState.ERROR, 5)
    assert "文件不存在" in worker.status().reason


def test_unknown_scheme_is_an_error(workers):
    worker = workers("ftp://camera/stream")
    wait_for_state(worker, StreamState.ERROR, 5)
    assert "不支持" in worker.status().reason


def test_refused_connection_keeps_trying_and_never_shows_the_password(workers, caplog):
    from tests.video.servers import free_port

    caplog.set_level(logging.DEBUG)
    url = f"rtsp://admin:s3cret@127.0.0.1:{free_port()}/stream"
    worker = workers(url)
    time.sleep(2.0)
    status = worker.status()
    assert status.state is StreamState.CONNECTING and "连接被拒绝" in status.reason
    assert status.restarts >= 2 and status.next_retry_in and status.next_retry_in > 0.5  # backing off
    assert "s3cret" not in repr(status) and "s3cret" not in caplog.text
    assert "admin:***@" in status.url


def test_frame_listener_gets_frames_at_its_rate(clip, workers):
    worker = workers(str(clip))
    seen = []
    remove = worker.add_frame_listener(lambda frame: seen.append((frame.seq, frame.bgr(160, 90))), max_fps=5)
    wait_for_state(worker, StreamState.LIVE, 5)
    time.sleep(2.0)
    remove()
    count = len(seen)
    assert 8 <= count <= 13
    time.sleep(0.5)
    assert len(seen) == count  # removed: no more calls
    assert seen[-1][1].shape == (90, 160, 3) and seen[-1][1].dtype == np.uint8
    assert [seq for seq, _ in seen] == sorted(seq for seq, _ in seen)


def test_display_conversion_only_for_open_sinks(clip, workers):
    worker = workers(str(clip))
    wait_for_state(worker, StreamState.LIVE, 5)
    sink = worker.open_display(64, 64, lambda: None)
    time.sleep(0.5)
    assert sink.take() is not None
    sink.close()
    seq = sink.take()[0]
    time.sleep(0.5)
    assert sink.take()[0] == seq  # closed: nothing converted for it any more


def test_rtsp_over_udp_plays(rtsp_server, workers):
    worker = workers(rtsp_server.url("street"), transport="udp")
    wait_for_state(worker, StreamState.LIVE, 10)
    assert worker.latest_frame().size == (320, 180)


def test_silent_server_times_out_and_long_failure_turns_offline(workers):
    import socket

    from video.capture import CaptureSettings

    silent = socket.socket()  # accepts connections, never answers: a hung camera
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        settings = CaptureSettings(open_timeout=1.0, read_timeout=1.0, offline_after=2.5)
        worker = workers(f"rtsp://127.0.0.1:{silent.getsockname()[1]}/stream", settings=settings)
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline and "超时" not in worker.status().reason:
            time.sleep(0.05)
        assert "超时" in worker.status().reason and worker.status().state is StreamState.CONNECTING
        wait_for_state(worker, StreamState.OFFLINE, 6)
    finally:
        silent.close()
