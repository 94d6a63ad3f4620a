"""A clip (an MP4 on disk, or an NVR's playback stream) read frame by frame for the player.

A file seeks to the key frame at or before a place and decodes forward to it; a step back is a seek to
the frame before the one on screen (MP4 has no backward decoding, and a sub-stream's key frame a
second apart keeps that under ~15 decodes). A live playback stream (RTSP from a recorder) is read
forward only: the player reopens it at another start time to move. No Qt here: the player's decoding
thread owns one reader and hands its RGB pictures to the screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import av
import numpy as np

RTSP_OPTIONS = {"rtsp_transport": "tcp", "stimeout": "5000000", "timeout": "5000000"}
DEFAULT_RATE = 15.0  # frames a second when the stream does not say


class ClipReadError(Exception):
    """The clip cannot be read (missing, not a video, the recorder refused); the message says why."""


@dataclass(frozen=True)
class Picture:
    """One decoded frame: seconds from the clip's first frame and its RGB pixels (height, width, 3)."""

    time: float
    rgb: np.ndarray


class ClipReader:
    """Opens `source` (a file path or an rtsp:// URL) and reads its first video stream."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.seekable = not source.startswith(("rtsp://", "rtsps://"))
        try:
            self._container = av.open(source, options=None if self.seekable else RTSP_OPTIONS, timeout=10.0)
            self._stream = self._container.streams.video[0]
        except (av.error.FFmpegError, OSError, IndexError) as error:
            raise ClipReadError(f"{source}: {error}") from error
        self._stream.thread_type = "AUTO"
        self._time_base: Fraction = self._stream.time_base or Fraction(1, 90000)
        self._start = self._stream.start_time or 0
        rate = self._stream.average_rate or self._stream.guessed_rate
        self.frame_interval = 1.0 / float(rate) if rate else 1.0 / DEFAULT_RATE
        self.duration = self._duration()
        self._frames: Iterator[av.VideoFrame] = self._container.decode(self._stream)
        self._pending: av.VideoFrame | None = None  # decoded past a seek's place, not yet shown
        self.position = 0.0

    def _duration(self) -> float | None:
        if not self.seekable:
            return None
        if self._stream.duration:
            return float(self._stream.duration * self._time_base)
        if self._container.duration:
            return self._container.duration / av.time_base
        return None

    def _seconds(self, frame: av.VideoFrame) -> float:
        if frame.pts is None:
            return self.position + self.frame_interval
        return float((frame.pts - self._start) * self._time_base)

    def next(self) -> Picture | None:
        """The next frame, or None at the end of the clip (or when a live stream stops)."""
        if self._pending is not None:
            frame, self._pending = self._pending, None
            return self._picture(frame)
        try:
            frame = next(self._frames, None)
        except av.error.FFmpegError:
            return None
        if frame is None:
            return None
        return self._picture(frame)

    def _picture(self, frame: av.VideoFrame) -> Picture:
        self.position = self._seconds(frame)
        return Picture(self.position, frame.to_ndarray(format="rgb24"))

    def seek(self, seconds: float) -> Picture | None:
        """The frame shown at `seconds` (the last one starting at or before it); forward only live."""
        if not self.seekable:
            return self.next()
        seconds = max(0.0, seconds if self.duration is None else min(seconds, self.duration))
        target = self._start + int(seconds / self._time_base)
        self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
        self._frames = self._container.decode(self._stream)
        self._pending = None
        tolerance = self.frame_interval / 2
        previous = None
        for frame in self._frames:
            at = self._seconds(frame)
            if at > seconds + tolerance and previous is not None:
                self._pending = frame  # one frame past the place: shown next
                return self._picture(previous)
            if at >= seconds - tolerance:
                return self._picture(frame)
            previous = frame
        return self._picture(previous) if previous is not None else None

    def step_back(self) -> Picture | None:
        """The frame before the one on screen (a seek from its key frame); the first frame stays."""
        if not self.seekable:
            return None
        return self.seek(max(0.0, self.position - self.frame_interval))

    def close(self) -> None:
        self._container.close()
