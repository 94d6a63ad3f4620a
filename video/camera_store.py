"""Adding, editing and deleting the site's cameras (设置 → 摄像机), checked, audited and announced.

Each operation checks the whole form first (every problem at once, each naming its field), writes in one
transaction with its audit entry, and publishes `Change(camera)` (the walls reload their cameras) and
`Change(grid)` for the grids whose cameras changed (the map), after the commit. A login typed into an
address moves to the user and password fields, as the site workbook does; the password is sealed with
the site's camera key (`app/site_keys.py`) and never handed back in clear.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.context import SiteContext
from app.events import CameraChanged, Change, GridChanged, Topic
from app.models import Camera
from app.site_book.cameras import split_login
from app.site_book.common import GridIndex, squash
from app.site_keys import CameraPasswords, SealError
from video.cameras import with_login
from video.onvif import OnvifStreams, read_streams
from video.probe import ProbeResult, probe_stream
from video.recorder_playback import PlaybackSettingError, check_setting
from video.sources import SourceError, SourceKind, source_kind

TRANSPORTS = ("tcp", "udp")
MAX_TEXT = 64
MAX_URL = 500


class CameraFormError(ValueError):
    """A form that cannot be saved: every problem, as (field, "中文 english") pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(text for _, text in problems))
        self.problems = problems


@dataclass(frozen=True)
class CameraForm:
    """What the dialog sends. `password` None keeps the stored one; `clear_password` removes it."""

    name: str
    grid_id: int | None
    main_url: str
    sub_url: str = ""
    lon: float | None = None  # both empty: the grid's centre
    lat: float | None = None
    bearing: float | None = None
    username: str = ""
    password: str | None = None
    clear_password: bool = False
    ai_enabled: bool = False
    transport: str = "tcp"
    playback: str = ""  # the recorder's playback by time: hikvision, dahua or a template


@dataclass(frozen=True)
class _Checked:
    values: dict[str, object]  # the camera's columns, except the password
    password: str | None  # to seal; None keeps (or clears, with `clear`)
    clear: bool


class CameraStore:
    """The site's cameras, written from the settings dialog."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def add(self, form: CameraForm) -> int:
        with self.site.db.session() as session:
            checked = self._check(session, form, None)
            camera = Camera(**checked.values)
            session.add(camera)
            session.flush()  # the id the password is bound to
            _seal(session, camera, checked)
            audit.record(session, self.site.seat, "camera_add", "camera", camera.id, **_audit_detail(checked))
            camera_id, grid_ids = camera.id, {camera.grid_id}
        self._publish("added", camera_id, grid_ids)
        return camera_id

    def edit(self, camera_id: int, form: CameraForm) -> None:
        with self.site.db.session() as session:
            camera = _existing(session, camera_id)
            checked = self._check(session, form, camera_id)
            before = {key: getattr(camera, key) for key in checked.values}
            grid_ids = {camera.grid_id, int(checked.values["grid_id"])}
            for key, value in checked.values.items():
                setattr(camera, key, value)
            _seal(session, camera, checked)
            changed = {key: value for key, value in checked.values.items() if before[key] != value}
            audit.record(
                session,
                self.site.seat,
                "camera_edit",
                "camera",
                camera_id,
                name=camera.name,
                changed=sorted(changed),
                password=_password_word(checked),
            )
        self._publish("edited", camera_id, grid_ids)

    def delete(self, camera_id: int) -> None:
        """Its AI zones go with it; alarms and AI events it raised stay, no longer naming it."""
        with self.site.db.session() as session:
            camera = _existing(session, camera_id)
            grid_ids = {camera.grid_id}
            audit.record(session, self.site.seat, "camera_delete", "camera", camera_id, name=camera.name)
            session.delete(camera)
        self._publish("deleted", camera_id, grid_ids)

    def stream_address(self, camera_id: int | None, url: str, username: str, password: str | None) -> str:
        """`url` with the login to open it with: the typed password, else the stored one."""
        clean, url_user, url_password = split_login(url.strip())
        if password is None and url_password is None and camera_id is not None:
            password = self._stored_password(camera_id)
        return with_login(clean, username.strip() or url_user, url_password or password) or clean

    def test_connection(
        self, camera_id: int | None, url: str, username: str, password: str | None, transport: str = "tcp"
    ) -> ProbeResult:
        """Open the address once (blocks up to the open timeout: call it off the GUI thread)."""
        return probe_stream(self.stream_address(camera_id, url, username, password), transport)

    def read_onvif(
        self, camera_id: int | None, address: str, username: str, password: str | None
    ) -> OnvifStreams:
        """The device's profiles over ONVIF, logged in with the typed or the stored password (blocks)."""
        if password is None and camera_id is not None:
            password = self._stored_password(camera_id)
        return read_streams(address, username.strip(), password or "")

    def _stored_password(self, camera_id: int) -> str | None:
        with self.site.db.session() as session:
            camera = session.get(Camera, camera_id)
            if camera is None or camera.password_sealed is None:
                return None
            try:
                return CameraPasswords.of_site(session).open(camera.password_sealed, camera_id)
            except SealError:
                return None

    def _check(self, session: Session, form: CameraForm, camera_id: int | None) -> _Checked:
        problems: list[tuple[str, str]] = []
        name = form.name.strip()
        if not name:
            problems.append(("name", "请填写名称 (name is required)"))
        elif len(name) > MAX_TEXT:
            problems.append(("name", f"名称过长 (name longer than {MAX_TEXT})"))
        elif _name_taken(session, name, camera_id):
            problems.append(("name", f"已有名为 '{name}' 的摄像机 (a camera with this name exists)"))
        grids = GridIndex.load(session)
        grid = grids.by_id.get(form.grid_id) if form.grid_id is not None else None
        if grid is None:
            problems.append(("grid", "请选择所属网格 (choose the camera's grid)"))
        main_url, url_user, url_password = _address(form.main_url, "main_url", "主码流", problems)
        sub_url = _address(form.sub_url, "sub_url", "子码流", problems)[0] if form.sub_url.strip() else None
        username = form.username.strip() or url_user or ""
        if url_user and form.username.strip() and url_user != form.username.strip():
            problems.append(
                ("username", "用户名与主码流地址中的不一致 (user differs from the one in the URL)")
            )
        password = form.password if form.password else url_password
        if len(username) > MAX_TEXT or (password and len(password) > MAX_TEXT):
            problems.append(("password", f"用户名或密码过长 (longer than {MAX_TEXT})"))
        lon, lat = _position(form, grid.centre if grid else None, problems)
        if form.bearing is not None and not 0 <= form.bearing <= 360:
            problems.append(("bearing", "朝向应在 0-360 度之间 (bearing must be 0-360°)"))
        if form.transport not in TRANSPORTS:
            problems.append(("transport", "传输方式应为 tcp 或 udp (transport must be tcp or udp)"))
        try:
            playback = check_setting(form.playback)
        except PlaybackSettingError as error:
            problems.append(("playback", str(error)))
        if problems:
            raise CameraFormError(problems)
        values = {
            "name": name,
            "grid_id": grid.id,
            "lon": lon,
            "lat": lat,
            "bearing": form.bearing,
            "main_url": main_url,
            "sub_url": sub_url,
            "username": username or None,
            "ai_enabled": form.ai_enabled,
            "transport": form.transport,
            "playback": playback or None,
        }
        return _Checked(values, password or None, form.clear_password and not password)

    def _publish(self, action: str, camera_id: int, grid_ids: set[int]) -> None:
        self.site.hub.publish(Change(Topic.CAMERA, (camera_id,), CameraChanged(action)))
        self.site.hub.publish(Change(Topic.GRID, tuple(sorted(grid_ids)), GridChanged()))


def _existing(session: Session, camera_id: int) -> Camera:
    camera = session.get(Camera, camera_id)
    if camera is None:
        raise CameraFormError(
            [("name", f"摄像机 {camera_id} 已不存在 (camera {camera_id} no longer exists)")]
        )
    return camera


def _name_taken(session: Session, name: str, camera_id: int | None) -> bool:
    wanted = squash(name).casefold()
    return any(
        squash(other).casefold() == wanted
        for id_, other in session.execute(select(Camera.id, Camera.name))
        if id_ != camera_id
    )


def _address(url: str, field: str, label: str, problems: list) -> tuple[str, str | None, str | None]:
    """The address without its login, and the login it held; problems named for the field."""
    url = url.strip()
    if not url:
        problems.append((field, f"请填写{label}地址 ({field.replace('_', ' ')} is required)"))
        return "", None, None
    if len(url) > MAX_URL:
        problems.append((field, f"{label}地址过长 (URL longer than {MAX_URL})"))
        return "", None, None
    try:
        kind = source_kind(url)
    except SourceError as error:
        problems.append((field, f"{label}: {error}"))
        return "", None, None
    if kind in (SourceKind.RTSP, SourceKind.HTTP):
        return split_login(url)
    return url, None, None


def _position(form: CameraForm, centre, problems: list) -> tuple[float | None, float | None]:
    if (form.lon is None) != (form.lat is None):
        problems.append(
            ("lon", "经度与纬度应同时填写或同时留空 (give both longitude and latitude, or neither)")
        )
        return None, None
    if form.lon is None:
        if centre is None:
            problems.append(("lon", "请填写经纬度, 所选网格没有中心点 (the grid has no centre to use)"))
            return None, None
        return centre
    if not (-180 <= form.lon <= 180 and -90 <= form.lat <= 90):
        problems.append(("lon", "经纬度超出范围 (longitude/latitude out of range)"))
    return form.lon, form.lat


def _seal(session: Session, camera: Camera, checked: _Checked) -> None:
    if checked.password:
        camera.password_sealed = CameraPasswords.of_site(session).seal(checked.password, camera.id)
    elif checked.clear:
        camera.password_sealed = None


def _password_word(checked: _Checked) -> str:
    return "set" if checked.password else "cleared" if checked.clear else "kept"


def _audit_detail(checked: _Checked) -> dict[str, object]:
    """The columns written (addresses hold no login by now) and what happened to the password."""
    return {**checked.values, "password": _password_word(checked)}
