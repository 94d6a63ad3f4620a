"""The camera records the wall and the AI pipeline work from, read from the store.

A camera's login is kept apart from its addresses (`username`, the password sealed with the site's key,
`app/site_keys.py`) and put back into the RTSP/HTTP addresses here, as the streams are opened: every
display of an address goes through `redact_url`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from sqlalchemy import select

from app.models import Camera, Grid
from app.site_keys import CameraPasswords, SealError
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


log = logging.getLogger(__name__)


def with_login(url: str | None, username: str | None, password: str | None) -> str | None:
    """The address with the camera's login in it (one already in the address is kept)."""
    if not url or not username:
        return url
    parts = urlsplit(url)
    if parts.username or not parts.hostname:
        return url
    login = quote(username, safe="") + (f":{quote(password, safe='')}" if password else "")
    return urlunsplit(parts._replace(netloc=f"{login}@{parts.netloc}"))


def _password(session, camera: Camera) -> str | None:
    if camera.password_sealed is None:
        return None
    try:
        return CameraPasswords.of_site(session).open(camera.password_sealed, camera.id)
    except SealError:  # the stream then fails to log in, and the tile says so
        log.warning("camera %s: its stored password does not open with the site's key", camera.id)
        return None


def load_cameras(db: Database, within: frozenset[int] | None = None) -> list[CameraInfo]:
    """Every camera (or those in the grids `within`: a grid worker's subtree) with its grid's name and
    its login in its addresses, ordered by id."""
    query = select(Camera, Grid.name).join(Grid, Grid.id == Camera.grid_id).order_by(Camera.id)
    if within is not None:
        query = query.where(Camera.grid_id.in_(within))
    with db.session() as session:
        rows = session.execute(query).all()
        logins = {camera.id: (camera.username, _password(session, camera)) for camera, _ in rows}
        return [
            CameraInfo(
                id=camera.id,
                name=camera.name,
                grid_id=camera.grid_id,
                grid_name=grid_name,
                main_url=with_login(camera.main_url, *logins[camera.id]),
                sub_url=with_login(camera.sub_url, *logins[camera.id]),
                transport=camera.transport,
                ai_enabled=camera.ai_enabled,
                lon=camera.lon,
                lat=camera.lat,
                bearing=camera.bearing,
            )
            for camera, grid_name in rows
        ]
