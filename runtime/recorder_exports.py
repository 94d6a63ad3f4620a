"""Pictures taken away from a recorder's playback (录像机回放), as from an event clip: a snapshot of the
frame on screen and an export of a span, both carrying the watermark line (site, camera, the
recording's time, who exported it and when), both needing the permission of exporting personal data
and audited (`camera.playback_snapshot`, `camera.playback_export`).

A recorder's stream cannot be copied as a file: the export asks the recorder for the span, saves it
as it plays (`video/recorder_capture.py`, about real time: a minute takes a minute), then burns the
watermark into every frame as an event clip's export does, and removes the unmarked recording.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import audit
from app.context import SiteContext
from app.models import Camera
from app.site_settings import DEFAULT_LANGUAGE
from runtime.clip_exports import burn_in, checked_target, watermark_text
from runtime.clip_library import ClipLibraryError, may_export_clips
from runtime.recorder_playback import RecorderPlaybackError, recorder_address
from video.recorder_capture import RecorderCaptureError, record_span

MAX_EXPORT_S = 30 * 60  # what one playback asks of a recorder (runtime.recorder_playback.SPAN)
RECORDING_SUFFIX = ".recording.mp4"  # the unmarked span, beside the target while it is being marked


@dataclass(frozen=True)
class RecorderExport:
    path: Path
    seconds: float
    short: bool  # the recorder sent less than asked (its recording ends there, or the stream stalled)
    watermark: str


def _camera_name(site: SiteContext, camera_id: int) -> str:
    with site.db.session() as session:
        camera = session.get(Camera, camera_id)
        if camera is None:
            raise RecorderPlaybackError(f"没有编号为 {camera_id} 的摄像机 (no camera {camera_id})")
        return camera.name


def _check_permission(site: SiteContext) -> None:
    if not may_export_clips(site.seat):
        raise ClipLibraryError(
            f"{site.seat.operator} 无权导出录像（含人脸，属个人信息） "
            "(exporting a recording needs the permission to export personal data)"
        )


def recorder_snapshot_line(
    site: SiteContext, camera_id: int, at: datetime, language: str = DEFAULT_LANGUAGE
) -> str:
    """The watermark line of a snapshot of `camera_id`'s recording at `at` (naive UTC); audited."""
    _check_permission(site)
    text = watermark_text(
        site.db, site.seat, camera_id, _camera_name(site, camera_id), language, span=(at, at)
    )
    with site.db.session() as session:
        audit.record(
            session,
            site.seat,
            "camera.playback_snapshot",
            "camera",
            camera_id,
            at=at.isoformat(),
            watermark=text,
        )
    return text


def export_recorder_span(
    site: SiteContext,
    camera_id: int,
    start: datetime,
    seconds: float,
    target: Path,
    language: str = DEFAULT_LANGUAGE,
    progress: Callable[[str, float], None] | None = None,
    stop: threading.Event | None = None,
) -> RecorderExport:
    """Save `seconds` of `camera_id`'s recording from `start` (naive UTC) into `target` with the
    watermark burnt in; `progress(stage, share)` says "record" then "mark"."""
    _check_permission(site)
    if not 1 <= seconds <= MAX_EXPORT_S:
        raise ClipLibraryError(
            f"导出时长须在 1 秒到 {MAX_EXPORT_S // 60} 分钟之间 "
            f"(an export is 1 s to {MAX_EXPORT_S // 60} min): {seconds:g} s"
        )
    target = checked_target(target, f"recording-cam{camera_id}-{start:%Y%m%d-%H%M%S}.mp4")
    end = start + timedelta(seconds=seconds)
    text = watermark_text(
        site.db, site.seat, camera_id, _camera_name(site, camera_id), language, span=(start, end)
    )
    address = recorder_address(
        site,
        camera_id,
        start,
        timedelta(seconds=seconds),
        action="camera.playback_export",
        seconds=seconds,
        file=str(target),
        watermark=text,
    )
    recording = target.with_name(target.stem + RECORDING_SUFFIX)
    report = progress or (lambda _stage, _share: None)
    try:
        span = record_span(address, seconds, recording, stop, lambda share: report("record", share))
        burn_in(recording, target, text, f"{text} (camera {camera_id})", lambda share: report("mark", share))
    except RecorderCaptureError as error:
        raise ClipLibraryError(str(error)) from error
    finally:
        recording.unlink(missing_ok=True)
    return RecorderExport(target, span.seconds, span.short, text)
