"""Playback from a camera's recorder (NVR, or the camera's own SD card) by time, over RTSP.

Each camera may name how its recorder plays a time span back (`cameras.playback`): a vendor's preset
or a template of the site's own. The presets follow the vendors' published URL shapes:

- `hikvision`: `/Streaming/tracks/<channel>01?starttime=YYYYMMDDtHHMMSSz&endtime=...` (ISAPI: UTC);
- `hikvision-local`: the same shape with the site's local time before the `z`: many Hikvision NVRs
  (and cameras playing their SD card) read the `z` time as their own local time, so with `hikvision`
  they play from 8 hours off in China; which one a recorder wants is chosen per camera (the camera
  form says how to tell: the player shows the time asked, the picture's clock shows the time played);
- `dahua`: `/cam/playback?channel=<channel>&starttime=YYYY_MM_DD_HH_MM_SS&endtime=...` (the
  recorder's local time, which is the site's).

The host, port and channel come from the camera's live address (Hikvision `/Streaming/Channels/301`
is channel 3, Dahua `...?channel=2` is 2; otherwise 1). A template is an rtsp:// URL with `{start}`,
`{end}` (site time), `{start_utc}`, `{end_utc}` as Python date formats (`{start:%Y%m%d%H%M%S}`),
and `{base}` (scheme, host and port of the live address), `{channel}`.
The login is not part of it: the camera's stored login is added when the address is opened.
"""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

PRESETS = {
    "hikvision": (
        "{base}/Streaming/tracks/{channel}01"
        "?starttime={start_utc:%Y%m%dt%H%M%Sz}&endtime={end_utc:%Y%m%dt%H%M%Sz}"
    ),
    "hikvision-local": (
        "{base}/Streaming/tracks/{channel}01"
        "?starttime={start:%Y%m%dt%H%M%Sz}&endtime={end:%Y%m%dt%H%M%Sz}"
    ),
    "dahua": (
        "{base}/cam/playback?channel={channel}"
        "&starttime={start:%Y_%m_%d_%H_%M_%S}&endtime={end:%Y_%m_%d_%H_%M_%S}"
    ),
}
FIELDS = {"base", "channel", "start", "end", "start_utc", "end_utc"}
HIKVISION_CHANNEL = re.compile(r"/Streaming/Channels/(\d+?)0\d$", re.IGNORECASE)


class PlaybackSettingError(ValueError):
    """A playback setting that cannot make an address; the message says why (Chinese and English)."""


def check_setting(setting: str) -> str:
    """The setting tidied ("" for none), or PlaybackSettingError."""
    text = setting.strip()
    if not text or text.lower() in PRESETS:
        return text.lower()
    if not text.lower().startswith(("rtsp://", "rtsps://", "{base}")):
        raise PlaybackSettingError(
            f"回放地址须为 hikvision、hikvision-local、dahua 或以 rtsp:// 开头的模板 "
            f"(playback must be hikvision, hikvision-local, dahua or an rtsp:// template): {text}"
        )
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        raise PlaybackSettingError(f"回放模板有误 (a broken template): {error}") from error
    unknown = names - FIELDS
    if unknown or not names & {"start", "start_utc"}:
        raise PlaybackSettingError(
            f"回放模板只能用 {{start}} {{end}} {{start_utc}} {{end_utc}} {{base}} {{channel}}，且须有开始时间 "
            f"(a template uses those fields and needs a start): {', '.join(sorted(unknown)) or text}"
        )
    return text


def channel_of(live_url: str) -> int:
    """The recorder channel a live address names (Hikvision's /Streaming/Channels/N0x, Dahua's
    ?channel=N), else 1."""
    parts = urlsplit(live_url)
    match = HIKVISION_CHANNEL.search(parts.path)
    if match:
        return int(match.group(1))
    channel = parse_qs(parts.query).get("channel", [""])[0]
    return int(channel) if channel.isdigit() else 1


def playback_address(setting: str, live_url: str, start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """The recorder's address for [start, end) (naive UTC instants, as stored) without a login."""
    template = PRESETS.get(setting.strip().lower(), setting.strip())
    parts = urlsplit(live_url)
    host = parts.hostname or ""
    base = f"{parts.scheme or 'rtsp'}://{host}" + (f":{parts.port}" if parts.port else "")
    start_utc, end_utc = start.replace(tzinfo=UTC), end.replace(tzinfo=UTC)
    return template.format(
        base=base,
        channel=channel_of(live_url),
        start=start_utc.astimezone(zone),
        end=end_utc.astimezone(zone),
        start_utc=start_utc,
        end_utc=end_utc,
    )
