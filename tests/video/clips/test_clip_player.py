"""回放 in the alarm popup: the selected alarm's clip plays, pauses, scrubs, steps frames both ways,
changes speed and jumps to the alarm; a snapshot and an export carry the watermark; opening,
snapshots and exports are audited, and a seat without the export permission cannot take pictures away.
Decoding runs on the player's own thread: the tests wait for its pictures."""

from __future__ import annotations

import json
import subprocess

import av
import numpy as np
import pytest
from PySide6.QtGui import QImage
from sqlalchemy import select

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.access import Role, User
from app.config import Seat
from app.events import EventHub
from app.models.audit import AuditEntry
from tests.video.clips.site import add_clip, site_with_cameras
from widgets.alarms.popup import AlarmPopup

pytestmark = pytest.mark.gui


def _player_of_alarm(qtbot, db, clip, tmp_path, seat=None):
    _, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    service = AlarmService(db, EventHub(), seat or Seat())
    alarm_id = service.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS 幸福里"))
    add_clip(db, tmp_path / "clips", clip, cameras["near"], 0, alarm_id=alarm_id)
    popup = AlarmPopup(service)
    qtbot.addWidget(popup)
    popup.present(alarm_id)
    player = popup.replay_selected()
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: not player.view.current_image().isNull(), timeout=5000)
    return player


def band_darkens_the_foot(image: QImage) -> bool:
    """The watermark band (dark, with white letters) is across the picture's last rows: they are darker
    on average than the rows just above them."""

    def mean(rows: range) -> float:
        return sum(image.pixelColor(x, y).value() for y in rows for x in range(0, image.width(), 4)) / (
            len(rows) * len(range(0, image.width(), 4))
        )

    height = image.height()
    return mean(range(height - 12, height)) < 0.8 * mean(range(height - 40, height - 16))


def _at(qtbot, view, low, high):
    qtbot.waitUntil(lambda: low <= view.position <= high and not view.decoder.busy, timeout=5000)


def _audited(db) -> list[str]:
    with db.session() as session:
        return session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "clip").order_by(AuditEntry.id)
        ).all()


def test_the_popup_plays_steps_and_scrubs_the_alarms_clip(qtbot, sqlite_db, clip, tmp_path):
    player = _player_of_alarm(qtbot, sqlite_db, clip, tmp_path)
    view = player.view
    assert view.position == 0.0 and view.where.text() == "告警前 3.0 秒"
    assert view.slider.maximum() == 120 and view.slider.mark == 3.0 and view.slider.mark_x() > 0
    view.toggle()
    qtbot.waitUntil(lambda: view.position >= 1.0, timeout=5000)
    view.toggle()
    paused_at = view.position
    qtbot.wait(300)
    assert view.position == paused_at and view.play_button.text() == "播放"
    view.seek(8.0)
    _at(qtbot, view, 7.95, 8.05)
    assert view.where.text() == "告警后 5.0 秒"
    view.step(1)
    _at(qtbot, view, 8.06, 8.07)
    view.step(-1)
    _at(qtbot, view, 7.99, 8.01)
    view.step(-1)  # across the key frame at 8 s: re-sought from the one at 7 s
    _at(qtbot, view, 7.93, 7.94)
    view.seek(2.0)  # backwards too
    _at(qtbot, view, 1.95, 2.05)
    view.jump_to_event()
    _at(qtbot, view, 2.95, 3.05)
    assert view.where.text() == "告警后 0.0 秒"
    assert _audited(sqlite_db) == ["clip.view"]


def test_four_times_the_speed_plays_faster_than_half(qtbot, sqlite_db, clip, tmp_path):
    view = _player_of_alarm(qtbot, sqlite_db, clip, tmp_path).view
    travelled = {}
    for speed in (0.5, 4.0):
        view.seek(0.0)
        _at(qtbot, view, 0.0, 0.01)
        view.set_speed(speed)
        view.toggle()
        qtbot.wait(1000)
        view.pause()
        travelled[speed] = view.position
    assert view.speed.currentText() == "4×"
    assert travelled[0.5] < 0.8 and travelled[4.0] > 4 * travelled[0.5]


def test_a_snapshot_and_an_export_carry_the_watermark_and_are_audited(qtbot, sqlite_db, clip, tmp_path):
    player = _player_of_alarm(qtbot, sqlite_db, clip, tmp_path)
    shot = tmp_path / "shot.png"
    assert player.snapshot(shot)
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (320, 180)
    assert band_darkens_the_foot(image)
    target = tmp_path / "export.mp4"
    thread = player.export(target)
    qtbot.waitUntil(lambda: player.export_thread is None, timeout=60000)
    assert thread is not None and target.is_file(), player.view.message.text()
    probe = json.loads(
        subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(target)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    stream = probe["streams"][0]
    assert stream["codec_name"] == "h264" and (stream["width"], stream["height"]) == (320, 180)
    assert abs(float(probe["format"]["duration"]) - 12.0) < 0.2
    comment = probe["format"]["tags"]["comment"]
    assert comment.startswith("幸福里1号楼 · 东门 · 事件 ") and "导出 " in comment  # the top grid names an unnamed site
    with av.open(str(clip)) as original, av.open(str(target)) as exported:
        before = next(original.decode(video=0)).to_ndarray(format="rgb24").astype(int)
        after = next(exported.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    band = slice(180 - 14, 180)
    assert np.abs(after[band] - before[band]).mean() > 20  # burnt in
    assert np.abs(after[:100] - before[:100]).mean() < 6  # the rest as it was
    assert _audited(sqlite_db) == ["clip.view", "clip.snapshot", "clip.export"]


def test_a_seat_without_the_export_permission_may_watch_but_not_take_pictures(
    qtbot, sqlite_db, clip, tmp_path
):
    operator = Seat.signed_in(User(id=7, name="值班员", role=Role.OPERATOR.value))
    player = _player_of_alarm(qtbot, sqlite_db, clip, tmp_path, seat=operator)
    assert not player.export_button.isEnabled() and not player.snapshot_button.isEnabled()
    assert not player.snapshot(tmp_path / "shot.png")
    assert "无权导出录像" in player.view.message.text()
    assert _audited(sqlite_db) == ["clip.view"]


def test_an_alarm_without_a_clip_says_so(qtbot, sqlite_db):
    service = AlarmService(sqlite_db, EventHub(), Seat())
    alarm_id = service.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS"))
    popup = AlarmPopup(service)
    qtbot.addWidget(popup)
    popup.present(alarm_id)
    player = popup.replay_selected()
    qtbot.addWidget(player)
    assert "还没有录像片段" in player.view.message.text()
    player.view.toggle()  # nothing to play: stays paused
    assert player.view.play_button.text() == "播放" and not player.export_button.isEnabled()


def test_a_clip_whose_camera_dropped_says_so_once_it_shows(qtbot, sqlite_db, clip, tmp_path):
    from video.clip_records import Clip

    _, cameras = site_with_cameras(sqlite_db, "rtsp://127.0.0.1:1/none")
    service = AlarmService(sqlite_db, EventHub(), Seat())
    alarm_id = service.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS"))
    clip_id = add_clip(sqlite_db, tmp_path / "clips", clip, cameras["near"], 0, alarm_id=alarm_id)
    with sqlite_db.session() as session:
        row = session.get(Clip, clip_id)
        row.dropped, row.note = True, "摄像机在告警后 4 秒断开 (the camera dropped)"
    from widgets.alarms.clip_player import ClipPlayer

    player = ClipPlayer(sqlite_db, Seat(), alarm_id)
    qtbot.addWidget(player)
    qtbot.waitUntil(lambda: not player.view.current_image().isNull(), timeout=5000)
    assert player.view.message.text().startswith(
        "摄像机中途中断，片段只有中断前的画面。 摄像机在告警后 4 秒断开"
    )
