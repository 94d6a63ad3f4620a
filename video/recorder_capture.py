"""A span of a recorder's playback stream (RTSP from an NVR or a camera's card) saved to an MP4 as it
is played: the packets remuxed from the first key frame, no re-encoding, for as many seconds of the
stream's own time as asked.

A recorder plays back at its recording's pace (about real time), so a minute takes about a minute.
The file is written as `<name>.part` and renamed when done; a stream that ends or stalls early leaves
what was received, and the result says so. No Qt here.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av

from video.clip_reader import RTSP_OPTIONS

PART_SUFFIX = ".part"
OPEN_TIMEOUT_S = 10.0


class RecorderCaptureError(Exception):
    """Nothing could be saved from the recorder; the message says why (Chinese and English)."""


@dataclass(frozen=True)
class RecordedSpan:
    path: Path
    seconds: float  # of the stream's time saved
    short: bool  # the stream ended or stalled before the seconds asked


def record_span(
    address: str,
    seconds: float,
    target: Path,
    stop: threading.Event | None = None,
    progress: Callable[[float], None] | None = None,
) -> RecordedSpan:
    """Save `seconds` of the stream at `address` from its first key frame into `target`."""
    part = target.with_name(target.name + PART_SUFFIX)
    try:
        source = av.open(address, options=RTSP_OPTIONS, timeout=OPEN_TIMEOUT_S)
    except (av.error.FFmpegError, OSError) as error:
        raise RecorderCaptureError(f"录像机无法打开 (the recorder cannot be opened): {error}") from error
    try:
        saved = _remux(source, part, seconds, stop or threading.Event(), progress)
    except (av.error.FFmpegError, OSError, IndexError) as error:
        part.unlink(missing_ok=True)
        raise RecorderCaptureError(f"录像机的流中断 (the recorder's stream failed): {error}") from error
    finally:
        source.close()
    if saved <= 0:
        part.unlink(missing_ok=True)
        raise RecorderCaptureError("录像机没有发来画面 (the recorder sent no picture)")
    os.replace(part, target)
    return RecordedSpan(target, saved, short=saved < seconds - 1.0)


def _remux(
    source: av.container.InputContainer,
    part: Path,
    seconds: float,
    stop: threading.Event,
    progress: Callable[[float], None] | None,
) -> float:
    """Copy packets into `part` until `seconds` past the first key frame; the seconds copied."""
    stream = source.streams.video[0]
    time_base = stream.time_base
    first: int | None = None
    last_dts: int | None = None
    saved = 0.0
    with av.open(str(part), "w", format="mp4") as output:
        out = output.add_stream_from_template(stream)
        for packet in source.demux(stream):
            if stop.is_set():
                break
            dts = packet.dts if packet.dts is not None else packet.pts
            if dts is None or (first is None and not packet.is_keyframe):
                continue  # a span starts at a key frame: the pictures before it cannot be decoded
            first = dts if first is None else first
            if (dts - first) * time_base > seconds:
                break
            if last_dts is not None and dts - first <= last_dts:
                continue  # a timestamp going back (a recorder's seam) cannot go into an MP4
            last_dts = dts - first
            packet.dts, packet.pts = last_dts, max((packet.pts or dts) - first, last_dts)
            packet.stream = out
            output.mux(packet)
            saved = float(last_dts * time_base)
            if progress is not None:
                progress(min(1.0, saved / seconds))
    return saved
