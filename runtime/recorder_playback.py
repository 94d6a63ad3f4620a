"""Playback from a camera's recorder by time: the cameras whose recorder the site can ask, and the
address of a time span, with the camera's stored login, audited as seen (`camera.playback`: a
recorder's video shows people as an event clip does)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app import audit
from app.context import SiteContext
from app.models import Camera
from video.camera_store import CameraStore
from video.recorder_playback import playback_address

SPAN = timedelta(minutes=30)  # asked of the recorder at a time; picking another time asks again


class RecorderPlaybackError(Exception):
    """The recorder cannot be asked (the camera is gone or has no playback setting)."""


@dataclass(frozen=True)
class RecorderCamera:
    id: int
    name: str
    playback: str


def recorder_cameras(site: SiteContext) -> list[RecorderCamera]:
    """The cameras with a playback setting, by name."""
    with site.db.session() as session:
        rows = session.execute(
            select(Camera.id, Camera.name, Camera.playback)
            .where(Camera.playback.is_not(None), Camera.playback != "")
            .order_by(Camera.name)
        ).all()
    return [RecorderCamera(*row) for row in rows]


def recorder_address(
    site: SiteContext,
    camera_id: int,
    start: datetime,
    span: timedelta = SPAN,
    action: str = "camera.playback",
    **detail,
) -> str:
    """The address playing `camera_id`'s recording from `start` (naive UTC) for `span`, its login
    included; audited as `action` (an export says so, with `detail`)."""
    with site.db.session() as session:
        camera = session.get(Camera, camera_id)
        if camera is None or not camera.playback:
            raise RecorderPlaybackError(
                f"摄像机 {camera_id} 未设置录像回放 (camera {camera_id} has no recorder playback set)"
            )
        address = playback_address(camera.playback, camera.main_url, start, start + span, site.clock.zone)
        username = camera.username or ""
        audit.record(
            session,
            site.seat,
            action,
            "camera",
            camera_id,
            name=camera.name,
            start=start.isoformat(),
            **detail,
        )
    return CameraStore(site).stream_address(camera_id, address, username, None)
