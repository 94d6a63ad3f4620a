"""The nearest camera's live picture in the alarm popup: real clips through the shared stream pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt

from alarms.models import Outcome, Priority
from alarms.values import AlarmDraft
from grid_map.nearby import closest
from tests.video.conftest import clip  # noqa: F401 (a session fixture: a real H.264 clip)
from video.cameras import CameraInfo
from video.pool import StreamPool
from widgets.alarms.live_view import NearbyCamera

pytestmark = pytest.mark.gui

SITE_LON, SITE_LAT = 113.64, 34.72  # the small test site's building


@pytest.fixture
def pool() -> Iterator[StreamPool]:
    pool = StreamPool()
    yield pool
    pool.close()


def camera(clip_path, camera_id: int, lon: float, lat: float, name: str = "") -> CameraInfo:
    url = str(clip_path)
    return CameraInfo(
        camera_id, name or f"{camera_id}号楼门口", 1, "幸福社区", url, url, "tcp", False, lon, lat
    )


def sos(site) -> AlarmDraft:
    return AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)


def test_the_nearest_camera_plays_beside_the_card(qtbot, popup, service, site, pool, clip):  # noqa: F811
    cameras = [camera(clip, 1, SITE_LON + 0.01, SITE_LAT), camera(clip, 2, SITE_LON + 0.0005, SITE_LAT)]

    def near(alarm):
        found = closest(cameras, alarm.lon, alarm.lat)
        return NearbyCamera(*found) if found else None

    popup.set_live_view(pool, near)
    popup.present(service.raise_alarm(sos(site)))
    live = popup.live
    qtbot.waitUntil(lambda: live.camera is not None and live.tile.frames_shown > 0, timeout=10_000)
    assert live.camera.id == 2  # 46 m away, not the one a kilometre off
    assert "2号楼门口" in live.caption.text() and "46 米" in live.caption.text()
    assert live.isVisible() and live.tile.width() >= 320


def test_the_alarms_own_camera_is_captioned_as_such(qtbot, popup, service, site, pool, clip):  # noqa: F811
    own = camera(clip, 7, SITE_LON, SITE_LAT, "东门人脸抓拍")
    popup.set_live_view(pool, lambda alarm: NearbyCamera(own, None))  # what the wiring finds for it
    popup.present(service.raise_alarm(sos(site)))
    qtbot.waitUntil(lambda: popup.live.camera == own)
    assert popup.live.caption.text() == "告警摄像机：东门人脸抓拍"


def test_no_camera_near_says_so_and_opens_no_stream(qtbot, popup, service, site, pool):
    popup.set_live_view(pool, lambda alarm: None)
    popup.present(service.raise_alarm(sos(site)))
    qtbot.waitUntil(lambda: popup.live.caption.text() == "附近没有摄像机")
    assert popup.live.camera is None and not pool.workers()


def test_double_click_opens_it_on_the_wall_and_closing_the_popup_gives_the_stream_back(
    qtbot,
    popup,
    service,
    site,
    pool,
    clip,  # noqa: F811
):
    near_camera = camera(clip, 3, SITE_LON, SITE_LAT)
    opened = []
    popup.set_hooks(show_camera=lambda alarm: opened.append(alarm.id))
    popup.set_live_view(pool, lambda alarm: NearbyCamera(near_camera, 12.0))
    alarm_id = service.raise_alarm(sos(site))
    popup.present(alarm_id)
    qtbot.waitUntil(lambda: popup.live.camera is not None)
    qtbot.mouseDClick(popup.live.tile, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    assert opened == [alarm_id]
    service.close(alarm_id, Outcome.RESOLVED)
    popup.on_change(_handled(alarm_id))
    assert not popup.isVisible()
    assert popup.live.camera is None
    qtbot.waitUntil(lambda: not any(worker.alive for worker in pool.workers()), timeout=10_000)


def test_closest_keeps_to_the_reach_and_ignores_things_without_a_place(clip):  # noqa: F811
    far, unplaced = camera(clip, 1, SITE_LON + 0.01, SITE_LAT), camera(clip, 2, None, None)
    assert closest([far, unplaced], SITE_LON, SITE_LAT) is None  # 900 m: out of reach
    found = closest([far, unplaced], SITE_LON, SITE_LAT, within_m=2000)
    assert found is not None and found[0] is far and 900 < found[1] < 930
    assert closest([far], None, None) is None


def _handled(alarm_id: int):
    from app.events import AlarmChanged, Change

    return Change("alarm", (alarm_id,), AlarmChanged("handled"))
