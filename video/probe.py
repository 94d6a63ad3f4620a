"""A camera's connection test: open its stream once, decode a few pictures, and say what it sends.

Used by the settings dialog's 测试连接 (on a worker thread: opening a dead camera waits for the open
timeout). The stream is opened exactly as the capture workers open it (`open_source`), so a test that
passes means the wall will play it; a failure carries the same words the wall's tile would show.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import cv2

from video.frames import DecodedFrame
from video.opening import CaptureSettings, StreamFailure, describe_failure, open_source

# Enough pictures to measure a rate on a live source without keeping the operator waiting long.
PROBE_FRAMES = 12
PROBE_SECONDS = 4.0


@dataclass(frozen=True)
class ProbeResult:
    """What a stream sends: codec, picture size, frame rate, and one picture as JPEG bytes."""

    codec: str
    width: int
    height: int
    fps: float  # measured over the pictures decoded; the stream's declared rate when only one came
    snapshot_jpeg: bytes
    seconds: float  # from opening to the last picture

    @property
    def summary(self) -> str:
        return f"{self.codec.upper()} {self.width}x{self.height} {self.fps:.1f} fps"


def probe_stream(
    url: str,
    transport: str = "tcp",
    settings: CaptureSettings | None = None,
    frames: int = PROBE_FRAMES,
    max_seconds: float = PROBE_SECONDS,
) -> ProbeResult:
    """Open `url` once and decode up to `frames` pictures; raises StreamFailure with a plain reason."""
    settings = settings or CaptureSettings()
    started = time.monotonic()
    source = open_source(url, transport, settings)
    try:
        decoded, times = _decode_some(source, frames, max_seconds, settings.read_timeout)
        codec = source.stream.codec_context.name or "?"
        declared = float(source.stream.average_rate or source.stream.guessed_rate or 0)
    except StreamFailure:
        raise
    except Exception as error:
        raise describe_failure(error, url) from None
    finally:
        source.container.close()
    if decoded is None:
        raise StreamFailure("连接成功但没有画面 (connected, but no picture arrived)")
    measured = (len(times) - 1) / (times[-1] - times[0]) if len(times) > 2 and times[-1] > times[0] else 0.0
    # A file is decoded as fast as it can be read: its own rate is the honest figure.
    fps = declared if source.paced or not measured else measured
    ok, jpeg = cv2.imencode(".jpg", decoded.bgr(), [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise StreamFailure("画面编码失败 (JPEG encoding failed)")
    width, height = (
        source.stream.codec_context.width or decoded.width,
        source.stream.codec_context.height or decoded.height,
    )
    return ProbeResult(codec, width, height, round(fps, 1), jpeg.tobytes(), time.monotonic() - started)


def _decode_some(source, frames: int, max_seconds: float, stall_seconds: float):
    """The newest of up to `frames` decoded pictures and the monotonic times they arrived."""
    newest: DecodedFrame | None = None
    times: list[float] = []
    deadline = time.monotonic() + max_seconds
    last_picture = time.monotonic()
    for packet in source.container.demux(source.stream):
        for frame in packet.decode():
            times.append(time.monotonic())
            last_picture = times[-1]
            newest = DecodedFrame.from_av(frame, len(times))
        if len(times) >= frames or time.monotonic() > deadline:
            break
        if time.monotonic() - last_picture > stall_seconds:
            raise StreamFailure(f"画面停滞 (no picture for {stall_seconds:.0f} s)")
    return newest, times
