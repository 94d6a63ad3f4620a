"""Real stream servers on loopback for the tests and the wall benchmark: RTSP (GStreamer) and HTTP MJPEG."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np

RTSP_SCRIPT = Path(__file__).with_name("rtsp_server.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-gi and gir1.2-gst-rtsp-server-1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def looped_copy(clip: Path, out: Path, loops: int) -> Path:
    """The clip repeated `loops` extra times without re-encoding (the RTSP server plays files once)."""
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-stream_loop",
            str(loops),
            "-i",
            str(clip),
            "-c",
            "copy",
            str(out),
        ],
        check=True,
    )
    return out


class RtspServer:
    """GStreamer's RTSP server in its own process, serving MP4 files at rtsp://127.0.0.1:PORT/<mount>."""

    def __init__(
        self, mounts: dict[str, Path], port: int | None = None, request_log: Path | None = None
    ) -> None:
        self.mounts = mounts
        self.port = port or free_port()
        self.request_log = request_log  # every DESCRIBE's URL, query and all, one a line
        self.process: subprocess.Popen | None = None

    def url(self, mount: str) -> str:
        return f"rtsp://127.0.0.1:{self.port}/{mount}"

    def requested(self) -> list[str]:
        """The URLs clients asked for (DESCRIBE), oldest first; needs `request_log`."""
        if self.request_log is None or not self.request_log.exists():
            return []
        return self.request_log.read_text(encoding="utf-8").splitlines()

    def start(self, timeout: float = 15.0) -> RtspServer:
        args = [SYSTEM_PYTHON, str(RTSP_SCRIPT), str(self.port)] + [
            f"/{m}={p}" for m, p in self.mounts.items()
        ]
        env = dict(os.environ, RTSP_REQUEST_LOG=str(self.request_log)) if self.request_log else None
        self.process = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline()  # "ready" once it listens
        if line.strip() != "ready" or time.monotonic() > deadline:
            self.kill()
            raise RuntimeError(f"RTSP server did not start: {line!r}")
        return self

    def freeze(self, frozen: bool = True) -> None:
        """SIGSTOP (or SIGCONT): a hung camera whose connection stays open but sends nothing."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP if frozen else signal.SIGCONT)

    def kill(self) -> None:
        """SIGKILL, as if the camera lost power: the client sees the connection drop."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        if self.process is not None:
            for stream in (self.process.stdout, self.process.stderr):
                if stream:
                    stream.close()
        self.process = None


class MjpegServer:
    """An HTTP server sending multipart/x-mixed-replace JPEG frames (what IP cameras' /mjpeg URLs do)."""

    def __init__(self, width: int = 320, height: int = 240, fps: float = 10.0) -> None:
        self.width, self.height, self.fps = width, height, fps
        self.stopping = threading.Event()
        self.sending = threading.Event()  # cleared: connections stay open but nothing is sent
        self.sending.set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                if self.path != "/video.mjpg":
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
                self.end_headers()
                index = 0
                try:
                    while not server.stopping.is_set():
                        if not server.sending.is_set():
                            time.sleep(0.05)
                            continue
                        jpeg = server.frame(index)
                        self.wfile.write(b"--frame\r\nContent-Type: image/jpeg\r\n")
                        self.wfile.write(f"Content-Length: {len(jpeg)}\r\n\r\n".encode() + jpeg + b"\r\n")
                        index += 1
                        time.sleep(1 / server.fps)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/video.mjpg"

    def frame(self, index: int) -> bytes:
        picture = np.full((self.height, self.width, 3), (40, 90, 160), np.uint8)
        x = (index * 7) % (self.width - 40)
        cv2.rectangle(picture, (x, 60), (x + 40, 120), (240, 240, 240), -1)
        return cv2.imencode(".jpg", picture)[1].tobytes()

    def start(self) -> MjpegServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
