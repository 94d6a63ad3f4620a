"""The wall's own tile scaler (video/_bilinear.c): built with the project, bilinear within rounding of
an exact floating-point reference, the same pictures as libyuv's bilinear filter where the wall uses
it, and the same from the shuffle path and the plain C path."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from video.yuv import (
    PackedI420,
    bilinear_fits,
    bilinear_scaler_available,
    libyuv_available,
    libyuv_bilinear,
)

pytestmark = pytest.mark.skipif(not libyuv_available(), reason="libyuv (Debian libyuv0) is not installed")


def _bilinear():
    from video import _bilinear

    return _bilinear


def _scene(width: int, height: int, seed: int = 3) -> PackedI420:
    """A picture with edges and fine texture: what smooth test patterns would not catch."""
    picture = PackedI420(width, height)
    rng = np.random.default_rng(seed)
    picture.buffer[:] = cv2.GaussianBlur(
        rng.integers(0, 256, picture.buffer.shape, dtype=np.uint8), (3, 3), 0.8
    )
    picture.y[:, : width // 3] = 235  # a hard edge in luma
    return picture


def _libyuv_bilinear(source: PackedI420, width: int, height: int) -> PackedI420:
    out = PackedI420(width, height)
    libyuv_bilinear(source, out)
    return out


def _reference(plane: np.ndarray, width: int, height: int) -> np.ndarray:
    """Bilinear interpolation in floating point, pixel centres aligned, edges clamped."""
    rows, cols = plane.shape
    xs = np.clip((np.arange(width) + 0.5) * cols / width - 0.5, 0, cols - 1)
    ys = np.clip((np.arange(height) + 0.5) * rows / height - 0.5, 0, rows - 1)
    x0, y0 = np.floor(xs).astype(int), np.floor(ys).astype(int)
    x1, y1 = np.minimum(x0 + 1, cols - 1), np.minimum(y0 + 1, rows - 1)
    fx, fy = xs - x0, (ys - y0)[:, None]
    p = plane.astype(float)
    top = p[y0][:, x0] * (1 - fx) + p[y0][:, x1] * fx
    bottom = p[y1][:, x0] * (1 - fx) + p[y1][:, x1] * fx
    return top * (1 - fy) + bottom * fy


def _ours(source: PackedI420, width: int, height: int, shuffle: bool = True) -> PackedI420:
    out = PackedI420(width, height)
    _bilinear().i420_scale(*source._planes, *source.size, *out._planes, width, height, int(shuffle))
    return out


def test_the_scaler_is_built_with_the_project():
    assert (
        bilinear_scaler_available()
    )  # `pip install` (.ci/install) compiles it; without it the wall costs ~15% more


def test_a_sub_stream_frame_scales_to_a_tile_as_libyuv_scales_it():
    source = _scene(640, 360)
    ours, theirs = _ours(source, 376, 212), _libyuv_bilinear(source, 376, 212)
    difference = np.abs(ours.buffer.astype(int) - theirs.buffer.astype(int))
    assert difference.max() <= 1 and difference.mean() < 0.1


@settings(max_examples=60, deadline=None)
@given(
    source=st.tuples(st.integers(2, 400), st.integers(2, 240)),
    shrink=st.tuples(st.floats(0.5, 1.0), st.floats(0.5, 1.0)),
)
def test_any_size_it_takes_is_bilinear_and_both_paths_agree(source, shrink):
    sw, sh = source[0] * 2, source[1] * 2
    half_up = lambda size: (size // 2 + 1) & ~1  # noqa: E731 - the smallest even size it may shrink to
    tw, th = max(int(sw * shrink[0]) & ~1, half_up(sw)), max(int(sh * shrink[1]) & ~1, half_up(sh))
    picture = _scene(sw, sh)
    shuffled, plain = _ours(picture, tw, th, True), _ours(picture, tw, th, False)
    assert np.array_equal(shuffled.buffer, plain.buffer)
    for name in ("y", "u", "v"):
        exact = _reference(getattr(picture, name), *getattr(shuffled, name).shape[::-1])
        # positions in 128ths of a pixel (as libyuv's) put a 235-level edge up to ~1 level off per
        # direction, plus rounding: a wrong position or weight is tens of levels off
        assert np.abs(getattr(shuffled, name) - exact).max() < 3


def test_it_reads_a_decoders_padded_rows_and_a_cropped_region():
    wide = _scene(704, 360)  # rows of 704 bytes, of which a 640-wide region from x=32 is the picture
    region = PackedI420(640, 360)
    for target, source in (
        (region.y, wide.y[:, 32:672]),
        (region.u, wide.u[:, 16:336]),
        (region.v, wide.v[:, 16:336]),
    ):
        target[:] = source
    strided = PackedI420(376, 212)
    y, u, v = wide._planes[0] + 32, wide._planes[2] + 16, wide._planes[4] + 16
    _bilinear().i420_scale(y, 704, u, 352, v, 352, 640, 360, *strided._planes, 376, 212)
    assert np.array_equal(strided.buffer, _ours(region, 376, 212).buffer)


@pytest.mark.parametrize(
    ("source", "target"),
    [((640, 360), (318, 212)), ((640, 360), (376, 178)), ((641, 360), (376, 212))],
    ids=["more than half across", "more than half down", "odd width"],
)
def test_sizes_it_cannot_take_are_refused_in_words(source, target):
    picture = np.zeros(source[0] * source[1] * 2, np.uint8)
    address = picture.ctypes.data
    with pytest.raises(ValueError, match="cannot scale"):
        _bilinear().i420_scale(
            address,
            source[0],
            address,
            source[0],
            address,
            source[0],
            *source,
            address,
            target[0],
            address,
            target[0],
            address,
            target[0],
            *target,
        )


def test_packed_pictures_use_it_where_it_fits_and_libyuv_elsewhere():
    source = _scene(640, 360)
    tile = PackedI420(376, 212)
    tile.scale_from(source.y, source.u, source.v)
    assert bilinear_fits((640, 360), (376, 212))
    assert np.array_equal(tile.buffer, _ours(source, 376, 212).buffer)
    for target in ((320, 180), (160, 90), (1280, 720)):  # exact half, area averaging, enlarging
        assert not bilinear_fits((640, 360), target)
        picture = PackedI420(*target)
        picture.scale_from(source.y, source.u, source.v)  # libyuv's box filter, as before
        assert picture.y.mean() == pytest.approx(source.y.mean(), abs=2)
