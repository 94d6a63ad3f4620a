"""Tile pictures written straight into the painter's pixels: exactly what drawImage would show, or nothing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from video.yuv import PackedI420, libyuv_available
from widgets.wall import tile as tile_module
from widgets.wall.in_place import write_in_place

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not libyuv_available(), reason="libyuv (Debian libyuv0) is not installed"),
]


def _picture(width: int = 64, height: int = 36) -> PackedI420:
    picture = PackedI420(width, height)
    rng = np.random.default_rng(3)
    picture.buffer[:] = rng.integers(16, 235, picture.buffer.shape, dtype=np.uint8)
    return picture


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    view = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return view[:, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def _canvas(image_format=QImage.Format.Format_RGB32) -> QImage:
    image = QImage(200, 100, image_format)
    image.fill(QColor("black"))
    return image


@pytest.mark.parametrize(
    "image_format", [QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32_Premultiplied]
)
def test_written_picture_matches_drawimage_pixel_for_pixel(image_format):
    picture = _picture()
    bgra = picture.to_bgra(np.empty((36, 64, 4), np.uint8))
    drawn, written = _canvas(image_format), _canvas(image_format)
    for target, direct in ((drawn, False), (written, True)):
        painter = QPainter(target)
        painter.translate(10, 5)  # as a tile's painter is moved to the tile's place in the window
        if direct:
            assert write_in_place(painter, picture, 3, 4)
        else:
            painter.drawImage(3, 4, QImage(bgra.data, 64, 36, 64 * 4, QImage.Format.Format_RGB32))
        painter.end()
    assert np.array_equal(_pixels(written), _pixels(drawn))
    assert _pixels(written)[9:45, 13:77, :3].any() and not _pixels(written)[:9, :, :3].any()


@pytest.mark.parametrize(
    "prepare",
    [
        lambda painter: painter.scale(2, 2),  # a scaled painter: drawImage would scale
        lambda painter: painter.translate(0.5, 0),  # between pixels: drawImage would interpolate
        lambda painter: painter.setClipRect(QRect(0, 0, 20, 20)),  # clipped: only part may be drawn
        lambda painter: painter.translate(180, 0),  # the picture would reach past the image
    ],
    ids=["scaled", "fractional", "clipped", "outside"],
)
def test_nothing_is_written_where_drawimage_would_not_draw_it_as_is(prepare):
    canvas = _canvas()
    painter = QPainter(canvas)
    prepare(painter)
    assert not write_in_place(painter, _picture(), 0, 0)
    painter.end()
    assert not _pixels(canvas)[..., :3].any()


def test_nothing_is_written_into_a_format_of_other_pixels():
    canvas = _canvas(QImage.Format.Format_RGB16)
    painter = QPainter(canvas)
    assert not write_in_place(painter, _picture(), 0, 0)
    painter.end()


def test_nothing_is_written_without_libyuv():
    canvas = _canvas()
    painter = QPainter(canvas)
    assert not write_in_place(painter, PackedI420(64, 36, use_libyuv=False), 0, 0)
    painter.end()


def test_a_live_tile_looks_the_same_written_in_place_or_blitted(qtbot, pool, make_camera, monkeypatch):
    from tests.widgets.wall.test_tile_and_wall import _wall

    wall = _wall(qtbot, pool, [make_camera(1)], layout="1", size=(400, 240))
    tile = wall.tiles[0]
    qtbot.waitUntil(lambda: tile.frames_shown >= 3, timeout=10000)
    wall.frame_clock._timer.stop()  # hold the picture still while it is drawn both ways
    results = []

    def recorded(*args) -> bool:
        results.append(write_in_place(*args))
        return results[-1]

    monkeypatch.setattr(tile_module, "write_in_place", recorded)
    written = tile.grab().toImage()
    assert results == [True]  # grab() paints into an image the picture can be written into
    monkeypatch.setattr(tile_module, "write_in_place", lambda *args: results.append(False) or False)
    blitted = tile.grab().toImage()
    assert results == [True, False]  # this time it fell back to blitting the colour copy
    assert np.array_equal(_pixels(written), _pixels(blitted))
    assert _pixels(written)[..., :3].mean() > 20  # a real picture, not a black tile
