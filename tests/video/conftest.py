"""Clips and real servers for the capture tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.video.servers import MjpegServer, RtspServer, looped_copy
from video.demo_scenes import StreetScene, write_clip
from video.sources import DemoScene


@pytest.fixture(scope="session")
def clip(tmp_path_factory) -> Path:
    """A 12-second 320x180 H.264 street scene (15 fps, a key frame a second)."""
    path = tmp_path_factory.mktemp("clips") / "street.mp4"
    write_clip(path, StreetScene(DemoScene(3, 320, 180)))
    return path


@pytest.fixture(scope="session")
def long_clip(clip, tmp_path_factory) -> Path:
    """The clip looped to two minutes, for the RTSP server (which plays a file once)."""
    return looped_copy(clip, tmp_path_factory.mktemp("clips") / "street_long.mp4", 9)


@pytest.fixture
def rtsp_server(long_clip) -> Iterator[RtspServer]:
    server = RtspServer({"street": long_clip}).start()
    yield server
    server.kill()


@pytest.fixture
def mjpeg_server() -> Iterator[MjpegServer]:
    server = MjpegServer().start()
    yield server
    server.stop()


@pytest.fixture
def workers() -> Iterator[Callable]:
    """Start capture workers that are stopped (and joined) after the test."""
    from video.capture import CaptureWorker

    started: list[CaptureWorker] = []

    def start(url: str, **kwargs) -> CaptureWorker:
        worker = CaptureWorker(url, **kwargs).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
    for worker in started:
        assert worker.join(10), f"capture thread of {worker.name} did not finish"
