"""A clip that becomes ready while its row is already selected shows up without reselecting: the alarm
list's and the AI event list's 回放 count and the shown ticket's timeline follow `Change(clip)`,
published by the recorder writing it from a worker reading the tests' own RTSP server."""

from __future__ import annotations

import pytest

from alarms.service import AlarmService
from app.events import Change, ClipChanged, Topic
from runtime.alarm_tickets import wire_tickets
from runtime.clips import ClipLink, ClipRecorder
from tests.video.clips.site import site_with_cameras
from tests.video.clips.test_event_clips import buffering, raise_sos
from tests.widgets.conftest import ADMIN_SEAT
from video.ai.records import AiEvent
from video.clip_writer import ClipWindow
from video.prebuffer import PacketPool
from widgets.ai.event_list import AiEventList
from widgets.alarms.alarm_list import AlarmListPanel
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.tickets.panel import create_panel

pytestmark = pytest.mark.gui

WINDOW = ClipWindow(before=2.0, after=2.0)


def _lists(qtbot, context, alarm_id, event_id):
    alarm_list = AlarmListPanel(context.reads.alarms)
    alarm_list.replay_button.follow(context.bridge)
    events = AiEventList(context.reads.ai, names_visible=False, bridge=context.bridge)
    tickets = create_panel(context)
    for widget in (alarm_list, events, tickets):
        qtbot.addWidget(widget)
    alarm_list.table.selectRow([row.alarm.id for row in alarm_list.model.rows].index(alarm_id))
    events.table.selectRow([row.event_id for row in events.model.rows].index(event_id))
    return alarm_list, events, tickets


def test_the_lists_and_the_ticket_timeline_show_a_clip_once_it_is_ready(
    qtbot, sqlite_db, rtsp_server, workers, tmp_path
):
    _, cameras = site_with_cameras(sqlite_db, rtsp_server.url("street"))
    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    site = context.site
    heard: list[Change] = []
    site.hub.subscribe(Topic.CLIP, heard.append)
    pool = PacketPool()
    alarms = AlarmService(sqlite_db, site.hub, site.seat)
    wire_tickets(alarms)
    recorder = ClipRecorder(site, pool, alarms, folder=tmp_path / "clips", window=WINDOW)
    buffering(workers, rtsp_server, pool, cameras["near"], WINDOW.before + 1)
    with sqlite_db.session() as session:
        event = AiEvent(camera_id=cameras["near"], kind="zone", urgent=True, track_id=7, zone="围墙")
        session.add(event)
        session.flush()
        event_id, event_at = event.id, event.at
    recorder.start()
    try:
        alarm_id = raise_sos(alarms)  # the recorder starts the alarm's clip
        ticket_id = alarms.dispatch(alarm_id, "派给网格员")
        alarm_list, events, tickets = _lists(qtbot, context, alarm_id, event_id)
        tickets._show(ticket_id)
        qtbot.waitUntil(lambda: (tickets.detail.ticket or {}).get("id") == ticket_id, timeout=10_000)
        assert alarm_list.replay_button.text() == "回放" and not alarm_list.replay_button.isEnabled()
        assert events.replay_button.text() == "回放" and "▶ 回放" not in tickets.detail.timeline.toHtml()
        recorder.record(cameras["near"], event_at, ClipLink(ai_event_id=event_id))
        qtbot.waitUntil(lambda: alarm_list.replay_button.text() == "回放 (1)", timeout=30_000)
        qtbot.waitUntil(lambda: events.replay_button.text() == "回放 (1)", timeout=30_000)
        qtbot.waitUntil(lambda: "▶ 回放" in tickets.detail.timeline.toHtml(), timeout=10_000)
    finally:
        recorder.stop()
        context.bridge.close()
    assert alarm_list.replay_button.isEnabled() and events.replay_button.isEnabled()
    assert {(c.payload.what, c.payload.alarm_id, c.payload.ai_event_id) for c in heard} == {
        ("ready", alarm_id, None),
        ("ready", None, event_id),
    }
    assert all(isinstance(c.payload, ClipChanged) for c in heard)
