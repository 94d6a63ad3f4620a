"""AI events become alarms, and the AI on a running seat: whose names it shows, what it watches and
draws on the wall, and what it says when it cannot load."""

from __future__ import annotations

import functools
import json
import threading

import cv2
import pytest
from sqlalchemy import select

from alarms.models import Alarm, Priority
from alarms.service import AlarmService
from alarms.wording import worded
from app.config import Seat
from app.events import AiEventChanged, Change, EventHub
from app.models import Camera
from runtime.ai_alarms import AiAlarms
from tests.video.ai.clips import face_clip
from tests.widgets.wiring_site import add_camera, context_on
from video.ai.config import EventSettings
from video.ai.events import AiEventRecorder, EventDraft
from video.ai.site import open_ai
from video.pool import StreamPool
from widgets.ai_runtime import AiRuntime, names_visible_for
from widgets.status_bar import IndicatorState

pytestmark = [pytest.mark.gui]


# ---- AI events become alarms -------------------------------------------------------------------------


@pytest.fixture
def ai_alarms(sqlite_db):
    hub = EventHub()
    bridge = AiAlarms(hub, AlarmService(sqlite_db, hub, Seat("tester", "seat1")))
    bridge.start()
    yield bridge, AiEventRecorder(sqlite_db, hub, EventSettings()), hub
    bridge.stop()


def alarms_in(db) -> list[Alarm]:
    with db.session() as session:
        return list(session.scalars(select(Alarm).order_by(Alarm.id)))


def test_a_watch_list_hit_raises_a_p1_alarm_at_the_cameras_grid(sqlite_db, ai_alarms):
    _bridge, recorder, _hub = ai_alarms
    camera_id = add_camera(sqlite_db)
    recorder.record(EventDraft("watchlist_hit", camera_id, track_id=3, urgent=True, score=0.71), None, None)
    [alarm] = alarms_in(sqlite_db)
    with sqlite_db.session() as session:
        camera = session.get(Camera, camera_id)
        grid_id = camera.grid_id
    assert (alarm.priority, alarm.kind, alarm.source) == (Priority.P1, "watchlist_hit", "camera")
    assert (alarm.camera_id, alarm.grid_id, alarm.lon, alarm.lat) == (camera_id, grid_id, 113.6, 34.7)
    assert alarm.title == "重点人员 · 东门人脸抓拍"


def test_strangers_and_zones_are_p2_and_a_camera_full_of_strangers_raises_one_alarm(sqlite_db, ai_alarms):
    _bridge, recorder, _hub = ai_alarms
    camera_id = add_camera(sqlite_db)
    night = {"lingered_s": 3.0, "night": True}
    recorder.record(EventDraft("stranger", camera_id, track_id=1, detail=night), None, None)
    recorder.record(EventDraft("stranger", camera_id, track_id=2, detail=night), None, None)
    recorder.record(EventDraft("zone", camera_id, track_id=4, zone="消防通道"), None, None)
    recorder.record(EventDraft("no_mask", camera_id, track_id=5), None, None)  # counted, never an alarm
    titles = [(a.priority, a.title) for a in alarms_in(sqlite_db)]
    assert titles == [(2, "夜间陌生人逗留 · 东门人脸抓拍"), (2, "区域闯入（消防通道） · 东门人脸抓拍")]
    english = {"夜间%1 · %2": "%1 at night · %2", "%1（%2） · %3": "%1 (%2) · %3"}
    english |= {"陌生人逗留": "Stranger lingering", "区域闯入": "Zone intrusion"}
    worded_titles = [
        worded(json.loads(a.detail), a.title, lambda t: english.get(t, t)) for a in alarms_in(sqlite_db)
    ]
    assert worded_titles == [
        "Stranger lingering at night · 东门人脸抓拍",
        "Zone intrusion (消防通道) · 东门人脸抓拍",
    ]


def test_an_event_relayed_from_another_seat_raises_nothing_here(sqlite_db, ai_alarms):
    bridge, _recorder, hub = ai_alarms
    camera_id = add_camera(sqlite_db)
    with sqlite_db.session() as session:
        from video.ai.records import AiEvent

        event = AiEvent(camera_id=camera_id, kind="watchlist_hit", urgent=True, track_id=1)
        session.add(event)
        session.flush()
        event_id = event.id
    hub.publish(
        Change("ai_event", (event_id,), AiEventChanged("detected", "watchlist_hit"), origin="other-seat")
    )
    assert alarms_in(sqlite_db) == []
    assert (
        bridge.on_event(Change("ai_event", (event_id,), AiEventChanged("detected", "watchlist_hit")))
        is not None
    )


# ---- the AI on a running seat ---------------------------------------------------------------------


def test_names_are_shown_only_to_users_the_permission_table_allows(sqlite_db, tmp_path):
    assert names_visible_for(context_on(sqlite_db, tmp_path, "supervisor"))
    assert names_visible_for(context_on(sqlite_db, tmp_path, "police"))
    assert not names_visible_for(context_on(sqlite_db, tmp_path, "operator"))
    assert not names_visible_for(context_on(sqlite_db, tmp_path))


def test_an_edited_window_ini_grants_nothing(sqlite_db, tmp_path):
    """Today's probe: `seat/roles=supervisor` in window.ini showed residents' names on face matches."""
    context = context_on(sqlite_db, tmp_path, "operator")
    context.settings.store().setValue("seat/roles", "supervisor, police")
    context.settings.store().sync()
    assert not names_visible_for(context)


def test_the_ai_watches_the_ai_cameras_draws_on_the_wall_and_stops_cleanly(qtbot, sqlite_db, tmp_path):
    clip = tmp_path / "gate.mp4"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 15, (640, 360))
    for clip_frame in face_clip(60):
        writer.write(clip_frame.image)
    writer.release()
    gate = add_camera(sqlite_db, url=str(clip))
    add_camera(sqlite_db, name="地下车库", url=str(clip), ai=False)
    context = context_on(sqlite_db, tmp_path, "supervisor")
    pool = StreamPool()
    overlay_sources = []
    runtime = AiRuntime(context, pool, opener=functools.partial(open_ai, secret_folder=tmp_path / "seat"))
    runtime.start(lambda _context, source: overlay_sources.append(source))
    try:
        assert overlay_sources == [runtime.overlay.overlay_for]  # the walls got it at once
        assert runtime.wait_started(30) and runtime.error == ""
        assert runtime.camera_ids == [gate]  # only the AI cameras
        assert runtime.site.service.names_visible  # this seat's role may see names
        qtbot.waitUntil(lambda: gate in runtime.overlay._latest, timeout=20_000)
        assert context.status.indicator("ai").text == "AI 1 路"
    finally:
        runtime.stop()
    assert pool.workers() == []  # the stream was released
    assert not [t for t in threading.enumerate() if t.name.startswith("ai_") and t.is_alive()]


def test_an_ai_that_cannot_load_leaves_the_wall_running_and_says_why(qtbot, sqlite_db, tmp_path):
    add_camera(sqlite_db)

    def broken(*_args, **_kwargs):
        raise RuntimeError("人脸检测模型无法加载")

    runtime = AiRuntime(context_on(sqlite_db, tmp_path), StreamPool(), opener=broken)
    runtime.start(lambda *_: None)
    assert runtime.wait_started(10)
    indicator = runtime.context.status.indicator("ai")
    assert indicator.state == IndicatorState.ERROR and "人脸检测模型无法加载" in indicator.tooltip
    runtime.stop()
