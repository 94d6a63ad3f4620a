"""Cameras that play real clips (file sources and an RTSP server on loopback) for the wall's tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.video import conftest as video_fixtures
from video.cameras import CameraInfo
from video.demo_scenes import StreetScene, write_clip
from video.pool import StreamPool
from video.sources import DemoScene

# The clips and the RTSP server of tests/video, shared.
clip = video_fixtures.clip
long_clip = video_fixtures.long_clip
rtsp_server = video_fixtures.rtsp_server


@pytest.fixture(scope="session")
def main_clip(tmp_path_factory) -> Path:
    """The same street at 640x360: the 'main stream' a maximised tile switches to."""
    path = tmp_path_factory.mktemp("clips") / "street_main.mp4"
    write_clip(path, StreetScene(DemoScene(3, 640, 360)))
    return path


@pytest.fixture
def make_camera(clip, main_clip) -> Callable[..., CameraInfo]:
    def make(
        camera_id: int, name: str = "", sub_url: str | None = None, main_url: str | None = None
    ) -> CameraInfo:
        return CameraInfo(
            id=camera_id,
            name=name or f"{camera_id}号楼东侧",
            grid_id=1,
            grid_name="幸福社区",
            main_url=main_url or str(main_clip),
            sub_url=sub_url or str(clip),
            transport="tcp",
            ai_enabled=False,
            lon=113.6,
            lat=34.7,
        )

    return make


@pytest.fixture
def pool() -> Iterator[StreamPool]:
    pool = StreamPool()
    yield pool
    pool.close()
    for worker in pool.workers():
        assert not worker.alive
