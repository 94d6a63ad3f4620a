"""An event clip: a camera's packets around an event time, remuxed into an MP4 without re-encoding.

The clip starts at the newest key frame at or before `event - before` (or the oldest one still held)
and goes on as packets arrive until `event + after`. It is written as it goes to `<name>.part` and
renamed only when complete and synced, so a writer killed mid-way leaves a `.part` file and no clip.
A camera that stops (no packet for `quiet_s`, or it reconnected: a new stream may have other codec
parameters) ends the clip with what was received, and the result says so.

Timestamps are rewritten to start at 0 and never go back (a looped file or a camera that reset its
clock keeps going at one frame's step), and the event's time is written in the MP4's comment.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import av

from video.prebuffer import CameraBuffer, HeldPacket, StreamTemplate

PART_SUFFIX = ".part"
POLL_S = 0.25
# A clip goes on past its end until its own timeline reaches it, but at most this long: a stream whose
# clock runs slow (a camera's drift, a paced file under load) would otherwise end a little short.
MEDIA_LAG_S = 3.0


class ClipError(Exception):
    """No clip could be written; the message says why (Chinese and English)."""


@dataclass(frozen=True)
class ClipWindow:
    before: float = 15.0
    after: float = 30.0


@dataclass(frozen=True)
class ClipResult:
    path: Path
    starts_at: float  # wall-clock time of the first picture
    duration_s: float  # from the first picture's arrival to the last one's
    packets: int
    size_bytes: int
    dropped: bool
    note: str


def write_clip(
    buffer: CameraBuffer,
    event_at: float,
    path: Path,
    window: ClipWindow | None = None,
    quiet_s: float = 5.0,
    stop: threading.Event | None = None,
) -> ClipResult:
    """Write the clip of `event_at` (wall-clock seconds) to `path`; blocks until `event_at + after`."""
    window = window or ClipWindow()
    stop = stop or threading.Event()
    first = _first_key(buffer, event_at - window.before, quiet_s, stop)
    template = buffer.template(first.generation)
    if template is None:
        raise ClipError("摄像机的流参数已丢失 (the stream's parameters are gone)")
    part = path.with_name(path.name + PART_SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    muxer = _Remuxer(part, template, event_at, first.arrived)
    try:
        dropped_reason = _follow(buffer, first, event_at + window.after, muxer, quiet_s, stop)
    finally:
        muxer.close()
    if not muxer.packets:
        part.unlink(missing_ok=True)
        raise ClipError("没有收到画面 (no picture was received)")
    _publish_file(part, path)
    return ClipResult(
        path=path,
        starts_at=first.arrived,
        duration_s=muxer.last_arrived - first.arrived,
        packets=muxer.packets,
        size_bytes=path.stat().st_size,
        dropped=dropped_reason is not None,
        note=dropped_reason or "",
    )


def _first_key(buffer: CameraBuffer, start: float, quiet_s: float, stop: threading.Event) -> HeldPacket:
    """The key frame the clip starts at, waiting up to `quiet_s` for a camera just opening."""
    deadline = time.monotonic() + quiet_s
    while True:
        key = buffer.keyframe_at_or_before(start)
        if key is not None:
            return key
        if time.monotonic() >= deadline or stop.wait(POLL_S):
            raise ClipError("摄像机没有缓存的画面 (the camera has no buffered picture)")


def _follow(
    buffer: CameraBuffer,
    first: HeldPacket,
    end_at: float,
    muxer: _Remuxer,
    quiet_s: float,
    stop: threading.Event,
) -> str | None:
    """Mux packets from `first` until one arrives after `end_at` and the clip's own timeline reaches it
    (a stream whose clock runs a little slow would end short of it); why it stopped early, or None."""
    next_seq, generation = first.seq, first.generation
    quiet_since = time.monotonic()
    while True:
        batch = buffer.after(next_seq, generation)
        if batch and batch[0].seq > next_seq:
            return _stopped("缓存已满，丢失了部分画面 (the buffer overflowed; part is missing)", muxer)
        for held in batch:
            if held.arrived > end_at and (muxer.covers(end_at) or held.arrived > end_at + MEDIA_LAG_S):
                return None
            muxer.add(held)
            next_seq = held.seq + 1
        if batch:
            quiet_since = time.monotonic()
        elif buffer.generation != generation:
            return _stopped("摄像机重连，片段在断开处结束 (the camera reconnected)", muxer)
        elif time.monotonic() - quiet_since > quiet_s:
            return _stopped("摄像机中断，片段只有中断前的画面 (the camera dropped)", muxer)
        if stop.wait(POLL_S):
            return _stopped("程序退出，片段提前结束 (the program stopped)", muxer)


def _stopped(reason: str, muxer: _Remuxer) -> str:
    if not muxer.packets:
        return reason
    at = datetime.fromtimestamp(muxer.last_arrived, UTC).strftime("%H:%M:%S")
    return f"{reason} @ {at} UTC"


def _publish_file(part: Path, path: Path) -> None:
    """Sync the file, rename it into place and sync the folder: after this the clip survives a crash."""
    with open(part, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(part, path)
    if hasattr(os, "O_DIRECTORY"):  # Windows cannot open a folder to sync it
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


class _Remuxer:
    """An MP4 output whose one stream is copied from the input's, fed held packets in order."""

    def __init__(self, part: Path, template: StreamTemplate, event_at: float, starts_at: float) -> None:
        self.output = av.open(str(part), "w", format="mp4")
        when = datetime.fromtimestamp(event_at, UTC)
        self.output.metadata["comment"] = (
            f"event_at={when.isoformat(timespec='milliseconds')}; event_offset_s={event_at - starts_at:.3f}"
        )
        self.output.metadata["creation_time"] = datetime.fromtimestamp(starts_at, UTC).isoformat()
        self.stream = self.output.add_stream_from_template(template.stream)
        self.time_base = template.time_base
        self.step = _frame_step(template)
        self.packets = 0
        self.starts_at = starts_at
        self.last_arrived = starts_at
        self._offset: int | None = None  # added to input timestamps; changes where they jump back
        self._last_dts: int | None = None

    def add(self, held: HeldPacket) -> None:
        dts = held.dts if held.dts is not None else held.pts
        pts = held.pts if held.pts is not None else dts
        if dts is None:  # a packet with no time at all cannot be placed in the clip
            return
        if self._offset is None:
            self._offset = -dts
        out_dts = dts + self._offset
        if self._last_dts is not None and out_dts <= self._last_dts:  # a loop or a clock reset
            self._offset += self._last_dts + self.step - out_dts
            out_dts = dts + self._offset
        packet = av.Packet(held.data)
        packet.dts, packet.pts = out_dts, max(pts + self._offset, out_dts)
        packet.duration = held.duration or self.step
        packet.time_base = self.time_base
        packet.is_keyframe = held.keyframe
        packet.stream = self.stream
        self.output.mux(packet)
        self._last_dts = out_dts
        self.packets += 1
        self.last_arrived = held.arrived

    def covers(self, when: float) -> bool:
        """Whether the pictures muxed so far play up to `when` (epoch seconds), by the stream's clock."""
        if self._last_dts is None:
            return False
        return self.starts_at + float((self._last_dts + self.step) * self.time_base) >= when

    def close(self) -> None:
        self.output.close()


def _frame_step(template: StreamTemplate) -> int:
    """One frame's duration in the stream's time base (25 fps when the stream does not say)."""
    fps = template.fps or 25.0
    return max(1, round(1 / (fps * template.time_base)))
