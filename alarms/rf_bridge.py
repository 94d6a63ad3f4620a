"""One reader thread per RF bridge on a serial port: decode, hand each code on, acknowledge, reconnect.

A pulled-out dongle is reported as disconnected and the reader retries every few seconds until the
port comes back; nothing has to be restarted by hand.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import serial

from alarms.portisch import ACK_FRAME, BAUD, Frame, PortischDecoder, Skipped
from alarms.sensor_event import RepeatFilter, SensorEvent

log = logging.getLogger(__name__)

# Called with the event; returns when the event is safely stored, so the ACK means "persisted".
EventSink = Callable[[SensorEvent], None]
StateSink = Callable[[str, bool, str], None]  # dongle name, connected, detail


class RfBridgeReader(threading.Thread):
    """Reads one Sonoff RF Bridge (Portisch firmware) and turns received codes into SensorEvents."""

    def __init__(
        self,
        name: str,
        port: str,
        on_event: EventSink,
        on_state: StateSink | None = None,
        *,
        repeats: RepeatFilter | None = None,
        on_frame: Callable[[Frame | Skipped], None] | None = None,
        baud: int = BAUD,
        retry_s: float = 3.0,
    ) -> None:
        super().__init__(name=f"rf-bridge-{name}", daemon=True)
        self.dongle = name
        self.port = port
        self.baud = baud
        self.retry_s = retry_s
        self._on_event = on_event
        self._on_state = on_state or (lambda *_: None)
        self._on_frame = on_frame
        self._repeats = repeats or RepeatFilter()
        self._stopping = threading.Event()
        self._serial: serial.Serial | None = None
        self.connected = threading.Event()

    def stop(self, timeout: float = 2.0) -> None:
        self._stopping.set()
        self.join(timeout)

    def run(self) -> None:
        reported: bool | None = None
        while not self._stopping.is_set():
            try:
                link = serial.Serial(self.port, self.baud, timeout=0.05)
            except (serial.SerialException, OSError) as error:
                if reported is not False:
                    self._report(False, str(error))
                    reported = False
                self._stopping.wait(self.retry_s)
                continue
            self._serial = link
            self._report(True, self.port)
            reported = True
            try:
                self._read(link)
            except (serial.SerialException, OSError) as error:
                log.warning("RF bridge %s on %s lost: %s", self.dongle, self.port, error)
                self._report(False, str(error))
                reported = False
            finally:
                self._serial = None
                link.close()
            if not self._stopping.is_set() and reported is False:
                self._stopping.wait(self.retry_s)

    def send(self, frame: bytes) -> None:
        """Write a command to the bridge (e.g. LEARN_FRAME); ignored while disconnected."""
        link = self._serial
        if link is not None:
            link.write(frame)

    def _report(self, connected: bool, detail: str) -> None:
        if connected:
            self.connected.set()
        else:
            self.connected.clear()
        self._on_state(self.dongle, connected, detail)

    def _read(self, link: serial.Serial) -> None:
        decoder = PortischDecoder()
        while not self._stopping.is_set():
            data = link.read(link.in_waiting or 1)
            if not data:
                continue
            now = time.monotonic()
            for item in decoder.feed(data, now):
                if self._on_frame is not None:
                    self._on_frame(item)
                if isinstance(item, Frame):
                    self._handle(link, item, now)

    def _handle(self, link: serial.Serial, frame: Frame, now: float) -> None:
        code = frame.code
        if code is not None and self._repeats.is_new(code, now):
            try:
                self._on_event(SensorEvent("rf433", code, self.dongle))
            except Exception:  # a store hiccup must not kill the reader; the next press comes through
                log.exception("RF bridge %s: could not handle code %s", self.dongle, code)
        if frame.needs_ack:
            link.write(ACK_FRAME)
