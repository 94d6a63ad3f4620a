"""A site with two cameras for the clip tests: 东门 at the alarm's place and 北门 a kilometre away."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.models import Camera, Grid
from app.store.base import utcnow
from video.clip_records import Clip

PLACE = (113.6100, 34.7100)  # where the alarms are raised
FAR = (113.6100, 34.7200)  # ~1.1 km north


def site_with_cameras(db, url: str) -> tuple[SiteContext, dict[str, int]]:
    with db.session() as session:
        grid = Grid(code="W-1", name="幸福里1号楼", level=4, centre_lon=PLACE[0], centre_lat=PLACE[1])
        session.add(grid)
        session.flush()
        near = Camera(
            name="东门", grid_id=grid.id, lon=PLACE[0] + 0.0005, lat=PLACE[1], main_url=url, sub_url=url
        )
        far = Camera(name="北门", grid_id=grid.id, lon=FAR[0], lat=FAR[1], main_url=url, sub_url=url)
        session.add_all([near, far])
        session.flush()
        ids = {"near": near.id, "far": far.id}
    return SiteContext(db, EventHub()), ids


def add_clip(
    db, folder: Path, source: Path, camera_id: int, days_old: float, pad_to: int | None = None, **links
) -> int:
    """A ready clip row with its file (the test scene's MP4, padded to `pad_to` bytes for the quota
    tests), as a recorder leaves it: the event 3 s into the file."""
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    with db.session() as session:
        event_at = utcnow() - timedelta(days=days_old)
        row = Clip(
            camera_id=camera_id,
            camera_name="东门",
            event_at=event_at,
            starts_at=event_at - timedelta(seconds=3),
            before_s=15.0,
            after_s=30.0,
            state="ready",
            host=Seat().host,
            path="",
            size_bytes=pad_to or len(data),
            duration_s=12.0,
            dropped=False,
            note="",
            **links,
        )
        session.add(row)
        session.flush()
        row.path = str(folder / f"clip-{row.id}.mp4")
        Path(row.path).write_bytes(data + bytes((pad_to or len(data)) - len(data)))
        return row.id
