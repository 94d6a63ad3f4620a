"""The 摄像机 sheet: cameras keyed by name. Logins are kept out of the URLs: a URL written with
rtsp://user:password@host gives its user and password to the 用户名 and 密码 columns, the password is
sealed with the site's camera key, and nothing ever writes it back in clear."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Camera
from app.site_book import cells
from app.site_book.carried_passwords import CarriedPasswordError, PasswordOpener, PasswordSealer, is_carried
from app.site_book.common import (
    GridIndex,
    GridRef,
    RowCheck,
    SheetCount,
    exported_coordinate,
    kept_coordinate,
    report_duplicates,
    squash,
)
from app.site_book.problems import Problems, SiteBookError
from app.site_book.sheets import CAMERAS, NO, PASSWORD_CLEARED, PASSWORD_KEPT, YES
from app.site_book.workbook import SheetData
from app.site_keys import CameraPasswords, SealError

# The sources the capture workers open (video/sources.py; app sits below video, so it cannot ask it).
URL_SCHEMES = ("rtsp", "rtsps", "http", "https", "demo", "file")
KEEP = object()  # the 密码 cell leaves the stored password as it is


@dataclass(frozen=True)
class CameraEntry:
    row: int
    name: str
    grid_code: str
    lon: float | None
    lat: float | None
    bearing: float | None
    main_url: str
    sub_url: str | None
    username: str | None
    password: object  # str to set, None to clear, KEEP
    ai_enabled: bool


def split_login(url: str) -> tuple[str, str | None, str | None]:
    """rtsp://admin:pw@10.0.0.5/h264 -> (rtsp://10.0.0.5/h264, admin, pw)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None, None
    login, _, host = parts.netloc.rpartition("@")
    user, has_password, password = login.partition(":")
    clean = urlunsplit(parts._replace(netloc=host))
    return clean, unquote(user) or None, unquote(password) if has_password else None


def _url(value: object, label: str) -> str | None:
    url = cells.safe_text(value, label, 500)
    if not url:
        return None
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if url.lower().startswith(("usb:", "/dev/video")):
        return url
    if scheme not in URL_SCHEMES:
        raise cells.CellError(f"{label}应以 rtsp:// 等开头 (支持 {'、'.join(URL_SCHEMES)}、usb:)")
    return url


@dataclass(frozen=True)
class Carried:
    """A password an export sealed with a passphrase (carried_passwords.py), opened once the row's name
    is known."""

    cell: str


def _password(value: object, label: str) -> object:
    if isinstance(value, cells.Formula):
        cells.safe_text(value, label, 64)
    text = "" if value is None else str(value).strip()
    if text in ("", PASSWORD_KEPT):
        return KEEP
    if text == PASSWORD_CLEARED:
        return None
    if is_carried(text):
        return Carried(text)
    if len(text) > 64:
        raise cells.CellError(f"{label}过长 (最多 64 字)")
    return text


def parse(data: SheetData, problems: Problems, opener: PasswordOpener | None = None) -> list[CameraEntry]:
    """The sheet's rows; passwords an export carried are opened with `opener` (the import's passphrase)."""
    entries, rows_by_name = [], defaultdict(list)
    for row in data.rows:
        check = RowCheck(CAMERAS, row, problems)
        name = check.read("name", lambda v, label: cells.required_text(v, label, 64))
        grid_code = check.read("grid_code", lambda v, label: cells.required_text(v, label, 64))
        lon = check.read("lon", lambda v, label: cells.number(v, label, -180, 180))
        lat = check.read("lat", lambda v, label: cells.number(v, label, -90, 90))
        bearing = check.read("bearing", lambda v, label: cells.number(v, label, 0, 360))
        main_url = check.read("main_url", _url)
        sub_url = check.read("sub_url", _url)
        username = check.read("username", lambda v, label: cells.optional_text(v, label, 64))
        password = check.read("password", _password)
        if isinstance(password, Carried) and name:
            password = _open_carried(check, password, name, opener)
        ai = check.read("ai_enabled", cells.yes_no)
        if main_url is None and check.ok:
            check.fail("main_url", "缺少主码流地址")
        if (lon is None) != (lat is None) and check.ok:
            check.fail("lon" if lon is None else "lat", "经度与纬度应同时填写或同时留空")
        if name:
            rows_by_name[squash(name)].append(row.number)
        if not check.ok:
            continue
        main_url, username, password = _logins(check, main_url, username, password)
        sub_url = split_login(sub_url)[0] if sub_url else None
        if check.ok:
            entries.append(
                CameraEntry(
                    row.number,
                    name,
                    grid_code,
                    lon,
                    lat,
                    bearing,
                    main_url,
                    sub_url,
                    username,
                    password,
                    bool(ai),
                )
            )
    report_duplicates(CAMERAS, "name", rows_by_name, problems)
    return entries


def _open_carried(check: RowCheck, carried: Carried, name: str, opener: PasswordOpener | None) -> object:
    if opener is None:
        check.fail(
            "password",
            "此密码由导出时的口令加密, 请在导入时提供该口令 (import-site --passwords)"
            " (the password was sealed with a passphrase at export: give it to the import)",
        )
        return KEEP
    try:
        return opener.open(carried.cell, name)
    except CarriedPasswordError as error:
        check.fail("password", str(error))
        return KEEP


def _logins(
    check: RowCheck, url: str, username: str | None, password: object
) -> tuple[str, str | None, object]:
    """Moves a login written into the URL to the user and password columns."""
    clean, url_user, url_password = split_login(url)
    if url_user and username and url_user != username:
        check.fail("username", f"用户名 '{username}' 与主码流地址中的用户名不一致")
    if url_password is not None and password is not KEEP and password != url_password:
        check.fail("password", "密码与主码流地址中的密码不一致")
    return clean, username or url_user, url_password if url_password is not None else password


@dataclass
class CameraPlan:
    entries: list[tuple[CameraEntry, GridRef, Camera | None]]


def check(session: Session, entries: list[CameraEntry], grids: GridIndex, problems: Problems) -> CameraPlan:
    existing: dict[str, list[Camera]] = defaultdict(list)
    for camera in session.scalars(select(Camera)):
        existing[squash(camera.name)].append(camera)
    plan = CameraPlan([])
    for entry in entries:
        grid = grids.find(entry.grid_code)
        matches = existing.get(squash(entry.name), [])
        if grid is None:
            problems.add(CAMERAS.title, entry.row, "网格编码", grids.unknown_reason(entry.grid_code))
        elif entry.lon is None and grid.centre is None and not matches:
            problems.add(CAMERAS.title, entry.row, "经度", f"缺少经纬度, 网格 {grid.code} 也没有中心点可用")
        if len(matches) > 1:
            problems.add(
                CAMERAS.title,
                entry.row,
                "名称",
                f"站点中已有 {len(matches)} 台摄像机名为 '{entry.name}', 无法确定更新哪一台",
            )
        if grid is not None and len(matches) <= 1:
            plan.entries.append((entry, grid, matches[0] if matches else None))
    return plan


@dataclass
class CameraWrite:
    count: SheetCount
    grid_ids: set[int]
    ids: list[int]
    password_missing: list[str]  # new cameras with a user name whose password the file did not carry


def write(session: Session, plan: CameraPlan, bad_rows: set[int]) -> CameraWrite:
    result = CameraWrite(SheetCount(skipped=len(bad_rows)), set(), [], [])
    passwords = CameraPasswords.of_site(session) if plan.entries else None
    for entry, grid, camera in plan.entries:
        if entry.row in bad_rows:
            continue
        action = "added" if camera is None else "updated"
        if camera is None:
            camera = Camera(transport="tcp")
            session.add(camera)
        password = entry.password
        if password is KEEP and camera.main_url:  # a login stored in the URL moves to the sealed column
            password = split_login(camera.main_url)[2] or KEEP
        lon, lat = (entry.lon, entry.lat) if entry.lon is not None else (camera.lon, camera.lat)
        if lon is None:
            lon, lat = grid.centre
        wanted = {
            "name": entry.name,
            "grid_id": grid.id,
            "lon": kept_coordinate(camera.lon, lon),
            "lat": kept_coordinate(camera.lat, lat),
            "bearing": entry.bearing,
            "main_url": entry.main_url,
            "sub_url": entry.sub_url,
            "username": entry.username,
            "ai_enabled": entry.ai_enabled,
        }
        same = action == "updated" and all(getattr(camera, k) == v for k, v in wanted.items())
        for key, value in wanted.items():
            setattr(camera, key, value)
        session.flush()  # the id the password is bound to
        if not _set_password(camera, password, passwords):
            same = False
        if action == "added" and entry.password is KEEP and entry.username:
            result.password_missing.append(entry.name)
        result.count.count("unchanged" if same else action)
        if not same:
            result.grid_ids.add(grid.id)
            result.ids.append(camera.id)
    return result


def _set_password(camera: Camera, password: object, passwords: CameraPasswords) -> bool:
    """Seals the new password; True when the stored one is already what the row asks for."""
    if password is KEEP:
        return True
    if password is None:
        unchanged = camera.password_sealed is None
        camera.password_sealed = None
        return unchanged
    if camera.password_sealed is not None and passwords.open(camera.password_sealed, camera.id) == password:
        return True
    camera.password_sealed = passwords.seal(password, camera.id)
    return False


def export_rows(
    session: Session, grids: GridIndex, sealer: PasswordSealer | None = None
) -> list[dict[str, object]]:
    """The cameras; a stored password shows as ****** unless `sealer` carries it (the passphrase export)."""
    cameras = session.scalars(select(Camera).order_by(Camera.grid_id, Camera.name, Camera.id)).all()
    stored = CameraPasswords.of_site(session) if sealer and any(c.password_sealed for c in cameras) else None
    return [
        {
            "name": c.name,
            "grid_code": grids.by_id[c.grid_id].code,
            "lon": exported_coordinate(c.lon),
            "lat": exported_coordinate(c.lat),
            "bearing": c.bearing,
            "main_url": split_login(c.main_url)[0],  # a URL stored before 0004a may still hold a login
            "sub_url": split_login(c.sub_url)[0] if c.sub_url else None,
            "username": c.username or split_login(c.main_url)[1],
            "password": _exported_password(c, stored, sealer),
            "ai_enabled": YES if c.ai_enabled else NO,
        }
        for c in cameras
    ]


def _exported_password(
    camera: Camera, stored: CameraPasswords | None, sealer: PasswordSealer | None
) -> str | None:
    url_password = split_login(camera.main_url)[2]
    if camera.password_sealed is None and url_password is None:
        return None
    if sealer is None:
        return PASSWORD_KEPT
    try:
        clear = stored.open(camera.password_sealed, camera.id) if camera.password_sealed else url_password
    except SealError as error:
        raise SiteBookError(
            f"摄像机 {camera.name} 的密码无法用本站点的密钥解开, 无法随文件导出; 请在 设置 → 摄像机 中重新填写密码"
            f" (camera {camera.name}'s password does not open with this site's key)"
        ) from error
    return sealer.seal(clear, camera.name)
