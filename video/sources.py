"""Where a stream comes from: URL kinds, the options FFmpeg needs for each, and password redaction.

Camera URLs carry credentials (``rtsp://admin:secret@10.0.0.5/…``); every text that may reach a log,
a tooltip or an error message goes through `redact_url` first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qs, urlsplit


class SourceKind(StrEnum):
    RTSP = "rtsp"
    HTTP = "http"  # HTTP(S) MJPEG or any stream FFmpeg reads over HTTP
    FILE = "file"  # a local video file, played at its own frame rate and looped
    USB = "usb"  # a local camera: usb:0 or /dev/video0
    DEMO = "demo"  # demo://scene/<k>?w=&h=: a locally generated looping scene, played like a file


class SourceError(ValueError):
    """A URL that can never work (unknown scheme, malformed): a configuration error, not an outage."""


_CREDENTIALS = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^:/@\s]*)(?::[^@/\s]*)?@")


def redact_url(text: str) -> str:
    """The text with every URL password replaced by ***, e.g. rtsp://admin:***@host/… ."""
    return _CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:***@" if m["user"] else m["scheme"], text)


def source_kind(url: str) -> SourceKind:
    """Which kind of source a URL names; raises SourceError for one that cannot work."""
    if not url or not url.strip():
        raise SourceError("地址为空 (empty URL)")
    lowered = url.strip().lower()
    if lowered.startswith(("rtsp://", "rtsps://")):
        return SourceKind.RTSP
    if lowered.startswith(("http://", "https://")):
        return SourceKind.HTTP
    if lowered.startswith("demo://"):
        return SourceKind.DEMO
    if lowered.startswith("usb:") or lowered.startswith("/dev/video"):
        return SourceKind.USB
    if lowered.startswith("file://") or "://" not in lowered:
        return SourceKind.FILE
    raise SourceError(f"不支持的地址类型 (unsupported URL scheme): {redact_url(url.split('://')[0])}")


@dataclass(frozen=True)
class DemoScene:
    """A demo://scene/<number>?w=<width>&h=<height> address."""

    number: int
    width: int
    height: int


def parse_demo_url(url: str) -> DemoScene:
    parts = urlsplit(url)
    try:
        if parts.netloc != "scene":
            raise ValueError
        number = int(parts.path.strip("/"))
        query = parse_qs(parts.query)
        width = int(query.get("w", ["640"])[0])
        height = int(query.get("h", ["360"])[0])
    except ValueError:
        raise SourceError(f"演示地址格式错误 (malformed demo URL): {url}") from None
    if number < 1 or not (64 <= width <= 3840 and 64 <= height <= 2160):
        raise SourceError(f"演示地址超出范围 (demo URL out of range): {url}")
    return DemoScene(number, width - width % 2, height - height % 2)


def file_path(url: str) -> str:
    """The local path of a file:// URL or a bare path."""
    return urlsplit(url).path if url.lower().startswith("file://") else url


def usb_device(url: str) -> str:
    """usb:0 → /dev/video0; a /dev/video path stays as it is."""
    return f"/dev/video{int(url[4:] or 0)}" if url.lower().startswith("usb:") else url


def ffmpeg_options(kind: SourceKind, transport: str, read_timeout_s: float) -> dict[str, str]:
    """Demuxer options: low latency, quick probing, and a socket timeout so a dead camera cannot hang."""
    options = {"fflags": "nobuffer", "probesize": "200000", "analyzeduration": "300000"}
    micros = str(int(read_timeout_s * 1_000_000))
    if kind is SourceKind.RTSP:
        options |= {"rtsp_transport": "udp" if transport == "udp" else "tcp", "timeout": micros}
    elif kind is SourceKind.HTTP:
        options |= {"rw_timeout": micros, "reconnect": "0"}
    elif kind in (SourceKind.FILE, SourceKind.DEMO):
        options = {}
    return options
