"""设置 → 摄像机 in the core: cameras added, edited and deleted, checked, sealed, audited and announced."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.context import SiteContext
from app.events import EventHub, Topic
from app.models import Camera, Grid
from app.models.audit import AuditEntry
from runtime.read.cameras import CameraCatalogue
from video.camera_store import CameraForm, CameraFormError, CameraStore
from video.cameras import load_cameras


@pytest.fixture
def site(db):
    with db.session() as session:
        session.add_all(
            [
                Grid(code="W-1", name="幸福里1号楼", level=4, centre_lon=113.61, centre_lat=34.71),
                Grid(code="W-2", name="幸福里2号楼", level=4),
            ]
        )
    context = SiteContext(db, EventHub())
    context.changes = []
    context.hub.subscribe("*", context.changes.append)
    return context


def grid_id(site, code: str) -> int:
    with site.db.session() as session:
        return session.scalar(select(Grid.id).where(Grid.code == code))


def form(site, **fields) -> CameraForm:
    values = {"name": "东门", "grid_id": grid_id(site, "W-1"), "main_url": "rtsp://10.0.0.8/101"} | fields
    return CameraForm(**values)


def test_a_camera_is_added_with_its_login_sealed_audited_and_announced(site):
    store = CameraStore(site)
    camera_id = store.add(
        form(site, main_url="rtsp://admin:s3cret@10.0.0.8/101", sub_url="rtsp://10.0.0.8/102")
    )
    with site.db.session() as session:
        camera = session.get(Camera, camera_id)
        assert (camera.main_url, camera.username) == ("rtsp://10.0.0.8/101", "admin")
        assert b"s3cret" not in camera.password_sealed
        assert (camera.lon, camera.lat) == (113.61, 34.71)  # no position given: the grid's centre
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "camera_add")).one()
    assert "s3cret" not in entry.detail and json.loads(entry.detail)["password"] == "set"
    (loaded,) = load_cameras(site.db)
    assert loaded.main_url == "rtsp://admin:s3cret@10.0.0.8/101"  # the wall opens it with the login
    assert [(c.topic, c.ids) for c in site.changes] == [
        (Topic.CAMERA, (camera_id,)),
        (Topic.GRID, (grid_id(site, "W-1"),)),
    ]
    assert site.changes[0].payload.action == "added"
    (row,) = CameraCatalogue(site).cameras()
    assert (row.name, row.grid_code, row.has_password, row.username) == ("东门", "W-1", True, "admin")


def test_every_problem_is_reported_at_once_and_nothing_is_written(site):
    store = CameraStore(site)
    store.add(form(site))
    with pytest.raises(CameraFormError) as error:
        store.add(
            CameraForm(
                name=" 东门 ",
                grid_id=None,
                main_url="ftp://10.0.0.8/x",
                lon=113.6,
                bearing=400,
                transport="sctp",
            )
        )
    fields = [field for field, _ in error.value.problems]
    assert fields == ["name", "grid", "main_url", "lon", "bearing", "transport"]
    assert "已有名为 '东门' 的摄像机" in str(error.value)
    with pytest.raises(CameraFormError, match="没有中心点"):  # W-2 has no centre and no position was given
        store.add(form(site, name="西门", grid_id=grid_id(site, "W-2")))
    assert len(CameraCatalogue(site).cameras()) == 1


def test_editing_keeps_the_password_unless_told_and_moves_grids(site):
    store = CameraStore(site)
    camera_id = store.add(form(site, username="admin", password="one"))
    site.changes.clear()
    store.edit(
        camera_id,
        form(site, name="东门 (新)", grid_id=grid_id(site, "W-2"), lon=113.7, lat=34.8, username="admin"),
    )
    assert load_cameras(site.db)[0].main_url == "rtsp://admin:one@10.0.0.8/101"
    assert site.changes[1].ids == tuple(sorted((grid_id(site, "W-1"), grid_id(site, "W-2"))))
    store.edit(camera_id, form(site, username="admin", clear_password=True))
    assert load_cameras(site.db)[0].main_url == "rtsp://admin@10.0.0.8/101"
    with site.db.session() as session:
        details = [
            json.loads(e.detail)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "camera_edit"))
        ]
    assert [d["password"] for d in details] == ["kept", "cleared"]
    assert "grid_id" in details[0]["changed"] and "name" in details[0]["changed"]


def test_the_test_address_uses_the_stored_password_without_showing_it(site):
    store = CameraStore(site)
    camera_id = store.add(form(site, username="admin", password="p@ss"))
    assert (
        store.stream_address(camera_id, "rtsp://10.0.0.8/101", "admin", None)
        == "rtsp://admin:p%40ss@10.0.0.8/101"
    )
    assert (
        store.stream_address(camera_id, "rtsp://10.0.0.8/101", "admin", "typed")
        == "rtsp://admin:typed@10.0.0.8/101"
    )
    assert store.stream_address(None, "rtsp://10.0.0.8/101", "", None) == "rtsp://10.0.0.8/101"


def test_deleting_removes_it_and_says_so(site):
    store = CameraStore(site)
    camera_id = store.add(form(site))
    store.delete(camera_id)
    assert CameraCatalogue(site).cameras() == []
    assert site.changes[-2].payload.action == "deleted"
    with pytest.raises(CameraFormError, match="已不存在"):
        store.delete(camera_id)
    with site.db.session() as session:
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "camera")).all() == [
            "camera_add",
            "camera_delete",
        ]


def test_grids_are_offered_by_level_and_code(site):
    assert [g.label for g in CameraCatalogue(site).grids()] == ["幸福里1号楼 (W-1)", "幸福里2号楼 (W-2)"]
