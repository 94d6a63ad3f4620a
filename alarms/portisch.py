"""Decoder for the Sonoff RF Bridge's serial protocol with Portisch's EFM8BB1 firmware (19200 baud).

Every frame is `AA <cmd> <payload> 55`. There is no checksum and 0x55 / 0xAA may appear inside a
payload, so the decoder knows how long each command's payload is, hunts for the next 0xAA on
garbage, retries one byte later when a candidate frame does not end in 0x55, and drops a partial
frame when the line has been quiet for longer than a frame takes to arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

START = 0xAA
END = 0x55
BAUD = 19200

ACK = 0xA0  # both directions: "done", sent by the host after each frame the bridge reports
LEARN = 0xA1
LEARN_TIMEOUT = 0xA2
LEARN_OK = 0xA3
RF_RECEIVED = 0xA4
RF_SEND = 0xA5
SNIFF_ON = 0xA6
SNIFF_OFF = 0xA7
LEARN_TIMEOUT_NEW = 0xAA
LEARN_OK_NEW = 0xAB

# Payload bytes between the command and 0x55 for commands with a fixed length.
FIXED_PAYLOAD = {
    ACK: 0,
    LEARN_TIMEOUT: 0,
    LEARN_OK: 9,
    RF_RECEIVED: 9,
    LEARN_TIMEOUT_NEW: 0,
}
# Commands whose first payload byte gives the number of bytes that follow it (Portisch extensions).
LENGTH_PREFIXED = {SNIFF_ON, LEARN_OK_NEW}
# Frames the host acknowledges with AA A0 55 so the bridge goes on reporting.
NEEDS_ACK = {LEARN_TIMEOUT, LEARN_OK, RF_RECEIVED, SNIFF_ON, LEARN_TIMEOUT_NEW, LEARN_OK_NEW}

ACK_FRAME = bytes((START, ACK, END))
LEARN_FRAME = bytes((START, LEARN, END))
# At 19200 baud a 12-byte frame takes ~6 ms; silence well beyond that means the rest is not coming.
DEFAULT_GAP_S = 0.1


@dataclass(frozen=True)
class Frame:
    """One complete frame: its command, payload, and where it started in the byte stream."""

    command: int
    payload: bytes
    offset: int

    @property
    def raw(self) -> bytes:
        return bytes((START, self.command)) + self.payload + bytes((END,))

    @property
    def needs_ack(self) -> bool:
        return self.command in NEEDS_ACK

    @property
    def code(self) -> str | None:
        """The 24-bit EV1527 code as 6 upper-case hex digits, for received and learnt codes."""
        if self.command in (RF_RECEIVED, LEARN_OK):
            return self.payload[6:9].hex().upper()
        return None

    @property
    def timings(self) -> tuple[int, int, int] | None:
        """Sync, low and high pulse lengths in microseconds, as the bridge measured them."""
        if self.command in (RF_RECEIVED, LEARN_OK):
            p = self.payload
            return (p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5])
        return None

    def as_dict(self) -> dict:
        out: dict = {
            "offset": self.offset,
            "command": f"{self.command:02X}",
            "hex": self.raw.hex(" ").upper(),
        }
        if self.code is not None:
            sync, low, high = self.timings or (0, 0, 0)
            out |= {"code": self.code, "sync_us": sync, "low_us": low, "high_us": high}
        return out


@dataclass(frozen=True)
class Skipped:
    """Bytes that belonged to no frame: line noise, or a frame cut short."""

    data: bytes
    offset: int
    reason: str  # garbage, gap, bad_end

    def as_dict(self) -> dict:
        return {"skipped": self.data.hex(" ").upper(), "offset": self.offset, "reason": self.reason}


def encode(command: int, payload: bytes = b"") -> bytes:
    """A frame as the bridge would send it (used by tests, the benchmark and `sensors` tools)."""
    return bytes((START, command)) + payload + bytes((END,))


def rf_received(code: str, sync: int = 0x2A30, low: int = 0x0154, high: int = 0x0456) -> bytes:
    """The `AA A4 Tsync Tlow Thigh code 55` frame the bridge sends when it hears `code`."""
    payload = sync.to_bytes(2, "big") + low.to_bytes(2, "big") + high.to_bytes(2, "big") + bytes.fromhex(code)
    return encode(RF_RECEIVED, payload)


def _frame_length(buffer: bytearray, start: int) -> int | None:
    """Total frame length for the frame at `start`, 0 when the command is unknown, None if undecided."""
    if len(buffer) < start + 2:
        return None
    command = buffer[start + 1]
    if command in FIXED_PAYLOAD:
        return FIXED_PAYLOAD[command] + 3
    if command in LENGTH_PREFIXED:
        if len(buffer) < start + 3:
            return None
        return buffer[start + 2] + 4
    return 0


@dataclass
class PortischDecoder:
    """Turns a byte stream, fed in arbitrary pieces, into frames and skipped spans."""

    gap_s: float = DEFAULT_GAP_S
    _buffer: bytearray = field(default_factory=bytearray)
    _buffer_offset: int = 0  # stream offset of _buffer[0]
    _last_byte_at: float | None = None

    def feed(self, data: bytes, now: float | None = None) -> list[Frame | Skipped]:
        """Add bytes received at `now` (monotonic seconds; None: no timing, as for a file)."""
        out: list[Frame | Skipped] = []
        if (
            now is not None
            and self._buffer
            and self._last_byte_at is not None
            and now - self._last_byte_at > self.gap_s
        ):
            out.append(Skipped(bytes(self._buffer), self._buffer_offset, "gap"))
            self._drop(len(self._buffer))
        if now is not None:
            self._last_byte_at = now
        self._buffer += data
        self._parse(out)
        return out

    def flush(self) -> list[Frame | Skipped]:
        """End of stream: whatever is left is an incomplete frame."""
        out: list[Frame | Skipped] = []
        if self._buffer:
            out.append(Skipped(bytes(self._buffer), self._buffer_offset, "gap"))
            self._drop(len(self._buffer))
        return out

    def _drop(self, count: int) -> None:
        del self._buffer[:count]
        self._buffer_offset += count

    def _parse(self, out: list[Frame | Skipped]) -> None:
        buffer = self._buffer
        skipped_from: int | None = None  # buffer index where a run of skipped bytes began
        position = 0
        while True:
            start = buffer.find(START, position)
            if start < 0:
                start = len(buffer)
            if start > position and skipped_from is None:
                skipped_from = position
            length = _frame_length(buffer, start) if start < len(buffer) else None
            if length is None:  # need more bytes (or nothing left)
                break
            if length and len(buffer) < start + length:
                break
            if length and buffer[start + length - 1] == END:
                if skipped_from is not None:
                    out.append(
                        Skipped(
                            bytes(buffer[skipped_from:start]), self._buffer_offset + skipped_from, "garbage"
                        )
                    )
                    skipped_from = None
                out.append(
                    Frame(
                        buffer[start + 1],
                        bytes(buffer[start + 2 : start + length - 1]),
                        self._buffer_offset + start,
                    )
                )
                position = start + length
            else:  # unknown command or no end marker where it must be: this 0xAA was noise
                if skipped_from is None:
                    skipped_from = start
                position = start + 1
        keep_from = start if start < len(buffer) else len(buffer)
        if skipped_from is not None and skipped_from < keep_from:
            out.append(
                Skipped(bytes(buffer[skipped_from:keep_from]), self._buffer_offset + skipped_from, "garbage")
            )
        self._drop(keep_from)
