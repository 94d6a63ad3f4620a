"""The site's background parts start and stop with the window: garbage collected on the GUI thread, the
status bar's word on the site's duties, the change relay between seats, a whole run, and the alarm checks
of a seat that leads the site."""

from __future__ import annotations

import gc
import threading
import time
from datetime import timedelta

import cv2
import pytest

from alarms.models import Priority
from alarms.service import AlarmService
from app.config import Seat
from app.events import Change, DongleState, EventHub, ServiceState, TicketChanged, Topic
from app.store import Database
from app.store.relay import ChangeRelay
from runtime.leadership import Role
from tests.video.ai.clips import face_clip
from tests.widgets.wiring_site import add_camera, context_on
from video.pool import StreamPool
from widgets.bridge import QtBridge
from widgets.duty_indicator import DutyIndicator
from widgets.site_runtime import SeatRuntime, collect_garbage_on_gui_thread
from widgets.status_bar import IndicatorState, StatusBoard

pytestmark = [pytest.mark.gui]


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


# ---- the runtime's indicators and the alarm checks ---------------------------------------------------


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
