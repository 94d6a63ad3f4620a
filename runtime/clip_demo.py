"""Event clips in the demo site's history, so a new user sees playback at once: the alarm waiting in
the popup, a few handled alarms, two AI events (a person at the compound's fence) and an open ticket
each get a clip cut from the demo scenes their cameras show (the sub-stream's 12-second loop, the
event 5 seconds in).

The scenes are the wall's own cached files (`video/demo_scenes.scene_path`), drawn once; every clip is
a copy of its camera's scene in the clips folder, as a recorder would leave it, so `clips list`,
`clips export`, 回放 and pruning treat it like any other.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.models import Alarm
from app.config import Seat
from app.models import Camera
from app.store.base import utcnow
from app.tickets.models import Ticket
from app.tickets.states import State
from runtime.clips import clips_folder
from video.ai.records import AiEvent
from video.clip_records import READY, Clip
from video.demo_scenes import FIRST_AI_SCENE, LOOP_SECONDS, scene_path
from video.sources import DemoScene, SourceError, parse_demo_url

EVENT_INTO_CLIP_S = 5.0
HANDLED_ALARMS_WITH_CLIPS = 3
AI_EVENTS = (("zone", "围墙", 38), ("stranger", None, 190))  # (kind, zone, minutes ago)
SUB_STREAM = (640, 360)


def seed_demo_clips(
    session: Session, seed: int, folder: Path | None = None, now: datetime | None = None
) -> int:
    """Write the demo's clips (files and rows) into the caller's unit of work; returns how many."""
    now = now or utcnow()
    cameras = _demo_cameras(session)
    if not cameras:
        return 0
    folder = (folder or clips_folder()) / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    with_person = next((c for c in cameras if c.scene >= FIRST_AI_SCENE), cameras[-1])
    written = 0
    alarms = session.scalars(
        select(Alarm).order_by(Alarm.raised_at.desc()).limit(1 + HANDLED_ALARMS_WITH_CLIPS)
    )
    for alarm in alarms:
        camera = _nearest(cameras, alarm.lon, alarm.lat)
        _clip(session, folder, camera, alarm.raised_at, alarm_id=alarm.id, ticket_id=alarm.ticket_id)
        written += 1
    for kind, zone, minutes in AI_EVENTS:
        event = AiEvent(
            camera_id=with_person.id,
            kind=kind,
            urgent=True,
            at=now - timedelta(minutes=minutes),
            track_id=seed + minutes,
            zone=zone,
            detail=json.dumps({"demo": True}),
        )
        session.add(event)
        session.flush()
        _clip(session, folder, with_person, event.at, ai_event_id=event.id)
        written += 1
    ticket = session.scalars(
        select(Ticket).where(Ticket.state == State.IN_PROGRESS.value).order_by(Ticket.id)
    ).first()
    if ticket is not None:
        camera = _nearest(cameras, ticket.lon, ticket.lat)
        _clip(session, folder, camera, ticket.created_at + timedelta(minutes=2), ticket_id=ticket.id)
        written += 1
    return written


class DemoCamera(NamedTuple):
    id: int
    name: str
    scene: int
    lon: float
    lat: float


def _demo_cameras(session: Session) -> list[DemoCamera]:
    """The demo cameras (those showing a demo scene), by id."""
    found = []
    for camera_id, name, url, lon, lat in session.execute(
        select(Camera.id, Camera.name, Camera.sub_url, Camera.lon, Camera.lat).order_by(Camera.id)
    ):
        try:
            found.append(DemoCamera(camera_id, name, parse_demo_url(url or "").number, lon, lat))
        except SourceError:
            continue
    return found


def _nearest(cameras: list[DemoCamera], lon: float | None, lat: float | None) -> DemoCamera:
    """The camera nearest the place (the popup's live view shows it too); the first without a place."""
    if lon is None or lat is None:
        return cameras[0]
    return min(cameras, key=lambda c: (c.lon - lon) ** 2 + ((c.lat - lat) * 1.2) ** 2)


def _clip(session: Session, folder: Path, camera: DemoCamera, event_at: datetime, **links) -> None:
    camera_id, name, scene = camera.id, camera.name, camera.scene
    source = scene_path(DemoScene(scene, *SUB_STREAM))
    row = Clip(
        camera_id=camera_id,
        camera_name=name,
        event_at=event_at,
        starts_at=event_at - timedelta(seconds=EVENT_INTO_CLIP_S),
        before_s=EVENT_INTO_CLIP_S,
        after_s=LOOP_SECONDS - EVENT_INTO_CLIP_S,
        state=READY,
        host=Seat().host,
        path="",
        duration_s=float(LOOP_SECONDS),
        size_bytes=source.stat().st_size,
        note="演示片段 (a demo clip)",
        ready_at=event_at + timedelta(seconds=LOOP_SECONDS),
        **links,
    )
    session.add(row)
    session.flush()
    row.path = str(folder / f"clip-{row.id}-cam{camera_id}.mp4")
    shutil.copyfile(source, row.path)
