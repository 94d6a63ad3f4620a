"""回放 in the alarm popup: the selected alarm's clip plays, pauses and scrubs, and opening it is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.config import Seat
from app.events import EventHub
from app.models.audit import AuditEntry
from tests.video.clips.site import add_clip, site_with_cameras
from widgets.alarms.popup import AlarmPopup

pytestmark = pytest.mark.gui


def test_the_popup_plays_the_alarms_clip_and_says_where_the_alarm_was(qtbot, sqlite_db, clip, tmp_path):
    db = sqlite_db
    _, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    service = AlarmService(db, EventHub(), Seat())
    alarm_id = service.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS 幸福里"))
    add_clip(db, tmp_path / "clips", clip, cameras["near"], 0, alarm_id=alarm_id)
    popup = AlarmPopup(service)
    qtbot.addWidget(popup)
    popup.present(alarm_id)

    player = popup.replay_selected()
    qtbot.addWidget(player)
    assert not player.picture.pixmap().isNull() and player.position == 0.0
    assert player.where.text() == "告警前 3.0 秒"
    player.toggle()
    qtbot.waitUntil(lambda: player.position >= 1.0, timeout=5000)
    player.toggle()
    paused_at = player.position
    qtbot.wait(300)
    assert player.position == paused_at and player.play_button.text() == "播放"
    player.seek(8.0)
    assert 7.9 <= player.position <= 8.1 and player.where.text() == "告警后 5.0 秒"
    player.seek(2.0)  # backwards too
    assert 1.9 <= player.position <= 2.1
    with db.session() as session:
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "clip")).all() == [
            "clip.view"
        ]


def test_an_alarm_without_a_clip_says_so(qtbot, sqlite_db):
    service = AlarmService(sqlite_db, EventHub(), Seat())
    alarm_id = service.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS"))
    popup = AlarmPopup(service)
    qtbot.addWidget(popup)
    popup.present(alarm_id)
    player = popup.replay_selected()
    qtbot.addWidget(player)
    assert "还没有录像片段" in player.message.text()
    player.toggle()  # nothing to play: stays paused
    assert player.play_button.text() == "播放"
