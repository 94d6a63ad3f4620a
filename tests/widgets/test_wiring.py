"""The window's panels wired together: the map opens cameras on the wall, the alarm popup reaches the wall's
pool and the camera nearest the alarm, the status bar counts open alarms, and every text of the wiring has
its English."""

from __future__ import annotations

import pytest

from alarms.models import Priority
from alarms.service import AlarmService
from app.config import Seat
from grid_map.nearby import closest, distance_m
from tests.widgets.wiring_site import add_camera, context_on
from video.cameras import load_cameras
from widgets.status_bar import IndicatorState

pytestmark = [pytest.mark.gui]


def test_nearest_camera_is_the_closest_within_reach(sqlite_db):
    assert 1100 < distance_m(113.6, 34.7, 113.6, 34.71) < 1120  # 0.01° of latitude is about 1.1 km
    near = add_camera(sqlite_db, name="近")
    cameras = load_cameras(sqlite_db)
    assert closest(cameras, 113.6005, 34.7, within_m=400)[0].id == near
    assert closest(cameras, 113.7, 34.7, within_m=400) is None
    assert closest(cameras, None, None) is None


def test_every_text_of_the_wiring_has_its_english():
    import re
    from pathlib import Path

    from widgets.i18n import I18N_DIR, read_ts

    english = read_ts(I18N_DIR / "en" / "site_runtime.ts")
    widgets = Path(__file__).resolve().parents[2] / "widgets"
    for module, context in (
        ("duty_indicator.py", "DutyIndicator"),
        ("ai_runtime.py", "AiRuntime"),
        ("wiring.py", "PanelWiring"),
        ("alarm_indicator.py", "AlarmIndicator"),
    ):
        texts = re.findall(r'\btr\(\s*"([^"]+)"\s*\)', (widgets / module).read_text(encoding="utf-8"))
        assert texts
        assert [t for t in texts if (context, t) not in english] == [], module


def test_the_status_bar_counts_open_alarms_and_turns_red_while_one_waits(qtbot, sqlite_db, tmp_path):
    from alarms.values import AlarmDraft
    from widgets.alarm_indicator import AlarmIndicator

    context = context_on(sqlite_db, tmp_path)
    indicator = AlarmIndicator(context)
    indicator.refresh()
    assert context.status.indicator("alarms").text == "告警 未处置 0"
    service = AlarmService(sqlite_db, context.hub, Seat("tester", "seat1"))
    alarm_id = service.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫"))
    qtbot.waitUntil(lambda: context.status.indicator("alarms").text == "告警 未处置 1 · 待确认 1")
    assert context.status.indicator("alarms").state == IndicatorState.ERROR
    service.acknowledge(alarm_id)
    qtbot.waitUntil(lambda: context.status.indicator("alarms").text == "告警 未处置 1")
    assert context.status.indicator("alarms").state == IndicatorState.WARN
    context.bridge.close()


def test_the_popup_gets_the_walls_pool_and_the_camera_nearest_the_alarm(qapp):
    from types import SimpleNamespace

    from alarms.values import AlarmView
    from video.cameras import CameraInfo
    from widgets.wiring import PanelWiring

    def cam(camera_id: int, lon: float) -> CameraInfo:
        return CameraInfo(camera_id, f"{camera_id}号", 1, "幸福社区", "x.mp4", None, "tcp", False, lon, 34.7)

    cameras = {1: cam(1, 113.6), 2: cam(2, 113.6003), 3: cam(3, 113.7)}
    given = {}
    desk = SimpleNamespace(
        set_hooks=lambda **hooks: given.update(hooks),
        set_live_view=lambda pool, find: given.update(pool=pool, find=find),
    )
    wall = SimpleNamespace(pool="the pool", cameras=cameras, show_camera=lambda camera_id: None)
    host = SimpleNamespace(panel_widgets={"wall": wall, "alarms": SimpleNamespace(desk=desk)}, docks={})
    PanelWiring(host)
    assert given["pool"] == "the pool"

    def alarm(camera_id=None, lon=113.6004):
        fields = dict.fromkeys(AlarmView.__dataclass_fields__)
        return AlarmView(**(fields | {"camera_id": camera_id, "lon": lon, "lat": 34.7, "detail": {}}))

    nearby = given["find"](alarm())
    assert nearby.camera.id == 2 and nearby.distance_m < 15
    own = given["find"](alarm(camera_id=3))
    assert own.camera.id == 3 and own.distance_m is None  # the alarm's own camera, however far
    assert given["find"](alarm(lon=113.65)) is None  # nothing within 400 m
