"""The Portisch decoder on byte streams: resync on garbage, lengths per command, gaps, and a property test."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alarms.portisch import (
    ACK,
    LEARN_OK,
    LEARN_OK_NEW,
    LEARN_TIMEOUT,
    LEARN_TIMEOUT_NEW,
    RF_RECEIVED,
    Frame,
    PortischDecoder,
    Skipped,
    encode,
    rf_received,
)


def frames(items) -> list[Frame]:
    return [i for i in items if isinstance(i, Frame)]


def test_received_code_and_timings():
    items = PortischDecoder().feed(rf_received("A1B2C3", sync=0x2A30, low=0x0154, high=0x0456))
    (frame,) = items
    assert frame.command == RF_RECEIVED and frame.code == "A1B2C3"
    assert frame.timings == (0x2A30, 0x0154, 0x0456)
    assert frame.needs_ack


def test_payload_bytes_equal_to_end_and_start_markers_do_not_cut_the_frame():
    stream = rf_received("55AA55", sync=0x55AA, low=0xAA55, high=0x5555)
    (frame,) = frames(PortischDecoder().feed(stream))
    assert frame.code == "55AA55" and frame.raw == stream


def test_garbage_between_frames_is_skipped_and_reported():
    stream = b"\x00\x13" + rf_received("000001") + b"\x55\x55\xa4" + rf_received("000002") + b"\xff"
    items = PortischDecoder().feed(stream)
    assert [f.code for f in frames(items)] == ["000001", "000002"]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [s.data for s in skipped] == [b"\x00\x13", b"\x55\x55\xa4", b"\xff"]
    assert skipped[0].offset == 0 and skipped[1].offset == 14


def test_a_lone_start_byte_before_a_frame_is_retried_one_byte_later():
    stream = b"\xaa" + rf_received("123456")
    items = PortischDecoder().feed(stream)
    assert [f.code for f in frames(items)] == ["123456"]
    assert items[0] == Skipped(b"\xaa", 0, "garbage")


def test_every_command_with_a_known_length():
    sniffed = encode(0xA6, bytes([4, 0x01, 0xAA, 0x55, 0x10]))
    learnt_new = encode(LEARN_OK_NEW, bytes([4, 0x02, 0x55, 0x55, 0xAA]))
    stream = (
        encode(ACK)
        + encode(LEARN_TIMEOUT)
        + encode(LEARN_OK, bytes.fromhex("2A30015404560A0B0C"))
        + encode(LEARN_TIMEOUT_NEW)
        + sniffed
        + learnt_new
    )
    got = frames(PortischDecoder().feed(stream))
    assert [f.command for f in got] == [ACK, LEARN_TIMEOUT, LEARN_OK, LEARN_TIMEOUT_NEW, 0xA6, LEARN_OK_NEW]
    assert got[2].code == "0A0B0C"
    assert got[4].raw == sniffed and got[5].raw == learnt_new
    assert not got[0].needs_ack and all(f.needs_ack for f in got[1:])


def test_split_at_every_byte_position():
    stream = rf_received("ABCDEF") + rf_received("55AA01")
    for cut in range(len(stream) + 1):
        decoder = PortischDecoder()
        got = frames(decoder.feed(stream[:cut], 0.0) + decoder.feed(stream[cut:], 0.001))
        assert [f.code for f in got] == ["ABCDEF", "55AA01"], cut


def test_a_partial_frame_is_dropped_after_a_gap():
    decoder = PortischDecoder(gap_s=0.1)
    first = decoder.feed(rf_received("111111")[:7], 0.0)
    assert first == []
    later = decoder.feed(rf_received("222222"), 0.5)
    assert later[0] == Skipped(rf_received("111111")[:7], 0, "gap")
    assert [f.code for f in frames(later)] == ["222222"]
    assert frames(later)[0].offset == 7


def test_without_timing_a_partial_frame_waits_and_flush_reports_it():
    decoder = PortischDecoder()
    assert decoder.feed(b"\xaa\xa4\x01") == []
    assert decoder.flush() == [Skipped(b"\xaa\xa4\x01", 0, "gap")]


# -- property: every valid frame once, nothing invented --------------------------------------------------
codes = st.binary(min_size=3, max_size=3).map(lambda b: b.hex().upper())
timings = st.integers(0, 0xFFFF)
valid_frames = st.builds(
    lambda c, s, lo, hi: rf_received(c, s, lo, hi), codes, timings, timings, timings
) | st.sampled_from([encode(ACK), encode(LEARN_TIMEOUT)])
# Garbage that cannot start a frame: no 0xAA. Then every decoded frame must be one of ours, in order.
clean_garbage = st.binary(max_size=20).map(lambda b: b.replace(b"\xaa", b"\x00"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(clean_garbage, valid_frames), max_size=12), clean_garbage, st.data())
def test_property_garbage_without_start_bytes(pairs, tail, data):
    stream = b"".join(g + f for g, f in pairs) + tail
    cuts = sorted(data.draw(st.lists(st.integers(0, len(stream)), max_size=10)))
    decoder = PortischDecoder()
    got: list[Frame] = []
    for a, b in zip([0, *cuts], [*cuts, len(stream)], strict=True):
        got += frames(decoder.feed(stream[a:b]))
    got += frames(decoder.flush())
    assert [f.raw for f in got] == [f for _, f in pairs]
    offsets, position = [], 0
    for garbage, frame in pairs:
        offsets.append(position + len(garbage))
        position += len(garbage) + len(frame)
    assert [f.offset for f in got] == offsets


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.binary(max_size=24), valid_frames), max_size=10), st.data())
def test_property_arbitrary_noise_separated_by_silence(pairs, data):
    """Noise may hold 0xAA, even whole valid frames: those are frames the line really carried.

    Each noise burst is followed, after a silent gap, by a real frame in its own burst (chunked at
    random). The output must be, burst by burst, the frames found inside that noise burst on its own
    (each a byte-exact slice of the noise, so nothing is invented) and then the real frame, once.
    """
    decoder = PortischDecoder(gap_s=0.1)
    now = 0.0
    got: list[bytes] = []
    expected: list[bytes] = []
    for noise, frame in pairs:
        alone = PortischDecoder()
        carried = [f.raw for f in frames(alone.feed(noise) + alone.flush())]
        inside = frames(PortischDecoder().feed(noise))
        assert all(noise[f.offset : f.offset + len(f.raw)] == f.raw for f in inside)
        expected += carried + [frame]
        got += [f.raw for f in frames(decoder.feed(noise, now))]
        now += 0.2
        cut = data.draw(st.integers(0, len(frame)))
        got += [
            f.raw for f in frames(decoder.feed(frame[:cut], now) + decoder.feed(frame[cut:], now + 0.001))
        ]
        now += 0.2
    got += [f.raw for f in frames(decoder.flush())]
    assert got == expected
