"""A pseudo-terminal standing in for the RF bridge: the reader opens the real serial port path."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
import tty
from pathlib import Path


class PtyBridge:
    """The bridge's end of a pty pair (os.openpty); `port` is the path the app opens with pyserial."""

    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no CR/LF translation before the reader sets its own mode
        self.port = os.ttyname(self._slave)

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def read_available(self, timeout: float = 0.5, want: int | None = None) -> bytes:
        """What the app wrote back (ACKs), waiting up to `timeout` for `want` bytes."""
        out = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and (want is None or len(out) < want):
            ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            try:
                out += os.read(self.master, 1024)
            except OSError:
                break
        return out

    def close(self) -> None:
        for fd in (self.master, self._slave):
            try:
                os.close(fd)
            except OSError:
                pass


class SocatBridge:
    """A pty pair made by socat with stable link names, so the port can vanish and come back."""

    def __init__(self, folder: Path) -> None:
        if shutil.which("socat") is None:
            raise RuntimeError("socat is not installed")
        self.port = str(folder / "ttyRFBridge")
        self.bridge_end = str(folder / "ttyBridgeSide")
        self._process: subprocess.Popen | None = None
        self._fd: int | None = None

    def plug_in(self) -> None:
        self._process = subprocess.Popen(
            [
                "socat",
                f"PTY,link={self.port},raw,echo=0",
                f"PTY,link={self.bridge_end},raw,echo=0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 5
        while not (os.path.exists(self.port) and os.path.exists(self.bridge_end)):
            if time.monotonic() > deadline:
                raise RuntimeError("socat did not create the pty links")
            time.sleep(0.01)
        self._fd = os.open(self.bridge_end, os.O_RDWR | os.O_NOCTTY)

    def write(self, data: bytes) -> None:
        assert self._fd is not None
        os.write(self._fd, data)

    def pull_out(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._process is not None:
            self._process.terminate()
            self._process.wait(5)
            self._process = None
