"""The last seconds of every camera's compressed packets, kept in memory for event clips.

The capture thread hands each demuxed packet to its camera's buffer before decoding it; nothing is
re-encoded. The payload is copied into a bytes object with the packet's times, in a tuple of plain
values: holding the av.Packet itself kept FFmpeg's buffers and thousands of collectable objects alive,
which cost the capture threads about 5% more CPU (benchmarks/clips.py, 21 streams); the copy costs
about a microsecond a packet and nothing for the garbage collector, which skips such tuples. A buffer always begins at a key frame: when it is over its seconds or bytes, or
the pool is over its total, the oldest whole group of pictures (key frame to the next) is dropped, the
oldest of all cameras first for the total. A group larger than a camera's cap on its own is dropped
whole, and packets are refused until the next key frame, so a clip never starts mid-group.

A stream that is opened again (a reconnect, a looped file) starts a new `generation`: its codec
parameters may differ, so a clip never mixes packets of two generations.
"""

from __future__ import annotations

import io
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import islice
from typing import NamedTuple

import av

DEFAULT_SECONDS = 30.0
DEFAULT_CAMERA_BYTES = 16 * 1024 * 1024  # 30 s of a 2 Mbit/s sub-stream is ~7.5 MB
DEFAULT_TOTAL_BYTES = 256 * 1024 * 1024
STALE_KEY_S = 10.0  # a clip's first key frame is at most this long before its start (longest GOP)


@dataclass(frozen=True)
class StreamTemplate:
    """What a clip's output stream is made from: a copy of one generation's input stream.

    The input stream itself dies with its container (closed at every reconnect), so its codec
    parameters are copied into a stream of an output container that is never written, kept here.
    """

    holder: object  # the av.OutputContainer (in memory, never started) that owns `stream`
    stream: object
    codec: str
    width: int
    height: int
    time_base: Fraction
    fps: float  # 0 when the stream does not say

    @classmethod
    def of(cls, stream) -> StreamTemplate:
        holder = av.open(io.BytesIO(), "w", format="mp4")
        context = stream.codec_context
        rate = stream.average_rate or stream.guessed_rate
        return cls(
            holder=holder,
            stream=holder.add_stream_from_template(stream),
            codec=context.name,
            width=context.width,
            height=context.height,
            time_base=stream.time_base,
            fps=float(rate) if rate else 0.0,
        )


class HeldPacket(NamedTuple):
    seq: int  # consecutive per buffer, so a reader asks for "everything after seq"
    generation: int
    arrived: float  # wall-clock seconds (time.time()) when it was read: what event times are
    data: bytes  # the packet's payload as demuxed
    pts: int | None
    dts: int | None
    duration: int  # 0 when the stream does not say
    keyframe: bool

    @property
    def size(self) -> int:
        return len(self.data)


class CameraBuffer:
    """One camera's packets; written by its capture thread, read by clip writers."""

    def __init__(self, pool: PacketPool, camera_id: int, seconds: float, max_bytes: int) -> None:
        self.camera_id = camera_id
        self.seconds = seconds
        self.max_bytes = max_bytes
        self._pool = pool
        self._packets: deque[HeldPacket] = deque()
        self._bytes = 0
        self._next_seq = 0
        self._generation = 0
        self._templates: dict[int, StreamTemplate] = {}
        self._waiting_for_key = True
        self.last_arrival = 0.0

    # ---- the capture thread -----------------------------------------------------------------------
    def begin(self, stream) -> None:
        """A stream was opened: later packets belong to a new generation made from `stream`."""
        template = StreamTemplate.of(stream)
        with self._pool.lock:
            self._generation += 1
            self._templates[self._generation] = template
            self._waiting_for_key = True
            self._forget_templates()

    def add(self, packet, now: float | None = None) -> None:
        """Keep one demuxed packet (the capture thread, before decoding it)."""
        size = packet.size
        if not size:  # a flush packet carries nothing
            return
        keyframe = packet.is_keyframe
        arrived = time.time() if now is None else now
        with self._pool.lock:
            if self._waiting_for_key and not keyframe:
                return
            self._waiting_for_key = False
            held = HeldPacket(
                self._next_seq,
                self._generation,
                arrived,
                bytes(packet),
                packet.pts,
                packet.dts,
                packet.duration or 0,
                keyframe,
            )
            self._next_seq += 1
            self._packets.append(held)
            self._bytes += size
            self._pool.total_bytes += size
            self.last_arrival = arrived
            self._trim_own(arrived)
            self._pool.trim_total_locked()

    # ---- clip writers -----------------------------------------------------------------------------
    def keyframe_at_or_before(self, when: float, slack: float = STALE_KEY_S) -> HeldPacket | None:
        """The newest key frame that arrived at or before `when`, else the first one after it; never
        one more than `slack` seconds before `when` (packets of a stream stopped long ago are stale)."""
        with self._pool.lock:
            chosen = None
            for held in self._packets:
                if held.arrived > when and chosen is not None:
                    break
                if held.keyframe and held.arrived >= when - slack:
                    chosen = held
            return chosen

    def receiving(self, now: float, within: float) -> bool:
        """Whether a packet arrived in the last `within` seconds (the stream is being read)."""
        return now - self.last_arrival <= within

    def clear(self) -> None:
        """Forget the packets (the stream was closed for good); the next kept one is a key frame."""
        with self._pool.lock:
            freed = self._bytes
            self._packets.clear()
            self._bytes = 0
            self._pool.total_bytes -= freed
            self._waiting_for_key = True

    def after(self, seq: int, generation: int) -> list[HeldPacket]:
        """The packets of `generation` from `seq` on (what was dropped before a reader got it is gone)."""
        with self._pool.lock:
            if not self._packets:
                return []
            start = max(0, seq - self._packets[0].seq)
            return [held for held in islice(self._packets, start, None) if held.generation == generation]

    def template(self, generation: int) -> StreamTemplate | None:
        with self._pool.lock:
            return self._templates.get(generation)

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def held_bytes(self) -> int:
        return self._bytes

    def held_seconds(self) -> float:
        with self._pool.lock:
            if not self._packets:
                return 0.0
            return self._packets[-1].arrived - self._packets[0].arrived

    # ---- trimming (pool lock held) ----------------------------------------------------------------
    def _trim_own(self, now: float) -> None:
        while self._packets and (
            self._bytes > self.max_bytes or now - self._packets[0].arrived > self.seconds
        ):
            self.drop_oldest_group_locked()

    def oldest_arrival_locked(self) -> float | None:
        return self._packets[0].arrived if self._packets else None

    def drop_oldest_group_locked(self) -> None:
        """Drop the oldest key frame and everything up to the next key frame."""
        packets = self._packets
        freed = 0
        held = packets.popleft()
        freed += held.size
        while packets and not packets[0].keyframe:
            freed += packets.popleft().size
        if not packets:  # the group being received went too: wait for the next key frame
            self._waiting_for_key = True
        self._bytes -= freed
        self._pool.total_bytes -= freed

    def _forget_templates(self) -> None:
        """Templates of generations no held packet belongs to any more (and not the current one)."""
        oldest = self._packets[0].generation if self._packets else self._generation
        for generation in [g for g in self._templates if g < oldest]:
            del self._templates[generation]


class PacketPool:
    """The buffers of one process's cameras, with a cap on their bytes together."""

    def __init__(
        self,
        seconds: float = DEFAULT_SECONDS,
        camera_bytes: int = DEFAULT_CAMERA_BYTES,
        total_bytes: int = DEFAULT_TOTAL_BYTES,
    ) -> None:
        self.seconds = seconds
        self.camera_bytes = camera_bytes
        self.max_total_bytes = total_bytes
        self.total_bytes = 0
        # One lock for every buffer: a packet added is a few list operations, and one lock lets the
        # total cap drop another camera's oldest group without a lock order to get wrong.
        self.lock = threading.Lock()
        self._buffers: dict[int, CameraBuffer] = {}

    def buffer_for(self, camera_id: int) -> CameraBuffer:
        with self.lock:
            buffer = self._buffers.get(camera_id)
            if buffer is None:
                buffer = CameraBuffer(self, camera_id, self.seconds, self.camera_bytes)
                self._buffers[camera_id] = buffer
            return buffer

    def get(self, camera_id: int) -> CameraBuffer | None:
        with self.lock:
            return self._buffers.get(camera_id)

    def buffers(self) -> Iterable[CameraBuffer]:
        with self.lock:
            return list(self._buffers.values())

    def trim_total_locked(self) -> None:
        """Over the total: drop the oldest group of all cameras until under it (lock held)."""
        while self.total_bytes > self.max_total_bytes:
            oldest = min(
                (b for b in self._buffers.values() if b.oldest_arrival_locked() is not None),
                key=lambda b: b.oldest_arrival_locked(),
                default=None,
            )
            if oldest is None:
                return
            oldest.drop_oldest_group_locked()
