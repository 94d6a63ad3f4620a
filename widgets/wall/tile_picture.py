"""Where a tile's picture goes and how it reaches the screen in colour: its centred placement, the
letterbox bars around it, and the tile-owned colour copy drawn where the picture cannot be written in place."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from video.yuv import PackedI420


@dataclass(frozen=True)
class Placement:
    """The picture's place in a tile: where to blit it, the rectangle it covers and the bars around it."""

    key: tuple[tuple[int, int], tuple[int, int]]  # (picture size, tile size)
    exact: bool  # drawn unscaled at (x, y)
    x: int
    y: int
    target: QRectF
    bars: tuple[QRectF, ...]

    @classmethod
    def centred(cls, picture: tuple[int, int], tile: tuple[int, int]) -> Placement:
        (pw, ph), (tw, th) = picture, tile
        scale = min(tw / pw, th / ph) if pw and ph else 1.0
        if 1.0 <= scale < 1.02:  # the worker scaled it to this tile (within rounding): no scaling here
            x, y = (tw - pw) // 2, (th - ph) // 2
            target = QRectF(x, y, pw, ph)
            exact = True
        else:
            x = y = 0
            w, h = pw * scale, ph * scale
            target = QRectF((tw - w) / 2, (th - h) / 2, w, h)
            exact = False
        return cls((picture, tile), exact, x, y, target, _uncovered(QRectF(0, 0, tw, th), target))


def _uncovered(rect: QRectF, picture: QRectF) -> tuple[QRectF, ...]:
    """The parts of `rect` outside `picture` (the letterbox bars), as up to four rectangles."""
    bars = (
        QRectF(rect.left(), rect.top(), rect.width(), picture.top() - rect.top()),
        QRectF(rect.left(), picture.bottom(), rect.width(), rect.bottom() - picture.bottom()),
        QRectF(rect.left(), picture.top(), picture.left() - rect.left(), picture.height()),
        QRectF(picture.right(), picture.top(), rect.right() - picture.right(), picture.height()),
    )
    return tuple(bar for bar in bars if bar.width() > 0 and bar.height() > 0)


@dataclass
class ColourCopy:
    """A tile-owned BGRA copy of one picture and a QImage over its memory."""

    pixels: np.ndarray
    image: QImage
    picture: PackedI420 | None = None  # the picture it holds, and its seq
    seq: int = -1

    @classmethod
    def of_size(cls, width: int, height: int) -> ColourCopy:
        pixels = np.empty((height, width, 4), np.uint8)
        return cls(pixels, QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32))


class TilePicture:
    """The `Tile`'s picture drawing (placement, colour copy, grey when stale, the zoomed frame's rectangle)."""

    def _placement(self) -> Placement:
        """Where the picture goes in the tile (centred), computed once per picture and tile size."""
        key = (self._image_size, self._size)
        if self._place is None or self._place.key != key:
            self._place = Placement.centred(*key)
        return self._place

    def _draw_picture(self, painter: QPainter, place: Placement, stale: bool) -> None:
        """Draw the picture from a colour copy: scaled, greyed, or onto a device it cannot be written into."""
        image = self._colour_image()
        if stale:
            if self._grey is None:
                self._grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
            image = self._grey
        if place.exact:  # the worker already scaled it to the tile: a plain blit at whole pixels
            painter.drawImage(place.x, place.y, image)
        else:  # the tile changed size since the picture was made, or the source is smaller than the tile
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(place.target, image)
        if stale:
            painter.fillRect(place.target, QColor(0, 0, 0, 90))

    def _colour_image(self) -> QImage:
        """The current picture in colour, converted at most once per picture."""
        picture = self._picture
        assert picture is not None
        copy = self._colour
        if copy is None or copy.pixels.shape[:2] != (picture.height, picture.width):
            copy = self._colour = ColourCopy.of_size(picture.width, picture.height)
        if copy.picture is not picture or copy.seq != self._seq:
            picture.to_bgra(copy.pixels)
            copy.picture, copy.seq = picture, self._seq
        return copy.image

    def _full_frame_rect(self, picture_rect: QRectF) -> QRectF:
        """Where the whole frame would lie if the zoomed part fills `picture_rect`."""
        crop = self._crop.clamped()
        sx = picture_rect.width() / (crop.right - crop.left)
        sy = picture_rect.height() / (crop.bottom - crop.top)
        return QRectF(picture_rect.x() - crop.left * sx, picture_rect.y() - crop.top * sy, sx, sy)
