"""Scaling one decoded frame to a wall tile: the project's bilinear scaler against libyuv's.

Prints one JSON object: microseconds per 640x360 → 376x212 I420 frame (a sub-stream into a 5x5 tile
at 1920x1080) and 640x360 → 478x268 (a 4x4 tile), for `video/_bilinear.c` and for libyuv's bilinear
filter (the baseline, what the wall used before), measured in this run on one thread, with the
speed-up and the largest difference between their pictures.

    .venv/bin/python benchmarks/tile_scale.py [--repeat 3000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _figures import figure, print_figures  # noqa: E402

from video.yuv import PackedI420, bilinear_scaler_available, libyuv_bilinear  # noqa: E402


def street_picture(width: int, height: int) -> PackedI420:
    """A decoded demo scene frame: real edges and texture, not noise."""
    import av

    from video.demo_scenes import StreetScene
    from video.frames import DecodedFrame
    from video.sources import DemoScene

    frame = av.VideoFrame.from_ndarray(StreetScene(DemoScene(1, width, height)).draw(40), format="bgr24")
    picture = PackedI420(width, height)
    picture.scale_from(*DecodedFrame.from_av(frame, 1).planes())  # same size: a copy of the planes
    return picture


def per_call_us(call, repeat: int) -> float:
    call()
    start = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - start) / repeat * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3000)
    args = parser.parse_args()
    if not bilinear_scaler_available():
        sys.exit("video/_bilinear.c is not built: install the project (bash .ci/install) first")
    from video import _bilinear

    source = street_picture(640, 360)
    figures = []
    for tile in ((376, 212), (478, 268)):
        ours, theirs = PackedI420(*tile), PackedI420(*tile)

        def scale_ours(out=ours) -> None:
            _bilinear.i420_scale(*source._planes, 640, 360, *out._planes, *out.size)

        def scale_libyuv(out=theirs) -> None:
            libyuv_bilinear(source, out)

        ours_us, libyuv_us = per_call_us(scale_ours, args.repeat), per_call_us(scale_libyuv, args.repeat)
        difference = int(np.abs(ours.buffer.astype(int) - theirs.buffer.astype(int)).max())
        name = f"{tile[0]}x{tile[1]}"
        figures += [
            figure(f"bilinear_scale_{name}", ours_us, "us", digits=1),
            figure(f"libyuv_scale_{name}", libyuv_us, "us", "baseline", digits=1),
            figure(f"speedup_{name}", libyuv_us / ours_us, "x", "> 1", libyuv_us > ours_us, digits=2),
            figure(f"max_level_difference_{name}", difference, "levels", "<= 1", difference <= 1),
        ]
    print_figures(figures, shuffle_path=_bilinear.uses_shuffle())


if __name__ == "__main__":
    main()
