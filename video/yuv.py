"""I420 → 32-bit BGRA (Qt's RGB32 layout) with libyuv's SIMD code when the system has it, else OpenCV.

The wall converts every shown frame at tile size; on this kind of machine libyuv's `I420ToARGB` does
that in about 40% of the time OpenCV's `cvtColor` takes. Both use the BT.601 limited-range matrix, so
a picture looks the same whichever converts it (they differ by at most a few levels from rounding).
libyuv is the Debian package libyuv0; without it the OpenCV path is used and only costs more CPU.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

import cv2
import numpy as np

log = logging.getLogger(__name__)


def _load_libyuv() -> ctypes.CDLL | None:
    for name in ("libyuv.so.0", ctypes.util.find_library("yuv")):
        if not name:
            continue
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        pointer, integer = ctypes.c_void_p, ctypes.c_int
        convert = lib.I420ToARGB  # libyuv's "ARGB" is B, G, R, A in memory: Qt's RGB32 on little-endian
        convert.argtypes = [
            pointer,
            integer,
            pointer,
            integer,
            pointer,
            integer,
            pointer,
            integer,
            integer,
            integer,
        ]
        convert.restype = integer
        return lib
    log.info("libyuv not found: converting pictures with OpenCV")
    return None


_LIBYUV = _load_libyuv()


class I420ToBgra:
    """Converts one packed I420 buffer (height * 3/2 rows of `width`) into BGRA arrays of its size.

    The buffer is fixed when this is made (its plane addresses are looked up once); fill it, then call.
    """

    def __init__(self, i420: np.ndarray, use_libyuv: bool = True) -> None:
        rows, width = i420.shape
        height = rows * 2 // 3
        if not (i420.flags["C_CONTIGUOUS"] and i420.dtype == np.uint8 and width % 2 == 0 and height % 2 == 0):
            raise ValueError(f"not a packed even-sized I420 buffer: {i420.shape} {i420.dtype}")
        self.i420 = i420
        self.width, self.height = width, height
        self._lib = _LIBYUV if use_libyuv else None
        base = i420.ctypes.data
        luma, chroma = width * height, (width // 2) * (height // 2)
        self._planes = (base, width, base + luma, width // 2, base + luma + chroma, width // 2)

    @property
    def uses_libyuv(self) -> bool:
        return self._lib is not None

    def __call__(self, out: np.ndarray, out_address: int | None = None) -> np.ndarray:
        """Convert the buffer's picture into `out` (height x width x 4, uint8, C-contiguous); returns it.

        `out_address` is `out.ctypes.data` for a buffer that is reused: looking it up costs more
        than the rest of the Python work of a conversion.
        """
        if out.shape != (self.height, self.width, 4) or out.dtype != np.uint8 or not out.flags.c_contiguous:
            raise ValueError(f"BGRA buffer of shape {out.shape} does not fit {self.width}x{self.height}")
        if self._lib is None:
            cv2.cvtColor(self.i420, cv2.COLOR_YUV2BGRA_I420, dst=out)
        else:
            address = out.ctypes.data if out_address is None else out_address
            self._lib.I420ToARGB(*self._planes, address, self.width * 4, self.width, self.height)
        return out


def libyuv_available() -> bool:
    return _LIBYUV is not None
