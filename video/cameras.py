"""The camera records the wall and the AI pipeline work from, read from the store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.models import Camera, Grid
from app.store import Database
from video.pool import Profile, StreamRequest
from video.sources import redact_url


@dataclass(frozen=True)
class CameraInfo:
    id: int
    name: str
    grid_id: int
    grid_name: str
    main_url: str
    sub_url: str | None
    transport: str
    ai_enabled: bool
    lon: float
    lat: float
    bearing: float | None = None

    def stream(self, profile: Profile) -> StreamRequest:
        """The request for one of its streams; a camera without a sub-stream shows its main one."""
        url = self.sub_url if profile is Profile.SUB and self.sub_url else self.main_url
        return StreamRequest(self.id, profile, url, self.transport, self.name)

    @property
    def display_url(self) -> str:
        return redact_url(self.main_url)


def load_cameras(db: Database) -> list[CameraInfo]:
    """Every camera with its grid's name, ordered by grid and name."""
    with db.session() as session:
        rows = session.execute(
            select(Camera, Grid.name).join(Grid, Grid.id == Camera.grid_id).order_by(Camera.id)
        ).all()
        return [
            CameraInfo(
                id=camera.id,
                name=camera.name,
                grid_id=camera.grid_id,
                grid_name=grid_name,
                main_url=camera.main_url,
                sub_url=camera.sub_url,
                transport=camera.transport,
                ai_enabled=camera.ai_enabled,
                lon=camera.lon,
                lat=camera.lat,
                bearing=camera.bearing,
            )
            for camera, grid_name in rows
        ]
