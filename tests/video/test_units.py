"""URL handling, backoff, plane conversion and layouts: the pure parts of the video package."""

from __future__ import annotations

import av
import cv2
import numpy as np
import pytest

from video.backoff import Backoff
from video.frames import Crop, DecodedFrame, fit_size
from video.layouts import PRESETS, Cell, LayoutStore, WallLayout, big_plus_small, custom_layout
from video.sources import SourceError, SourceKind, parse_demo_url, redact_url, source_kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rtsp://admin:pa:ss@10.0.0.5:554/h264", "rtsp://admin:***@10.0.0.5:554/h264"),
        ("打开 rtsp://u:p@h/x 失败; http://v:q@k/y", "打开 rtsp://u:***@h/x 失败; http://v:***@k/y"),
        ("rtsp://10.0.0.5/h264", "rtsp://10.0.0.5/h264"),
        ("http://:token@host/x", "http://host/x"),
    ],
)
def test_passwords_are_redacted(text, expected):
    assert redact_url(text) == expected


def test_source_kinds():
    assert source_kind("RTSP://cam/1") is SourceKind.RTSP
    assert source_kind("https://cam/mjpeg") is SourceKind.HTTP
    assert source_kind("/videos/a.mp4") is SourceKind.FILE
    assert source_kind("usb:1") is SourceKind.USB
    assert source_kind("demo://scene/3?w=640&h=360") is SourceKind.DEMO
    with pytest.raises(SourceError):
        source_kind("gopher://x")
    with pytest.raises(SourceError):
        source_kind("  ")


def test_demo_urls():
    scene = parse_demo_url("demo://scene/17?w=641&h=360")
    assert (scene.number, scene.width, scene.height) == (17, 640, 360)
    for bad in ("demo://scene/x", "demo://other/1", "demo://scene/0", "demo://scene/2?w=99999"):
        with pytest.raises(SourceError):
            parse_demo_url(bad)


def test_backoff_doubles_to_30_seconds_and_resets():
    backoff = Backoff()
    assert [backoff.next_delay() for _ in range(9)] == [0.5, 1, 2, 4, 8, 16, 30, 30, 30]
    backoff.reset()
    assert backoff.next_delay() == 0.5


def _frame(width: int = 640, height: int = 360) -> tuple[np.ndarray, DecodedFrame]:
    rng = np.random.default_rng(1)
    bgr = cv2.GaussianBlur(rng.integers(0, 255, (height, width, 3), dtype=np.uint8), (9, 9), 3)
    av_frame = av.VideoFrame.from_ndarray(bgr, format="bgr24").reformat(format="yuv420p")
    return bgr, DecodedFrame.from_av(av_frame, 1)


def test_tile_size_conversion_matches_full_size_conversion_scaled():
    bgr, frame = _frame()
    small = frame.bgra(384, 216)
    assert small.shape == (216, 384, 4)
    reference = cv2.resize(bgr, (384, 216), interpolation=cv2.INTER_AREA)
    assert np.abs(small[:, :, :3].astype(int) - reference.astype(int)).mean() < 6


def test_crop_is_the_zoomed_part():
    bgr, frame = _frame()
    zoomed = frame.bgr(320, 180, Crop(0.5, 0.5, 1.0, 1.0))
    assert np.abs(zoomed.astype(int) - bgr[180:, 320:].astype(int)).mean() < 6


def test_gray_is_the_luma_plane_and_odd_sizes_are_made_even():
    _, frame = _frame(321, 181)
    assert frame.size == (320, 180)
    assert frame.gray().shape == (180, 320) and frame.gray().flags["C_CONTIGUOUS"]


def test_fit_size_keeps_aspect_and_evenness():
    assert fit_size(640, 360, 384, 216) == (384, 216)
    assert fit_size(640, 360, 300, 300) == (300, 168)
    assert fit_size(640, 360, 1, 1) == (0, 0)


def test_presets_have_the_expected_tiles():
    assert {name: layout.tile_count for name, layout in PRESETS.items()} == {
        "1": 1,
        "4": 4,
        "9": 9,
        "16": 16,
        "25": 25,
        "1+5": 6,
        "1+7": 8,
    }
    assert big_plus_small(7).cells[0] == Cell(0, 0, 3, 3)
    assert custom_layout(3, 4, 2).tile_count == 9


def test_overlapping_cells_are_refused():
    with pytest.raises(ValueError, match="重叠"):
        WallLayout("bad", 2, 2, (Cell(0, 0, 2, 2), Cell(1, 1)))
    with pytest.raises(ValueError, match="超出"):
        WallLayout("bad", 2, 2, (Cell(1, 1, 2, 1),))


def test_layouts_are_saved_by_name(db):
    store = LayoutStore(db)
    layout = custom_layout(3, 4, 2).with_cameras([5, None, 7], "东门值守")
    store.save(layout)
    store.save(layout.with_cameras([8], "东门值守"))  # saving again replaces
    assert store.names() == ["东门值守"]
    loaded = store.load("东门值守")
    assert (loaded.rows, loaded.cols, loaded.cells, loaded.cameras) == (3, 4, layout.cells, (8,))
    store.delete("东门值守")
    assert store.names() == []
    with pytest.raises(KeyError):
        store.load("东门值守")


@pytest.mark.parametrize(
    ("error", "reason", "permanent"),
    [
        (TimeoutError("timed out reading http://127.0.0.1:40419/video.mjpg"), "连接超时 (timed out)", False),
        (OSError("read failed on rtsp://10.0.0.8:554/Channels/404"), "读取失败", False),
        (OSError("Server returned 404 Not Found"), "地址不存在 (404 not found)", True),
        (OSError("HTTP error 401 Unauthorized"), "用户名或密码错误 (unauthorized)", True),
    ],
)
def test_a_status_code_is_read_from_the_words_never_from_the_address(error, reason, permanent):
    """A camera on port 40419, or a path ending in 404, that times out is reconnected, not given up."""
    from video.opening import describe_failure

    failure = describe_failure(error, "http://127.0.0.1:40419/video.mjpg")
    assert str(failure).startswith(reason) and failure.permanent is permanent
