"""Opening a stream the way the wall opens it: the timeouts, FFmpeg's options per kind of source, and
every failure put in words an operator understands (the capture workers and the settings dialog's
connection test both open streams here)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import av
import av.error

from video.backoff import Backoff
from video.sources import (
    SourceError,
    SourceKind,
    ffmpeg_options,
    file_path,
    parse_demo_url,
    redact_url,
    source_kind,
    usb_device,
)


class StreamFailure(Exception):
    """Why a stream could not be opened or stopped delivering, in words for the operator."""

    def __init__(self, reason: str, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent  # the source is wrong, not just away: shown as an error


@dataclass
class CaptureSettings:
    open_timeout: float = 5.0
    read_timeout: float = 3.0
    stall_seconds: float = 3.0  # packets arrive but no picture decodes for this long → restart
    offline_after: float = 20.0  # failing this long in a row → "offline" rather than "reconnecting"
    decoder_threads: int = 1  # sub-streams: one thread each; a maximised main stream may use 2
    backoff: Backoff = field(default_factory=Backoff)


@dataclass
class OpenedSource:
    """An opened container, its first video stream, and whether to pace playback (files)."""

    container: av.container.InputContainer
    stream: av.video.stream.VideoStream
    paced: bool


def open_source(url: str, transport: str, settings: CaptureSettings) -> OpenedSource:
    """Open a stream with the timeouts of `settings`; raises StreamFailure in the operator's words.

    The capture workers and the settings dialog's connection test open streams the same way."""
    try:
        kind = source_kind(url)
        target, fmt, paced = _target(url, kind)
    except SourceError as error:
        raise StreamFailure(str(error), permanent=True) from None
    except Exception as error:  # e.g. the demo scene could not be written: say so, retry later
        raise describe_failure(error, url) from None
    options = ffmpeg_options(kind, transport, settings.read_timeout)
    # Network sources get FFmpeg's own socket timeout (in `options`). PyAV's read timeout is an
    # interrupt callback that takes the GIL on every I/O check: with 21 streams that is thousands
    # of GIL handoffs a second and ~15-20% of the wall's CPU, so only USB capture, whose device
    # read has no timeout of its own, uses it.
    read_timeout = settings.read_timeout if kind is SourceKind.USB else None
    opening = time.monotonic()
    try:
        container = av.open(
            target, format=fmt, options=options, timeout=(settings.open_timeout, read_timeout)
        )
    except Exception as error:  # PyAV raises many kinds; each becomes a plain reason
        if time.monotonic() - opening >= min(settings.open_timeout, settings.read_timeout) - 0.05:
            # FFmpeg reports a silent peer as "invalid data" or "exit requested": it is a timeout.
            raise StreamFailure(f"连接超时 (no answer within {time.monotonic() - opening:.0f} s)") from None
        raise describe_failure(error, url) from None
    if not container.streams.video:
        container.close()
        raise StreamFailure("没有视频轨道 (no video track)", permanent=True)
    stream = container.streams.video[0]
    stream.codec_context.thread_count = settings.decoder_threads
    return OpenedSource(container, stream, paced)


def _target(url: str, kind: SourceKind) -> tuple[str, str | None, bool]:
    """What FFmpeg opens, its format (if it cannot guess) and whether to pace playback (files)."""
    if kind is SourceKind.DEMO:
        from video.demo_scenes import scene_path

        return str(scene_path(parse_demo_url(url))), None, True
    if kind is SourceKind.FILE:
        return file_path(url), None, True
    if kind is SourceKind.USB:
        return usb_device(url), "v4l2", False
    return url, None, False


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S+")


def _status(text: str, code: int) -> bool:
    return re.search(rf"(?<!\d){code}(?!\d)", text) is not None


def describe_failure(error: Exception, url: str) -> StreamFailure:
    """Turn an FFmpeg/OS error into a reason an operator understands; passwords are removed."""
    text = redact_url(str(error))
    if isinstance(error, StreamFailure):
        return error
    # Status codes are looked for in the words around the address, never in it: port 40419 or a
    # path .../404 is not "404 Not Found".
    said = _URL.sub("", text)
    if isinstance(error, av.error.ConnectionRefusedError) or "Connection refused" in text:
        return StreamFailure("连接被拒绝 (connection refused)")
    if isinstance(error, av.error.FileNotFoundError | FileNotFoundError) and "://" not in url[:10]:
        return StreamFailure("文件不存在 (file not found)", permanent=True)
    if isinstance(error, av.error.HTTPUnauthorizedError | av.error.HTTPForbiddenError) or _status(said, 401):
        return StreamFailure("用户名或密码错误 (unauthorized)", permanent=True)
    if isinstance(error, av.error.HTTPNotFoundError) or _status(said, 404) or "Not Found" in said:
        return StreamFailure("地址不存在 (404 not found)", permanent=True)
    if isinstance(error, av.error.ExitError | TimeoutError) or "timed out" in text.lower():
        return StreamFailure("连接超时 (timed out)")
    if isinstance(error, av.error.InvalidDataError):
        return StreamFailure("数据无法解码 (invalid data)")
    if "Name or service not known" in text or "resolve" in text.lower():
        return StreamFailure("无法解析主机名 (host not found)", permanent=True)
    if isinstance(error, av.error.EOFError | EOFError):
        return StreamFailure("视频流结束 (stream ended)")
    return StreamFailure(f"读取失败 (read failed): {text[:120]}")
