"""Snapshots: the newest full-resolution frame of a stream saved as a JPEG."""

from __future__ import annotations

import re
from pathlib import Path

import cv2

from app.config import data_dir
from app.site_clock import FILE_STAMP, SiteClock
from video.capture import CaptureWorker


def snapshot_folder() -> Path:
    folder = data_dir() / "snapshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_snapshot(
    worker: CaptureWorker, camera_name: str, site_clock: SiteClock, folder: Path | None = None
) -> Path:
    """Write the newest frame as <camera>_<YYYYmmdd-HHMMSS>.jpg (the site's time, as the tile showed it);
    raises RuntimeError with no picture."""
    frame = worker.latest_frame()
    if frame is None:
        raise RuntimeError(f"{camera_name}: 还没有画面，无法截图 (no picture yet)")
    safe_name = re.sub(r"[\\/:*?\"<>|\s]+", "_", camera_name) or "camera"
    stamp = site_clock.from_timestamp(frame.captured_at).strftime(FILE_STAMP)
    path = (folder or snapshot_folder()) / f"{safe_name}_{stamp}_{frame.seq}.jpg"
    ok, data = cv2.imencode(".jpg", frame.bgr(), [cv2.IMWRITE_JPEG_QUALITY, 92])
    if not ok:
        raise RuntimeError(f"{camera_name}: 截图编码失败 (JPEG encoding failed)")
    path.write_bytes(data.tobytes())
    return path
