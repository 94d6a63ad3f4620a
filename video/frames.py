"""A decoded picture kept as its YUV 4:2:0 planes, converted to colour only at the size it is shown.

Converting a whole 640x360 frame to BGR costs more than decoding it; scaling the planes to the tile
first and converting the small result is the cheap path (see ARCHITECTURE.md, "Measured"). The wall
scales every shown frame into reused `PackedI420` pictures (no allocation per frame) and converts
them to colour only where it draws them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property

import av
import cv2
import numpy as np

from video.yuv import PackedI420

_YUV420 = ("yuv420p", "yuvj420p")


@dataclass(frozen=True)
class Crop:
    """A part of the picture as fractions of its width and height (digital zoom)."""

    left: float = 0.0
    top: float = 0.0
    right: float = 1.0
    bottom: float = 1.0

    @property
    def is_full(self) -> bool:
        return self is FULL or self == FULL

    def clamped(self) -> Crop:
        left, right = sorted((min(max(self.left, 0.0), 1.0), min(max(self.right, 0.0), 1.0)))
        top, bottom = sorted((min(max(self.top, 0.0), 1.0), min(max(self.bottom, 0.0), 1.0)))
        return Crop(left, top, max(right, left + 0.01), max(bottom, top + 0.01))


FULL = Crop()


def fit_size(frame_w: int, frame_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """The largest even size with the frame's aspect ratio that fits the box (never upscaled past 2x)."""
    if frame_w <= 0 or frame_h <= 0 or box_w < 2 or box_h < 2:
        return 0, 0
    scale = min(box_w / frame_w, box_h / frame_h, 2.0)
    return max(2, int(frame_w * scale) & ~1), max(2, int(frame_h * scale) & ~1)


@dataclass(frozen=True, eq=False)
class DecodedFrame:
    """One frame, left in the decoder's buffer (`source` keeps it alive).

    Every shown frame passes through here, so the numpy views of its planes (`y`, `u`, `v`) are made
    only when something asks for them; the wall scales straight from the planes' addresses.
    """

    seq: int
    source: av.VideoFrame  # yuv420p of even size
    width: int
    height: int
    captured_at: float = field(default_factory=time.time)  # wall clock, for "last frame" times

    @classmethod
    def from_av(cls, frame: av.VideoFrame, seq: int) -> DecodedFrame:
        if frame.format.name not in _YUV420 or frame.width % 2 or frame.height % 2:
            frame = frame.reformat(width=frame.width & ~1, height=frame.height & ~1, format="yuv420p")
        return cls(seq, frame, frame.width, frame.height)

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    @cached_property
    def _views(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        w, h = self.width, self.height
        return tuple(
            np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)[:ph, :pw]
            for plane, (pw, ph) in zip(
                self.source.planes, ((w, h), (w // 2, h // 2), (w // 2, h // 2)), strict=True
            )
        )

    @property
    def y(self) -> np.ndarray:
        return self._views[0]

    @property
    def u(self) -> np.ndarray:
        return self._views[1]

    @property
    def v(self) -> np.ndarray:
        return self._views[2]

    def plane_region(self, crop: Crop = FULL) -> tuple[tuple[int, ...], int, int]:
        """((Y address, stride, U address, stride, V address, stride), width, height) of the whole
        picture or of `crop`, for native code that reads the planes where the decoder left them."""
        y, u, v = self.source.planes
        if crop.is_full:
            return (y.buffer_ptr, y.line_size, u.buffer_ptr, u.line_size, v.buffer_ptr, v.line_size), *self.size
        x0, y0, x1, y1 = self._chroma_box(crop)
        return (
            (
                y.buffer_ptr + 2 * y0 * y.line_size + 2 * x0,
                y.line_size,
                u.buffer_ptr + y0 * u.line_size + x0,
                u.line_size,
                v.buffer_ptr + y0 * v.line_size + x0,
                v.line_size,
            ),
            2 * (x1 - x0),
            2 * (y1 - y0),
        )

    def gray(self) -> np.ndarray:
        """The luma plane as a contiguous copy: what motion detection needs, at no conversion cost."""
        return np.ascontiguousarray(self.y)

    def bgr(self, width: int | None = None, height: int | None = None, crop: Crop = FULL) -> np.ndarray:
        """The picture in BGR (what OpenCV and the detectors expect), at full or the given size."""
        return self._convert(width or self.width, height or self.height, crop, cv2.COLOR_YUV2BGR_I420)

    def bgra(self, width: int, height: int, crop: Crop = FULL) -> np.ndarray:
        """The picture as 32-bit BGRA: Qt's native RGB32 layout, drawn without another conversion."""
        i420 = PackedI420(width, height)
        i420.scale_from(*self.planes(crop))
        return i420.to_bgra(np.empty((i420.height, i420.width, 4), np.uint8))

    def _convert(self, width: int, height: int, crop: Crop, code: int) -> np.ndarray:
        i420 = PackedI420(width, height)
        i420.scale_from(*self.planes(crop))
        return cv2.cvtColor(i420.buffer, code)

    def planes(self, crop: Crop = FULL) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The Y, U, V planes of the whole picture or of `crop` (views, no copy)."""
        if crop.is_full:
            return self.y, self.u, self.v
        x0, y0, x1, y1 = self._chroma_box(crop)
        return self.y[2 * y0 : 2 * y1, 2 * x0 : 2 * x1], self.u[y0:y1, x0:x1], self.v[y0:y1, x0:x1]

    def _chroma_box(self, crop: Crop) -> tuple[int, int, int, int]:
        """`crop` in whole chroma samples (left, top, right, bottom), at least one sample wide and high."""
        crop = crop.clamped()
        cw, ch = self.width // 2, self.height // 2
        x0, y0 = min(int(crop.left * cw), cw - 1), min(int(crop.top * ch), ch - 1)
        x1, y1 = min(max(int(crop.right * cw), x0 + 1), cw), min(max(int(crop.bottom * ch), y0 + 1), ch)
        return x0, y0, x1, y1
