"""A clip taken away: exported with its watermark burnt in (the window's 导出 and `clips export`), or,
for an evidence handover, its original bytes with their SHA-256 (`clips export --original`).

Clips show people, so every export needs the permission of exporting personal data and is audited
(`clip.export`: the watermark's line, or `original` and the file's hash). The watermark says the site,
the camera, the event time, who exported it and when, in the exporter's language (the window's, or the
command's `--lang`, by default the site's).
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.config import Seat
from app.models import Camera, Grid
from app.site_clock import clock_in
from app.site_settings import DEFAULT_LANGUAGE, LANGUAGE, SITE_NAME, read_setting
from app.store import Database
from runtime.clip_library import ClipLibraryError, ClipLine, open_clip, ready_clip
from video.clip_export import ClipExportError, export_watermarked, picture_size
from video.watermark_band import WatermarkFontError, watermark_pixels

# the watermark's own words in each language
WATERMARK_WORDS = {
    "zh_CN": {"event": "事件", "recording": "录像", "exported": "导出"},
    "en": {"event": "event", "recording": "recording", "exported": "exported by"},
}
HASH_CHUNK = 1 << 20


def site_language(db: Database) -> str:
    """The site's interface language (a command's default for what it writes into pictures)."""
    with db.session() as session:
        language = str(read_setting(session, LANGUAGE, DEFAULT_LANGUAGE))
    return language if language in WATERMARK_WORDS else DEFAULT_LANGUAGE


def watermark_text(
    db: Database,
    seat: Seat,
    camera_id: int | None,
    camera_name: str,
    language: str,
    event_at: datetime | None = None,
    span: tuple[datetime, datetime] | None = None,
) -> str:
    """The line a picture taken away carries: the site (`_site_name`), the camera, the event's time (or a recording's
    span), who exported it and when, in the site's time zone and in `language` (naive UTC times)."""
    words = WATERMARK_WORDS.get(language, WATERMARK_WORDS[DEFAULT_LANGUAGE])
    with db.session() as session:
        clock = clock_in(session)
        site = _site_name(session, camera_id)
    if span is not None:  # a recording's span, or one moment of it (a snapshot)
        until = f"–{clock.text(span[1], '%H:%M:%S')}" if span[1] != span[0] else ""
        moment = f"{words['recording']} {clock.text(span[0])}{until}"
    else:
        moment = f"{words['event']} {clock.text(event_at)}"
    return f"{site} · {camera_name} · {moment} · {words['exported']} {seat.operator} {clock.text(clock.utcnow())}"


def _site_name(session: Session, camera_id: int | None) -> str:
    """The site's name; a site not named in its settings (the demo, an imported one) by the top grid
    above the camera (its street), which is where the picture was taken."""
    name = str(read_setting(session, SITE_NAME, ""))
    camera = session.get(Camera, camera_id) if camera_id is not None and not name else None
    grid = session.get(Grid, camera.grid_id) if camera is not None and camera.grid_id else None
    while grid is not None and grid.parent_id is not None:
        grid = session.get(Grid, grid.parent_id)
    return name or (grid.name if grid is not None else "-")


def watermark_line(db: Database, seat: Seat, line: ClipLine, language: str = DEFAULT_LANGUAGE) -> str:
    """An event clip's watermark line."""
    return watermark_text(db, seat, line.camera_id, line.camera_name, language, event_at=line.event_at)


def burn_in(
    source: Path,
    target: Path,
    text: str,
    comment: str,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Re-encode `source` into `target` with the band saying `text` on every frame."""
    try:
        width, height = picture_size(source)
        overlay = watermark_pixels(text, width, height)
        return export_watermarked(source, target, overlay, comment, progress)
    except (ClipExportError, WatermarkFontError) as error:
        raise ClipLibraryError(f"导出失败 (export failed): {error}") from error


def export_watermarked_clip(
    db: Database,
    seat: Seat,
    clip_id: int,
    target: Path,
    language: str = DEFAULT_LANGUAGE,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Re-encode a clip into `target` (a folder gets the clip's own name) with the watermark on every
    frame; audited as an export with the watermark's text."""
    target = checked_target(target, f"clip-{clip_id}.mp4")
    line = ready_clip(db, seat, clip_id, purpose="export")
    text = watermark_line(db, seat, line, language)
    open_clip(db, seat, clip_id, purpose="export", watermark=text)
    return burn_in(Path(line.path), target, text, f"{text} (clip {clip_id})", progress)


def export_original_clip(db: Database, seat: Seat, clip_id: int, target: Path) -> tuple[Path, str]:
    """Copy a clip's file byte for byte (an evidence handover keeps the recording as it was made, its
    hash proving it unchanged); the copy and its SHA-256, audited with the hash."""
    target = checked_target(target, f"clip-{clip_id}.mp4")
    line = ready_clip(db, seat, clip_id, purpose="export")
    digest = sha256_of(Path(line.path))
    open_clip(db, seat, clip_id, purpose="export", original=True, sha256=digest)
    shutil.copyfile(line.path, target)
    return target, digest


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def checked_target(target: Path, default_name: str) -> Path:
    """`target`, or a file `default_name` in it when it is a folder; its folder must exist."""
    if target.is_dir():
        target = target / default_name
    if not target.parent.is_dir():
        raise ClipLibraryError(f"文件夹不存在 (no such folder): {target.parent}")
    return target
