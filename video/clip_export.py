"""An exported clip with its watermark burnt in: every frame re-encoded (H.264) with a line across its
foot saying the site, the camera, the event time, who exported it and when.

Re-encoding only on export: a sub-stream clip (640x360, 15 fps) took 3.6-4.0 s for 20 s and 6.3 s
for 48 s with x264's `veryfast` preset on the busy two-core test machine (benchmarks/clips.py prints
`export_watermarked`), short enough to wait for beside a progress line while the player goes on, and
a watermark on every frame survives cutting the file, which a sidecar or a marked first frame would
not. The watermark's pixels (RGBA, `video/watermark_band.py`) are blended over the foot of each
frame. No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import av
import numpy as np

from video.watermark_band import blend_foot

PART_SUFFIX = ".part"
PRESET = "veryfast"
QUALITY_CRF = "23"


class ClipExportError(Exception):
    """The clip could not be written; the message says why."""


def picture_size(source: Path) -> tuple[int, int]:
    """(width, height) of a clip's pictures, to draw its watermark band at that size."""
    try:
        with av.open(str(source)) as reader:
            context = reader.streams.video[0].codec_context
            return context.width, context.height
    except (av.error.FFmpegError, OSError, IndexError) as error:
        raise ClipExportError(f"{source}: {error}") from error


def export_watermarked(
    source: Path,
    target: Path,
    overlay: np.ndarray,
    comment: str,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Re-encode `source` into `target` with `overlay` on every frame; written beside the target as
    `.part` and renamed when complete, so a failed export leaves no half file under the chosen name."""
    partial = target.with_name(target.name + PART_SUFFIX)
    try:
        _encode(source, partial, overlay, comment, progress)
        os.replace(partial, target)
    except (av.error.FFmpegError, OSError, IndexError) as error:
        partial.unlink(missing_ok=True)
        raise ClipExportError(f"{target}: {error}") from error
    return target


def _encode(
    source: Path,
    partial: Path,
    overlay: np.ndarray,
    comment: str,
    progress: Callable[[float], None] | None,
) -> None:
    with av.open(str(source)) as reader, av.open(str(partial), "w", format="mp4") as writer:
        video = reader.streams.video[0]
        rate = video.average_rate or 15
        out = writer.add_stream("libx264", rate=rate, options={"preset": PRESET, "crf": QUALITY_CRF})
        out.width, out.height = video.codec_context.width, video.codec_context.height
        out.pix_fmt = "yuv420p"
        out.time_base = video.time_base
        writer.metadata["comment"] = comment
        duration = float(video.duration * video.time_base) if video.duration else None
        for frame in reader.decode(video):
            picture = av.VideoFrame.from_ndarray(
                blend_foot(frame.to_ndarray(format="rgb24"), overlay), "rgb24"
            )
            picture.pts, picture.time_base = frame.pts, frame.time_base
            writer.mux(out.encode(picture.reformat(format="yuv420p")))
            if progress is not None and duration and frame.time is not None:
                progress(min(1.0, frame.time / duration))
        writer.mux(out.encode(None))
