"""The site's cameras as the settings dialog lists them, the grids a camera can belong to, and the
cameras the signed-in user's wall may show.

Logins are described, never handed out: a row says whether a password is stored, not what it is."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.context import SiteContext
from app.models import Camera, Grid
from video.cameras import CameraInfo, load_cameras


@dataclass(frozen=True)
class CameraRow:
    id: int
    name: str
    grid_id: int
    grid_name: str
    grid_code: str
    main_url: str  # without a login
    sub_url: str | None
    username: str
    has_password: bool
    ai_enabled: bool
    transport: str
    lon: float
    lat: float
    bearing: float | None
    playback: str = ""  # the recorder's playback by time (video/recorder_playback.py)


@dataclass(frozen=True)
class GridChoice:
    id: int
    code: str
    name: str
    level: int

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


class CameraCatalogue:
    """Reads the cameras and grids for the settings dialog (one short session per call)."""

    def __init__(self, site: SiteContext) -> None:
        self.db = site.db

    def cameras(self) -> list[CameraRow]:
        with self.db.session() as session:
            rows = session.execute(
                select(Camera, Grid.name, Grid.code)
                .join(Grid, Grid.id == Camera.grid_id)
                .order_by(Camera.name)
            ).all()
            return [
                CameraRow(
                    c.id,
                    c.name,
                    c.grid_id,
                    grid_name,
                    code,
                    c.main_url,
                    c.sub_url,
                    c.username or "",
                    c.password_sealed is not None,
                    c.ai_enabled,
                    c.transport,
                    c.lon,
                    c.lat,
                    c.bearing,
                    c.playback or "",
                )
                for c, grid_name, code in rows
            ]

    def grids(self) -> list[GridChoice]:
        """Every grid, level by level, then by code: a camera may hang off any of them."""
        with self.db.session() as session:
            rows = session.execute(
                select(Grid.id, Grid.code, Grid.name, Grid.level).order_by(Grid.level, Grid.code)
            )
            return [GridChoice(id_, code, name, int(level)) for id_, code, name, level in rows]


def wall_cameras(site: SiteContext) -> list[CameraInfo]:
    """The cameras this seat's wall shows: a grid worker's subtree only (the core's scope)."""
    user = site.seat.user
    return load_cameras(site.db, within=user.grid_scope if user is not None else None)
