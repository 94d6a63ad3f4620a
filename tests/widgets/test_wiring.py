"""The product as one: the site's background parts start and stop with the window, AI events become
alarms, the map opens cameras on the wall, the alarm popup reaches the map and the wall."""

from __future__ import annotations

import functools
import gc
import threading
import time
from datetime import timedelta

import cv2
import pytest
from sqlalchemy import select

from alarms.models import Alarm, Priority
from alarms.service import AlarmService
from app.access import User
from app.config import Seat
from app.events import AiEventChanged, Change, DongleState, EventHub, ServiceState, TicketChanged, Topic
from app.models import Camera, Grid
from app.store import Database
from app.store.relay import ChangeRelay
from grid_map.nearby import closest, distance_m
from runtime.ai_alarms import AiAlarms
from runtime.leadership import Role
from tests.video.ai.clips import face_clip
from video.ai.config import EventSettings
from video.ai.events import AiEventRecorder, EventDraft
from video.ai.site import open_ai
from video.cameras import load_cameras
from video.pool import StreamPool
from widgets.ai_runtime import AiRuntime, names_visible_for
from widgets.bridge import QtBridge
from widgets.duty_indicator import DutyIndicator
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.site_runtime import SeatRuntime, collect_garbage_on_gui_thread
from widgets.status_bar import IndicatorState, StatusBoard

pytestmark = [pytest.mark.gui]


def add_camera(
    db, *, name: str = "东门人脸抓拍", url: str = "rtsp://127.0.0.1:1/none", ai: bool = True
) -> int:
    """A camera on a one-building grid (created on first use) at the site's gate."""
    with db.session() as session:
        grid = session.scalar(select(Grid).where(Grid.code == "W-4"))
        if grid is None:
            grid = Grid(code="W-4", name="幸福里3号楼", level=4)
            session.add(grid)
            session.flush()
        camera = Camera(name=name, grid_id=grid.id, lon=113.6, lat=34.7, main_url=url, ai_enabled=ai)
        session.add(camera)
        session.flush()
        return camera.id


def context_on(db, tmp_path, role: str | None = None):
    """The shell signed in as a user of `role` (nobody: the local system, which may see nothing)."""
    seat = Seat.signed_in(User(1, "测试用户", role)) if role else Seat()
    return build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"), seat)


# ---- garbage collection on the GUI thread ---------------------------------------------------------


def test_cyclic_garbage_is_collected_by_a_gui_thread_timer(qapp):
    collected_on: list[str] = []
    gc.callbacks.append(lambda phase, _info: collected_on.append(threading.current_thread().name))
    collector = collect_garbage_on_gui_thread(interval_s=0.05)
    try:
        assert not gc.isenabled()  # never on whichever worker thread happens to allocate
        assert collector.timer.isActive() and collector.timer.interval() == 50
        garbage = [[] for _ in range(2000)]
        for item in garbage:
            item.append(item)  # reference cycles, so generation 0 fills up
        del garbage
        deadline = time.monotonic() + 3
        while not collected_on and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.02)
        assert collected_on and set(collected_on) == {threading.main_thread().name}
    finally:
        collector.timer.stop()
        gc.callbacks.pop()


# ---- the status bar's word on the site's duties -------------------------------------------------


def test_the_window_on_sqlite_leads_the_site_and_says_so(qtbot, sqlite_db, tmp_path):
    context = context_on(sqlite_db, tmp_path)
    seat = SeatRuntime(context, ai=False, pool=lambda _c: StreamPool())
    seat.start()
    try:
        assert seat.site.leadership.wait_until(lambda role: role is Role.LEADING, 20)
        qtbot.waitUntil(lambda: context.status.indicator("scheduler").text == "调度 运行中")
        assert context.status.indicator("scheduler").state == IndicatorState.OK
    finally:
        seat.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith(("APScheduler", "site-leadership"))]


def test_a_seat_names_the_process_that_leads_and_says_why_its_own_stopped(qtbot, qapp):
    board, hub = StatusBoard(), EventHub()
    bridge = QtBridge(hub)
    indicator = DutyIndicator(bridge, board)
    hub.publish(Change(Topic.SERVICE, (), ServiceState("standby", "seat-b", 7, "gui")))
    qtbot.waitUntil(lambda: board.indicator("scheduler").text == "调度 仅查看")
    hub.publish(Change(Topic.SERVICE, (), ServiceState("leading", "site-srv", 99, "serve"), origin="x"))
    qtbot.waitUntil(lambda: board.indicator("scheduler").text == "调度 由 site-srv 运行")
    hub.publish(
        Change(Topic.SERVICE, (), ServiceState("stopped", "site-srv", 99, "serve", "closing"), origin="x")
    )
    qtbot.waitUntil(lambda: board.indicator("scheduler").text == "调度 仅查看")
    hub.publish(Change(Topic.SERVICE, (), ServiceState("stopped", "seat-b", 7, "gui", "作业表无法创建")))
    qtbot.waitUntil(lambda: board.indicator("scheduler").text == "调度 已停止 · 作业表无法创建")
    assert board.indicator("scheduler").state == IndicatorState.ERROR
    hub.publish(Change(Topic.DONGLE, (), DongleState("zb1", True, "127.0.0.1:1883", "site-srv"), origin="x"))
    qtbot.waitUntil(lambda: board.indicator("dongle:zb1") is not None)
    assert board.indicator("dongle:zb1").text == "zb1 已连接"
    assert board.indicator("dongle:zb1").tooltip == "site-srv: 127.0.0.1:1883"
    assert board.indicator("dongles").text == "接收器 1/1"  # the count agrees with the dongles beside it
    assert board.indicator("dongles").state == IndicatorState.OK
    hub.publish(Change(Topic.DONGLE, (), DongleState("rf1", False, "/dev/ttyUSB0 gone"), origin="x"))
    qtbot.waitUntil(lambda: board.indicator("dongles").text == "接收器 1/2")
    assert board.indicator("dongles").state == IndicatorState.WARN
    assert board.indicator("dongles").tooltip == "断开：rf1"
    bridge.close()
    del indicator


# ---- the change relay between seats ---------------------------------------------------------------


@pytest.mark.pg
def test_on_postgresql_the_window_hears_the_other_seats(qtbot, pg_db, tmp_path):
    context = context_on(pg_db, tmp_path)
    runtime = SeatRuntime(context, scheduler=False, ai=False, pool=lambda _c: StreamPool())
    other_hub = EventHub()
    other_seat = ChangeRelay(pg_db.url, other_hub)
    runtime.start()
    other_seat.start()
    try:
        assert runtime.relay is not None and runtime.relay.wait_ready() and other_seat.wait_ready()
        is_ticket = lambda change: change.topic == Topic.TICKET  # noqa: E731 (its own service says hello)
        with qtbot.waitSignal(context.bridge.changed, timeout=5000, check_params_cb=is_ticket) as heard:
            other_hub.publish(Change("ticket", (7,), TicketChanged("dispatch")))
        assert heard.args[0].topic == "ticket" and heard.args[0].ids == (7,)
        listener = runtime.relay._listener
    finally:
        other_seat.stop()
        runtime.stop()
    assert runtime.relay is None and not listener.is_alive()


def test_on_sqlite_the_window_hears_a_service_beside_it_through_the_change_log(qtbot, sqlite_db, tmp_path):
    from app.store.change_log import ChangeLogRelay

    context = context_on(sqlite_db, tmp_path)
    runtime = SeatRuntime(context, scheduler=False, ai=False, pool=lambda _c: StreamPool())
    service_db = Database(sqlite_db.url)  # another process: its own connections, its own hub
    service_hub = EventHub()
    service = ChangeLogRelay(service_db, service_hub)
    runtime.start()
    service.start()
    try:
        assert isinstance(runtime.relay, ChangeLogRelay)
        is_ticket = lambda change: change.topic == Topic.TICKET  # noqa: E731
        with qtbot.waitSignal(context.bridge.changed, timeout=5000, check_params_cb=is_ticket) as heard:
            service_hub.publish(Change("ticket", (7,), TicketChanged("sweep")))
        assert heard.args[0].ids == (7,) and heard.args[0].origin == service.origin
        heard_by_service: list[Change] = []
        service_hub.subscribe(Topic.TICKET, heard_by_service.append)
        context.hub.publish(Change("ticket", (8,), TicketChanged("opened")))
        qtbot.waitUntil(lambda: [c.ids for c in heard_by_service] == [(8,)], timeout=5000)
    finally:
        service.stop()
        runtime.stop()
        service_db.dispose()


# ---- AI events become alarms ----------------------------------------------------------------------


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


# ---- the nearest camera ---------------------------------------------------------------------------


def test_nearest_camera_is_the_closest_within_reach(sqlite_db):
    assert 1100 < distance_m(113.6, 34.7, 113.6, 34.71) < 1120  # 0.01° of latitude is about 1.1 km
    near = add_camera(sqlite_db, name="近")
    cameras = load_cameras(sqlite_db)
    assert closest(cameras, 113.6005, 34.7, within_m=400)[0].id == near
    assert closest(cameras, 113.7, 34.7, within_m=400) is None
    assert closest(cameras, None, None) is None


# ---- a whole run --------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_screenshot_run_starts_everything_and_leaves_no_thread_behind(
    qapp, sqlite_db, tmp_path, monkeypatch
):
    import main

    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    clip = tmp_path / "gate.mp4"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 15, (640, 360))
    for clip_frame in face_clip(30):
        writer.write(clip_frame.image)
    writer.release()
    add_camera(sqlite_db, url=str(clip))
    add_camera(sqlite_db, name="地下车库", url=str(clip), ai=False)
    before = set(threading.enumerate())
    target = tmp_path / "window.png"
    args = ["gui", "--db", sqlite_db.url, "--screenshot", str(target), "--size", "1366x768", "--settle", "2"]
    assert main.main(args) == 0 and target.exists()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = [t for t in set(threading.enumerate()) - before if t.is_alive() and t.name != "db-health"]
        if not left:
            break
        time.sleep(0.1)
    assert left == []


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


def test_the_runtimes_indicators_follow_the_language(qtbot, sqlite_db, tmp_path, languages):
    context = context_on(sqlite_db, tmp_path)
    runtime = SeatRuntime(context, ai=False, pool=lambda _c: StreamPool())
    runtime.start()
    try:
        qtbot.waitUntil(lambda: context.status.indicator("scheduler").text == "调度 运行中", timeout=20_000)
        languages.switch("en")
        assert context.status.indicator("scheduler").text == "Scheduler running"
    finally:
        languages.switch("zh_CN")
        runtime.stop()


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


def test_a_seat_without_an_alarm_desk_raises_its_alarm_checks_on_its_own_hub(qtbot, sqlite_db, tmp_path):
    """A kiosk wall that leads the site: what its checks raise reaches every listener of the seat."""
    from alarms import jobs
    from alarms.values import AlarmDraft
    from app.store.base import utcnow

    context = context_on(sqlite_db, tmp_path)
    heard: list[Change] = []
    context.hub.subscribe("alarm", heard.append)
    late = AlarmService(sqlite_db, EventHub(), Seat(), clock=lambda: utcnow() - timedelta(minutes=30))
    alarm_id = late.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"))
    runtime = SeatRuntime(context, ai=False, pool=lambda _c: StreamPool())
    runtime.start()  # the scheduler runs the alarm checks as soon as it starts
    try:
        qtbot.waitUntil(lambda: [(c.ids, c.payload.what) for c in heard] == [((alarm_id,), "escalated")])
    finally:
        runtime.stop()
    heard.clear()
    later = late.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)"))
    assert jobs.run_checks(sqlite_db.url)["escalated"] == [later]  # the runtime is gone: no longer its hub
    assert heard == []
