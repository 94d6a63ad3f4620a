"""The pre-event buffer's caps with many cameras, fed synthetic packets (no decoder involved)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from video.prebuffer import PacketPool


@dataclass
class FakePacket:
    """What the buffer reads of an av.Packet: its size and whether it is a key frame."""

    size: int
    is_keyframe: bool
    pts: int | None = None
    dts: int | None = None
    duration: int = 0

    def __bytes__(self) -> bytes:
        return bytes(self.size)


def feed(buffer, seconds: float, fps: int = 10, gop: int = 10, size: int = 1000, start: float = 0.0):
    for index in range(int(seconds * fps)):
        buffer.add(
            FakePacket(size * (4 if index % gop == 0 else 1), index % gop == 0), now=start + index / fps
        )


def test_a_buffer_keeps_its_seconds_and_starts_at_a_key_frame():
    pool = PacketPool(seconds=5, camera_bytes=10**9, total_bytes=10**9)
    buffer = pool.buffer_for(1)
    feed(buffer, 20)
    held = buffer.after(0, buffer.generation)
    assert held[0].keyframe
    assert 4.0 <= held[-1].arrived - held[0].arrived <= 5.0
    assert buffer.held_bytes == sum(h.size for h in held) == pool.total_bytes


def test_the_byte_caps_hold_with_many_cameras_and_drop_the_oldest_groups_first():
    group = 4000 + 9 * 1000  # a key frame and nine others
    pool = PacketPool(seconds=60, camera_bytes=5 * group, total_bytes=40 * group)
    buffers = [pool.buffer_for(camera) for camera in range(21)]
    for second in range(30):  # the cameras interleaved, as their threads would be
        for offset, buffer in enumerate(buffers):
            feed(buffer, 1, start=second + offset / 1000)
            assert buffer.held_bytes <= 5 * group
            assert pool.total_bytes <= 40 * group
    assert pool.total_bytes == sum(b.held_bytes for b in buffers)
    for buffer in buffers:
        held = buffer.after(0, buffer.generation)
        assert not held or held[0].keyframe
    # the total dropped the oldest groups of all cameras: what is left is the newest seconds
    newest_first = sorted((h.arrived for b in buffers for h in b.after(0, b.generation)), reverse=True)
    assert newest_first[0] >= 29.9 and newest_first[-1] >= 26.0


def test_a_group_bigger_than_the_cap_is_refused_until_the_next_key_frame():
    pool = PacketPool(seconds=60, camera_bytes=3000, total_bytes=10**9)
    buffer = pool.buffer_for(1)
    buffer.add(FakePacket(2000, True), now=0.0)
    buffer.add(FakePacket(2000, False), now=0.1)  # over the cap: the whole group goes
    buffer.add(FakePacket(500, False), now=0.2)  # mid-group: refused
    assert buffer.held_bytes == 0
    buffer.add(FakePacket(1000, True), now=0.3)
    held = buffer.after(0, buffer.generation)
    assert [h.keyframe for h in held] == [True] and buffer.held_bytes == 1000


def test_a_reader_asks_for_what_came_after_and_a_key_frame_before_a_time():
    pool = PacketPool(seconds=60, camera_bytes=10**9, total_bytes=10**9)
    buffer = pool.buffer_for(1)
    feed(buffer, 5)
    key = buffer.keyframe_at_or_before(3.55)
    assert key.keyframe and key.arrived == 3.0
    assert buffer.keyframe_at_or_before(-10).arrived == 0.0  # before everything: the oldest held
    later = buffer.after(key.seq, buffer.generation)
    assert later[0] is key and len(later) == 20


def test_adding_from_many_threads_keeps_the_accounts_right():
    pool = PacketPool(seconds=1000, camera_bytes=50_000, total_bytes=400_000)

    def run(camera: int) -> None:
        feed(pool.buffer_for(camera), 200, fps=10)

    threads = [threading.Thread(target=run, args=(camera,)) for camera in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert pool.total_bytes == sum(b.held_bytes for b in pool.buffers()) <= 400_000


def test_stale_packets_give_no_clip_start_and_clear_frees_them():
    pool = PacketPool(seconds=60, camera_bytes=10**9, total_bytes=10**9)
    buffer = pool.buffer_for(1)
    feed(buffer, 5)  # key frames at 0, 1, 2, 3, 4 s
    assert buffer.keyframe_at_or_before(100.0) is None  # the stream stopped long before
    assert buffer.keyframe_at_or_before(13.5).arrived == 4.0  # within the slack: the newest key frame
    assert buffer.receiving(now=5.0, within=1.0) and not buffer.receiving(now=10.0, within=1.0)
    buffer.clear()
    assert buffer.held_bytes == pool.total_bytes == 0 and buffer.after(0, buffer.generation) == []
    buffer.add(FakePacket(1000, False), now=20.0)  # mid-group after a clear: refused
    assert buffer.held_bytes == 0
