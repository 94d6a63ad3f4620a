"""I420 pictures at display size: scale the planes, then convert to 32-bit BGRA (Qt's RGB32 layout).

The wall does this for every shown frame, so it is done in native code, each call releasing the GIL
once. Shrinking by up to half (a 640x360 sub-stream into a tile) goes through the project's own
bilinear scaler (`video/_bilinear.c`, built with the project): about 4x faster than libyuv's general
filter for the same pixels (within one level), which on the 21-stream wall was ~15% of all CPU.
Everything else (shrinking more, where area averaging is needed; exact halves; enlarging) and the
conversion to BGRA go through libyuv when the system has it (Debian: libyuv0). Without libyuv
OpenCV does the same work: bilinear scaling (area averaging when shrinking more than 2x) and the same
BT.601 limited-range matrix, so a picture looks the same either way (within a few levels). Sampling
chroma nearest-neighbour would save about 5% of the wall's CPU but loses the colour of small details
(lit windows, a red coat far away), so every plane is filtered.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

import cv2
import numpy as np

try:  # built by `pip install` (setup.py); a source tree that was never built scales with libyuv only
    from video import _bilinear
except ImportError:
    _bilinear = None

log = logging.getLogger(__name__)

_FILTER_BILINEAR = 2  # libyuv FilterMode kFilterBilinear
_FILTER_BOX = 3  # libyuv FilterMode kFilterBox: area averaging down, bilinear up


def _load_libyuv() -> ctypes.CDLL | None:
    for name in ("libyuv.so.0", ctypes.util.find_library("yuv")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        pointer, integer = ctypes.c_void_p, ctypes.c_int
        plane = [pointer, integer]
        lib.I420Scale.argtypes = [*plane * 3, integer, integer, *plane * 3, integer, integer, integer]
        lib.I420Scale.restype = integer
        # libyuv's "ARGB" is B, G, R, A in memory: Qt's RGB32 on little-endian machines
        lib.I420ToARGB.argtypes = [*plane * 4, integer, integer]
        lib.I420ToARGB.restype = integer
        return lib
    log.info("libyuv not found: scaling and converting pictures with OpenCV")
    return None


_LIBYUV = _load_libyuv()


def libyuv_available() -> bool:
    return _LIBYUV is not None


def bilinear_scaler_available() -> bool:
    return _bilinear is not None


def bilinear_fits(source: tuple[int, int], target: tuple[int, int]) -> bool:
    """Whether the project's scaler takes this size change: even sizes, shrinking by at most half in
    each direction, but not exactly half (libyuv's 2:1 box filter is faster still)."""
    (sw, sh), (tw, th) = source, target
    even = not (sw | sh | tw | th) & 1
    shrinking = tw < sw and th <= sh and 2 * tw >= sw and 2 * th >= sh
    return even and shrinking and (2 * tw, 2 * th) != (sw, sh)


def libyuv_bilinear(source: PackedI420, target: PackedI420) -> None:
    """Scale `source` into `target` with libyuv's bilinear filter whatever the sizes: what the project's
    scaler replaces, and what it is tested and measured against. Needs libyuv."""
    if _LIBYUV is None:
        raise RuntimeError("libyuv is not installed")
    _LIBYUV.I420Scale(*source._planes, *source.size, *target._planes, *target.size, _FILTER_BILINEAR)


def _address(plane: np.ndarray) -> int:
    return plane.__array_interface__["data"][0]


class PackedI420:
    """One I420 picture of a fixed even size in one buffer: its planes are filled by scaling, then converted.

    Not thread-safe; its buffer and plane addresses are fixed for its life.
    """

    def __init__(self, width: int, height: int, use_libyuv: bool = True) -> None:
        width, height = max(2, width & ~1), max(2, height & ~1)
        self.size = self.width, self.height = width, height
        self.buffer = np.empty((height * 3 // 2, width), np.uint8)
        flat = self.buffer.reshape(-1)
        luma, chroma = width * height, (width // 2) * (height // 2)
        self.y = flat[:luma].reshape(height, width)
        self.u = flat[luma : luma + chroma].reshape(height // 2, width // 2)
        self.v = flat[luma + chroma :].reshape(height // 2, width // 2)
        self._lib = _LIBYUV if use_libyuv else None
        base = self.buffer.ctypes.data
        self._planes = (base, width, base + luma, width // 2, base + luma + chroma, width // 2)

    @property
    def uses_libyuv(self) -> bool:
        return self._lib is not None

    def scale_from(self, y: np.ndarray, u: np.ndarray, v: np.ndarray) -> None:
        """Fill the planes from source planes of any size (views with row strides are fine)."""
        if self._lib is None:
            for source, target in ((y, self.y), (u, self.u), (v, self.v)):
                _resize(source, target)
            return
        if y.strides[1] != 1 or u.strides[1] != 1 or v.strides[1] != 1:
            raise ValueError("source planes must have contiguous rows")
        planes = (_address(y), y.strides[0], _address(u), u.strides[0], _address(v), v.strides[0])
        self.scale_from_region(planes, y.shape[1], y.shape[0])

    def scale_from_region(self, planes: tuple[int, ...], width: int, height: int) -> None:
        """Fill the planes from a picture in memory numpy does not own (a decoder's buffer): `planes`
        is (Y address, stride, U address, stride, V address, stride) of a `width` x `height` picture.
        Needs libyuv (see `uses_libyuv`)."""
        if self._lib is None:
            raise RuntimeError("scaling from foreign memory needs libyuv")
        if _bilinear is not None and bilinear_fits((width, height), self.size):
            _bilinear.i420_scale(*planes, width, height, *self._planes, self.width, self.height)
        else:
            self._lib.I420Scale(*planes, width, height, *self._planes, self.width, self.height, _FILTER_BOX)

    def to_bgra(self, out: np.ndarray) -> np.ndarray:
        """Convert into `out` (height x width x 4, uint8, C-contiguous) and return it."""
        if out.shape != (self.height, self.width, 4) or out.dtype != np.uint8 or not out.flags.c_contiguous:
            raise ValueError(f"BGRA buffer of shape {out.shape} does not fit {self.width}x{self.height}")
        if self._lib is None:
            cv2.cvtColor(self.buffer, cv2.COLOR_YUV2BGRA_I420, dst=out)
        else:
            self.to_bgra_at(out.ctypes.data, self.width * 4)
        return out

    def to_bgra_at(self, address: int, stride: int) -> None:
        """Convert into memory numpy does not own (a QImage's pixels): `address` is where the top-left
        pixel goes, `stride` the bytes from one row to the next. Needs libyuv (see `uses_libyuv`)."""
        if self._lib is None:
            raise RuntimeError("converting into foreign memory needs libyuv")
        if stride < self.width * 4:
            raise ValueError(f"a stride of {stride} bytes cannot hold {self.width} BGRA pixels")
        self._lib.I420ToARGB(*self._planes, address, stride, self.width, self.height)


def _resize(plane: np.ndarray, out: np.ndarray) -> None:
    """Scale one plane into `out`; area averaging when shrinking a lot, so small tiles do not shimmer."""
    if plane.shape == out.shape:
        out[:] = plane
        return
    shrink = plane.shape[1] / out.shape[1]
    interpolation = cv2.INTER_AREA if shrink > 2.0 else cv2.INTER_LINEAR
    cv2.resize(plane, (out.shape[1], out.shape[0]), dst=out, interpolation=interpolation)
