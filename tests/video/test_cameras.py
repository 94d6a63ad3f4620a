"""Camera records: the login kept apart from the addresses goes back into them as streams open."""

from __future__ import annotations

from app.models import Camera, Grid
from app.site_keys import CameraPasswords
from video.cameras import load_cameras, with_login


def add_camera(db, **fields) -> int:
    with db.session() as session:
        grid = Grid(code="W-1", name="幸福里1号楼", level=4)
        session.add(grid)
        session.flush()
        camera = Camera(name="东门", grid_id=grid.id, lon=113.6, lat=34.7, **fields)
        session.add(camera)
        session.flush()
        return camera.id


def seal(db, camera_id: int, password: str) -> None:
    with db.session() as session:
        camera = session.get(Camera, camera_id)
        camera.password_sealed = CameraPasswords.of_site(session).seal(password, camera_id)


def test_the_stored_login_goes_into_both_addresses_and_never_into_what_is_shown(sqlite_db):
    camera_id = add_camera(
        sqlite_db,
        main_url="rtsp://10.0.0.8:554/Streaming/Channels/101",
        sub_url="rtsp://10.0.0.8:554/Streaming/Channels/102",
        username="admin",
    )
    seal(sqlite_db, camera_id, "p@ss:w/rd")
    (camera,) = load_cameras(sqlite_db)
    assert camera.main_url == "rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.8:554/Streaming/Channels/101"
    assert camera.sub_url == "rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.8:554/Streaming/Channels/102"
    assert "p%40ss" not in camera.display_url and "admin:***@" in camera.display_url


def test_a_password_that_does_not_open_leaves_the_login_out_and_says_so(sqlite_db, caplog):
    camera_id = add_camera(sqlite_db, main_url="rtsp://10.0.0.8/live", username="admin")
    seal(sqlite_db, camera_id, "secret")
    with sqlite_db.session() as session:  # the sealed password moved to another camera's row
        session.get(Camera, camera_id).password_sealed = CameraPasswords.of_site(session).seal("secret", 999)
    (camera,) = load_cameras(sqlite_db)
    assert camera.main_url == "rtsp://admin@10.0.0.8/live"
    assert "does not open" in caplog.text


def test_an_address_with_its_own_login_or_no_login_is_left_as_it_is():
    assert with_login("rtsp://u:p@host/x", "admin", "pw") == "rtsp://u:p@host/x"
    assert with_login("rtsp://host/x", None, "pw") == "rtsp://host/x"
    assert with_login(None, "admin", "pw") is None
    assert with_login("demo/clip.mp4", "admin", "pw") == "demo/clip.mp4"  # a file has no host


def test_a_grid_workers_wall_shows_the_cameras_of_their_subtree_only(db):
    from app.access import User
    from app.config import Seat
    from app.context import SiteContext
    from runtime.read.cameras import wall_cameras

    camera_id = add_camera(db, main_url="rtsp://10.0.0.8/live")
    with db.session() as session:
        mine = session.get(Camera, camera_id).grid_id
        other = Grid(code="W-2", name="幸福里2号楼", level=4)
        session.add(other)
        session.flush()
        session.add(
            Camera(name="西门", grid_id=other.id, lon=113.6, lat=34.7, main_url="rtsp://10.0.0.9/live")
        )
    worker = User(3, "网格员", "grid_worker", grid_id=mine, grid_scope=frozenset({mine}))
    assert [c.name for c in wall_cameras(SiteContext(db, seat=Seat.signed_in(worker)))] == ["东门"]
    assert [c.name for c in wall_cameras(SiteContext(db))] == ["东门", "西门"]
