"""Playback from a recorder by time: the Hikvision and Dahua URL shapes (and a site's own template),
asked of the tests' own RTSP server, which serves a file at those paths and logs the URLs it was asked
for; the same player shows it, the viewing is audited, a bad setting is refused in the camera form."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models import Camera
from app.models.audit import AuditEntry
from runtime.recorder_playback import RecorderPlaybackError, recorder_address, recorder_cameras
from tests.video.clips.site import site_with_cameras
from tests.video.servers import RtspServer
from video.camera_store import CameraForm, CameraFormError, CameraStore
from video.clip_reader import ClipReader
from video.recorder_playback import PlaybackSettingError, channel_of, check_setting, playback_address

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 12, 7, 11, 30)  # UTC: 19:30 in the site's zone
END = datetime(2026, 12, 7, 12, 0)


def test_the_vendors_url_shapes():
    hik = playback_address("hikvision", "rtsp://10.0.0.64:554/Streaming/Channels/301", START, END, SHANGHAI)
    assert hik == (
        "rtsp://10.0.0.64:554/Streaming/tracks/301?starttime=20261207t113000z&endtime=20261207t120000z"
    )
    dahua = playback_address(
        "Dahua", "rtsp://10.0.0.108/cam/realmonitor?channel=2&subtype=1", START, END, SHANGHAI
    )
    assert dahua == (
        "rtsp://10.0.0.108/cam/playback?channel=2&starttime=2026_12_07_19_30_00&endtime=2026_12_07_20_00_00"
    )
    # a Hikvision that reads its `z` time as local time: the same shape in the site's time
    local = playback_address(
        "hikvision-local", "rtsp://10.0.0.64/Streaming/Channels/102", START, END, SHANGHAI
    )
    assert (
        local == "rtsp://10.0.0.64/Streaming/tracks/101?starttime=20261207t193000z&endtime=20261207t200000z"
    )
    assert check_setting(" Hikvision-Local") == "hikvision-local"
    own = "{base}/Streaming/tracks/{channel}01?starttime={start:%Y%m%dt%H%M%Sz}"
    assert playback_address(own, "rtsp://h/Streaming/Channels/1201", START, END, SHANGHAI) == (
        "rtsp://h/Streaming/tracks/1201?starttime=20261207t193000z"
    )
    assert (channel_of("rtsp://h/live"), channel_of("rtsp://h/Streaming/Channels/102")) == (1, 1)
    assert check_setting("  HIKVISION ") == "hikvision" and check_setting("") == ""
    for bad in (
        "http://nvr/playback?t={start}",
        "rtsp://nvr/{when}",
        "rtsp://nvr/fixed",
        "rtsp://nvr/{start",
    ):
        with pytest.raises(PlaybackSettingError):
            check_setting(bad)


def test_the_camera_form_keeps_a_playback_setting_and_refuses_a_bad_one(sqlite_db):
    site, cameras = site_with_cameras(sqlite_db, "rtsp://10.0.0.64/Streaming/Channels/101")
    with sqlite_db.session() as session:
        grid_id = session.get(Camera, cameras["near"]).grid_id
    store = CameraStore(site)
    form = CameraForm(name="南门", grid_id=grid_id, main_url="rtsp://10.0.0.65/x", playback="dahua")
    camera_id = store.add(form)
    assert [(c.id, c.playback) for c in recorder_cameras(site)] == [(camera_id, "dahua")]
    with pytest.raises(CameraFormError) as refused:
        store.edit(
            camera_id,
            CameraForm(name="南门", grid_id=grid_id, main_url="rtsp://10.0.0.65/x", playback="ftp://x"),
        )
    assert [field for field, _ in refused.value.problems] == ["playback"]
    with pytest.raises(RecorderPlaybackError):
        recorder_address(site, cameras["near"], START)  # no playback set


@pytest.fixture
def recorder(long_clip, tmp_path):
    server = RtspServer(
        {"Streaming/tracks/101": long_clip, "cam/playback": long_clip}, request_log=tmp_path / "asked.log"
    ).start()
    yield server
    server.kill()


def _recorder_site(db, server):
    site, cameras = site_with_cameras(db, "rtsp://unused")
    with db.session() as session:
        hik, dahua = session.get(Camera, cameras["near"]), session.get(Camera, cameras["far"])
        hik.main_url = f"rtsp://127.0.0.1:{server.port}/Streaming/Channels/101"
        hik.playback = "hikvision"
        dahua.main_url = f"rtsp://127.0.0.1:{server.port}/cam/realmonitor?channel=1&subtype=0"
        dahua.playback = "dahua"
    return site, cameras


def test_both_vendors_recordings_play_from_the_tests_rtsp_server(sqlite_db, recorder):
    site, cameras = _recorder_site(sqlite_db, recorder)
    for key in ("near", "far"):
        reader = ClipReader(recorder_address(site, cameras[key], START))
        try:
            pictures = [reader.next() for _ in range(20)]
        finally:
            reader.close()
        assert all(p is not None for p in pictures) and pictures[-1].time > pictures[0].time
    port = recorder.port
    assert recorder.requested() == [
        f"rtsp://127.0.0.1:{port}/Streaming/tracks/101?starttime=20261207t113000z&endtime=20261207t120000z",
        f"rtsp://127.0.0.1:{port}/cam/playback?channel=1&starttime=2026_12_07_19_30_00&endtime=2026_12_07_20_00_00",
    ]
    with sqlite_db.session() as session:
        entries = session.execute(
            select(AuditEntry.entity_id, AuditEntry.detail).where(AuditEntry.action == "camera.playback")
        ).all()
    assert [(camera, json.loads(detail)["start"]) for camera, detail in entries] == [
        (cameras["near"], "2026-12-07T11:30:00"),
        (cameras["far"], "2026-12-07T11:30:00"),
    ]


@pytest.mark.gui
def test_the_recorder_dialog_plays_the_picked_time_in_the_player(qtbot, sqlite_db, recorder):
    from widgets.clips.recorder_dialog import RecorderPlaybackDialog

    site, cameras = _recorder_site(sqlite_db, recorder)
    dialog = RecorderPlaybackDialog(site)
    qtbot.addWidget(dialog)
    assert dialog.cameras.count() == 2
    dialog.cameras.setCurrentIndex(dialog.cameras.findData(cameras["near"]))
    dialog.set_time(datetime(2026, 12, 7, 19, 30))
    address = dialog.play()
    assert address is not None and "starttime=20261207t113000z" in address
    qtbot.waitUntil(lambda: not dialog.view.current_image().isNull(), timeout=15000)
    assert dialog.view.where.text().startswith("2026-12-07 19:30:0")
    assert not dialog.view.slider.isEnabled()  # a recorder's stream moves by asking again, not by seeking
    dialog.view.toggle()
    qtbot.waitUntil(lambda: dialog.view.position >= 1.0, timeout=10000)
    dialog.close()


@pytest.mark.gui
def test_a_recorders_playback_gives_a_watermarked_snapshot_and_export_audited(
    qtbot, sqlite_db, recorder, tmp_path
):
    import av
    from PySide6.QtGui import QImage

    from tests.video.clips.test_clip_player import band_darkens_the_foot
    from widgets.clips.recorder_dialog import RecorderPlaybackDialog

    site, cameras = _recorder_site(sqlite_db, recorder)
    dialog = RecorderPlaybackDialog(site)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()  # nothing on screen yet
    dialog.cameras.setCurrentIndex(dialog.cameras.findData(cameras["near"]))
    dialog.set_time(datetime(2026, 12, 7, 19, 30))
    dialog.play()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=15000)
    shot = tmp_path / "shot.png"
    assert dialog.snapshot(shot)
    assert band_darkens_the_foot(QImage(str(shot)))
    target = tmp_path / "recording.mp4"
    dialog.export_seconds.setValue(3)
    thread = dialog.export(target)
    assert thread is not None and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.export_thread is None, timeout=60000)
    assert target.is_file(), dialog.view.message.text()
    assert dialog.view.message.text() == f"已导出：{target}"
    assert [p.name for p in tmp_path.iterdir() if "recording" in p.name] == ["recording.mp4"]
    with av.open(str(target)) as exported:
        stream = exported.streams.video[0]
        assert (
            stream.codec_context.name == "h264" and "录像 2026-12-07 19:30:0" in exported.metadata["comment"]
        )
        assert 2.5 <= float(exported.duration / av.time_base) <= 3.6
        first = next(exported.decode(video=0)).to_ndarray(format="rgb24").astype(int)
    assert first[-11:].mean() < 80 and first[-11:].max() > 200  # a dark band with white letters
    asked = recorder.requested()
    assert len(asked) == 2 and "starttime=20261207t113000z&endtime=20261207t113003z" in asked[1]
    with sqlite_db.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "camera").order_by(AuditEntry.id)
        ).all()
    assert [a for a in actions if a.startswith("camera.playback")] == [
        "camera.playback",
        "camera.playback_snapshot",
        "camera.playback_export",
    ]
    dialog.close()


@pytest.mark.gui
def test_a_seat_without_the_export_permission_only_watches_a_recorder(qtbot, sqlite_db, recorder):
    from app.access import Role, User
    from app.config import Seat
    from widgets.clips.recorder_dialog import RecorderPlaybackDialog

    site, cameras = _recorder_site(sqlite_db, recorder)
    site.seat = Seat.signed_in(User(id=7, name="值班员", role=Role.OPERATOR.value))
    dialog = RecorderPlaybackDialog(site)
    qtbot.addWidget(dialog)
    dialog.cameras.setCurrentIndex(dialog.cameras.findData(cameras["near"]))
    dialog.play()
    qtbot.waitUntil(lambda: dialog.shown_time() is not None, timeout=15000)
    assert not dialog.export_button.isEnabled() and not dialog.snapshot_button.isEnabled()
    assert not dialog.snapshot(Path("/nonexistent/x.png"))
    assert "无权导出录像" in dialog.view.message.text()
    dialog.close()
