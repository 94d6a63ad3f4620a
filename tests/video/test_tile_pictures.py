"""Tile-size pictures: libyuv and OpenCV agree, and a display sink never rewrites what its view holds."""

from __future__ import annotations

import av
import cv2
import numpy as np
import pytest

from video.capture import CaptureWorker
from video.frames import Crop, DecodedFrame
from video.yuv import PackedI420, libyuv_available


def _street(width: int = 640, height: int = 360) -> DecodedFrame:
    rng = np.random.default_rng(7)
    bgr = cv2.GaussianBlur(rng.integers(0, 255, (height, width, 3), dtype=np.uint8), (9, 9), 3)
    bgr[: height // 3] = (235, 160, 60)  # a blue sky (BGR) to catch a channel swap
    return DecodedFrame.from_av(av.VideoFrame.from_ndarray(bgr, format="bgr24").reformat(format="yuv420p"), 1)


def _tile_picture(frame: DecodedFrame, planes: PackedI420) -> np.ndarray:
    planes.scale_from(*frame.planes())
    return planes.to_bgra(np.empty((planes.height, planes.width, 4), np.uint8))


def _solid(bgr: tuple[int, int, int]) -> av.VideoFrame:
    picture = np.empty((180, 320, 3), np.uint8)
    picture[:] = bgr
    return av.VideoFrame.from_ndarray(picture, format="bgr24").reformat(format="yuv420p")


@pytest.mark.skipif(not libyuv_available(), reason="libyuv (Debian libyuv0) is not installed")
def test_libyuv_and_opencv_convert_to_the_same_bgra():
    frame = _street()
    a, b = (
        _tile_picture(frame, PackedI420(380, 214, use_libyuv)).astype(int) for use_libyuv in (True, False)
    )
    # libyuv averages boxes where OpenCV interpolates: the same picture, a little smoother
    assert np.abs(a - b)[..., :3].mean() < 2
    assert (a[..., 3] == 255).all()


def test_tile_picture_is_bgra_in_the_frames_colours():
    frame = _street()
    picture = _tile_picture(frame, PackedI420(380, 214))
    sky = picture[10:60, :, :3].reshape(-1, 3).mean(axis=0)
    assert np.allclose(sky, (235, 160, 60), atol=6)  # blue first: the byte order Qt's RGB32 reads
    assert np.abs(picture[..., :3].astype(int) - frame.bgr(380, 214).astype(int)).mean() < 1


def test_converter_refuses_a_buffer_of_the_wrong_size():
    picture = PackedI420(381, 215)
    assert picture.size == (380, 214)  # I420 needs even sizes
    with pytest.raises(ValueError):
        picture.to_bgra(np.zeros((214, 382, 4), np.uint8))


def test_display_sink_never_rewrites_the_picture_its_view_holds():
    worker = CaptureWorker("/nonexistent.mp4")  # not started: frames are published by hand
    sink = worker.open_display(160, 90)
    worker._publish(_solid((0, 0, 255)))
    _, shown, _ = sink.take()
    red = shown.buffer.copy()
    buffers = {id(shown)}
    for colour in ((0, 255, 0), (255, 0, 0), (255, 255, 255), (0, 255, 255)):  # none of them taken
        worker._publish(_solid(colour))
        buffers.add(id(sink._picture))
    assert np.array_equal(shown.buffer, red)  # what the view holds stayed as it was
    assert len(buffers) <= 3  # a ring of reused buffers, no allocation per frame
    seq, newest, _ = sink.take()
    newest_bgra = newest.to_bgra(np.empty((newest.height, newest.width, 4), np.uint8))
    assert seq == 5 and np.allclose(newest_bgra[40, 80, :3], (0, 255, 255), atol=4)
    assert sink.dropped == 3  # published while the previous one was still waiting


@pytest.mark.skipif(not libyuv_available(), reason="libyuv (Debian libyuv0) is not installed")
@pytest.mark.parametrize(
    "crop",
    [Crop(), Crop(0.25, 0.1, 0.75, 0.6), Crop(0.999, 0.999, 1.0, 1.0), Crop(1.0, 1.0, 1.0, 1.0)],
    ids=["whole", "zoomed", "corner", "past the edge"],
)
def test_scaling_from_the_decoders_buffer_matches_scaling_its_numpy_views(crop):
    frame = _street()
    from_views, from_buffer = PackedI420(190, 106), PackedI420(190, 106)
    from_views.scale_from(*frame.planes(crop))
    planes, width, height = frame.plane_region(crop)
    assert (width, height) == (frame.planes(crop)[0].shape[1], frame.planes(crop)[0].shape[0])
    from_buffer.scale_from_region(planes, width, height)
    assert np.array_equal(from_views.buffer, from_buffer.buffer)
