"""回放 from the lists: the alarm list's and the AI event list's button counts the selected row's clips
and opens the player on them; a ticket's timeline shows its alarm's clip as an entry whose ▶ 回放 link
opens the player on that clip (SQLite and PostgreSQL for the reads)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from runtime.alarm_tickets import wire_tickets
from runtime.clip_library import list_clips
from runtime.reads import ReadModels
from tests.video.clips.site import PLACE, add_clip, site_with_cameras
from video.ai.records import AiEvent
from widgets.ai.event_list import AiEventList
from widgets.alarms.alarm_list import AlarmListPanel
from widgets.tickets.detail import TicketDetail

pytestmark = pytest.mark.gui


def _site_with_an_alarm_clip(db, clip, tmp_path):
    site, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    alarms = AlarmService(db, site.hub, site.seat)
    with_clip = alarms.raise_alarm(
        AlarmDraft(kind="sos", priority=Priority.P1, title="SOS 幸福里", lon=PLACE[0], lat=PLACE[1])
    )
    without = alarms.raise_alarm(AlarmDraft(kind="smoke", priority=Priority.P2, title="烟感"))
    clip_id = add_clip(db, tmp_path / "clips", clip, cameras["near"], 0, alarm_id=with_clip)
    return site, alarms, cameras, with_clip, without, clip_id


def test_the_alarm_lists_replay_button_counts_and_plays_the_selected_alarms_clips(qtbot, db, clip, tmp_path):
    site, _alarms, _cameras, with_clip, without, _clip_id = _site_with_an_alarm_clip(db, clip, tmp_path)
    panel = AlarmListPanel(ReadModels(site).alarms)
    qtbot.addWidget(panel)
    ids = [row.alarm.id for row in panel.model.rows]
    panel.table.selectRow(ids.index(without))
    assert not panel.replay_button.isEnabled() and panel.replay_button.text() == "回放"
    panel.table.selectRow(ids.index(with_clip))
    assert panel.replay_button.isEnabled() and panel.replay_button.text() == "回放 (1)"
    player = panel.replay_button.play()
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: not player.view.current_image().isNull(), timeout=5000)
    assert player.windowTitle() == f"告警 {with_clip} 的录像回放"
    player.close()


def test_the_ai_event_lists_replay_button_plays_the_events_clip(qtbot, db, clip, tmp_path):
    site, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    with db.session() as session:
        event = AiEvent(camera_id=cameras["near"], kind="zone", urgent=True, track_id=7, zone="围墙")
        session.add(event)
        session.flush()
        event_id = event.id
    add_clip(db, tmp_path / "clips", clip, cameras["near"], 0, ai_event_id=event_id)
    view = AiEventList(ReadModels(site).ai, names_visible=False)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    assert view.replay_button.text() == "回放 (1)"
    player = view.replay_button.play()
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: not player.view.current_image().isNull(), timeout=5000)
    assert player.view.where.text() == "事件前 3.0 秒"
    player.close()


def test_a_tickets_timeline_shows_its_alarms_clip_with_a_play_link(qtbot, db, clip, tmp_path):
    site, alarms, _cameras, with_clip, _without, clip_id = _site_with_an_alarm_clip(db, clip, tmp_path)
    wire_tickets(alarms)
    ticket_id = alarms.dispatch(with_clip, "派给网格员")
    assert [line.id for line in list_clips(db, ticket_id=ticket_id)] == [clip_id]
    ticket = ReadModels(site).tickets.ticket(ticket_id)
    assert [(c["id"], c["camera"]) for c in ticket["clips"]] == [(clip_id, "东门")]
    detail = TicketDetail()
    qtbot.addWidget(detail)
    detail.show_ticket(ticket)
    html = detail.timeline.toHtml()
    assert "▶ 回放" in html and f"clip:{clip_id}" in html and "东门 12 秒" in detail.timeline.toPlainText()
    with qtbot.waitSignal(detail.clip_requested) as asked:
        detail.timeline.anchorClicked.emit(QUrl(f"clip:{clip_id}"))
    assert asked.args == [ticket_id, clip_id]
    from widgets.clips.replay import play_ticket

    player = play_ticket(site, ticket_id, None, clip_id)
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: not player.view.current_image().isNull(), timeout=5000)
    assert player.clip.id == clip_id
    player.close()
