"""The RF bridge reader over real serial I/O on pseudo-terminals (pyserial on the pty, no mocks)."""

from __future__ import annotations

import queue
import time

import pytest

from alarms.portisch import ACK_FRAME, rf_received
from alarms.rf_bridge import RfBridgeReader
from alarms.sensor_event import RepeatFilter, SensorEvent
from tests.alarms.pty_bridge import PtyBridge, SocatBridge


class Collected:
    def __init__(self) -> None:
        self.events: queue.Queue[SensorEvent] = queue.Queue()
        self.states: queue.Queue[tuple[str, bool]] = queue.Queue()

    def on_event(self, event: SensorEvent) -> None:
        self.events.put(event)

    def on_state(self, name: str, connected: bool, _detail: str) -> None:
        self.states.put((name, connected))

    def codes(self, count: int, timeout: float = 3.0) -> list[str]:
        return [self.events.get(timeout=timeout).device_code for _ in range(count)]

    def nothing_more(self, wait: float = 0.3) -> bool:
        try:
            extra = self.events.get(timeout=wait)
        except queue.Empty:
            return True
        raise AssertionError(f"unexpected event {extra}")


@pytest.fixture
def bridge():
    pty = PtyBridge()
    yield pty
    pty.close()


@pytest.fixture
def collected():
    return Collected()


@pytest.fixture
def reader(bridge, collected):
    r = RfBridgeReader("rf-1", bridge.port, collected.on_event, collected.on_state, retry_s=0.2)
    r.start()
    assert r.connected.wait(3)
    yield r
    r.stop()


def test_codes_arrive_and_each_frame_is_acknowledged(bridge, collected, reader):
    bridge.write(rf_received("A1B2C3") + rf_received("0F0F01"))
    assert collected.codes(2) == ["A1B2C3", "0F0F01"]
    assert bridge.read_available(want=6) == ACK_FRAME * 2
    assert collected.nothing_more()


def test_frames_split_at_every_byte_position(bridge, collected, reader):
    frame_len = len(rf_received("000000"))
    expected = []
    for cut in range(frame_len + 1):
        code = f"C0DE{cut:02X}"
        frame = rf_received(code)
        bridge.write(frame[:cut])
        time.sleep(0.005)
        bridge.write(frame[cut:])
        expected.append(code)
    assert collected.codes(len(expected)) == expected
    assert collected.nothing_more()
    assert bridge.read_available(want=3 * len(expected), timeout=2) == ACK_FRAME * len(expected)


def test_garbage_between_frames_and_marker_bytes_in_payload(bridge, collected, reader):
    bridge.write(
        b"\x00\x55\xaa\x13"
        + rf_received("55AA55", sync=0x55AA)
        + b"\xaa\xaa\x01"
        + rf_received("AA5500")
        + b"\xff\x55"
    )
    assert collected.codes(2) == ["55AA55", "AA5500"]
    assert collected.nothing_more()


def test_repeats_within_one_second_are_one_press_but_devices_never_merge(bridge, collected, reader):
    burst = rf_received("123456") * 4  # an RF sensor sends each press several times
    bridge.write(burst + rf_received("654321") + rf_received("123456"))
    assert collected.codes(2) == ["123456", "654321"]
    assert collected.nothing_more(0.2)
    time.sleep(1.1)
    bridge.write(rf_received("123456"))
    assert collected.codes(1) == ["123456"]
    # every frame is still acknowledged to the bridge, repeats included
    assert bridge.read_available(want=3 * 7, timeout=2) == ACK_FRAME * 7


def test_a_partial_frame_is_dropped_after_silence(bridge, collected, reader):
    bridge.write(rf_received("777777")[:8])
    time.sleep(0.3)
    bridge.write(rf_received("888888"))
    assert collected.codes(1) == ["888888"]
    assert collected.nothing_more()


def test_port_pulled_out_reports_disconnected_and_resumes_by_itself(tmp_path, collected):
    dongle = SocatBridge(tmp_path)
    dongle.plug_in()
    reader = RfBridgeReader("rf-2", dongle.port, collected.on_event, collected.on_state, retry_s=0.2)
    reader.start()
    try:
        assert collected.states.get(timeout=3) == ("rf-2", True)
        dongle.write(rf_received("ABC001"))
        assert collected.codes(1) == ["ABC001"]
        dongle.pull_out()
        assert collected.states.get(timeout=3) == ("rf-2", False)
        time.sleep(0.5)  # several retries while the port is missing
        assert collected.states.empty()  # "disconnected" is reported once, not on every retry
        dongle.plug_in()
        assert collected.states.get(timeout=3) == ("rf-2", True)
        dongle.write(rf_received("ABC002"))
        assert collected.codes(1) == ["ABC002"]
    finally:
        reader.stop()
        dongle.pull_out()


def test_two_dongles_at_once_share_the_repeat_filter(collected):
    first, second = PtyBridge(), PtyBridge()
    repeats = RepeatFilter()
    readers = [
        RfBridgeReader(name, pty.port, collected.on_event, collected.on_state, repeats=repeats)
        for name, pty in (("east", first), ("west", second))
    ]
    for r in readers:
        r.start()
        assert r.connected.wait(3)
    try:
        first.write(rf_received("E00001"))
        assert collected.codes(1) == ["E00001"]
        second.write(rf_received("E00001"))  # the same press heard by both bridges
        second.write(rf_received("F00002"))
        event = collected.events.get(timeout=3)
        assert (event.device_code, event.dongle) == ("F00002", "west")
        assert collected.nothing_more()
    finally:
        for r in readers:
            r.stop()
        first.close()
        second.close()
