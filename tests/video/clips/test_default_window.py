"""The issue's own figures with the default window: an alarm raised at T yields a clip that ffprobe
reads as H.264, starting at most 2 s after T - 15 s and ending at T + 30 s or later (a worker reading
the tests' RTSP server; a minute of real time, hence `slow`)."""

from __future__ import annotations

import json
import subprocess

import pytest

from alarms.service import AlarmService
from runtime.clips import ClipRecorder, epoch
from tests.video.clips.test_event_clips import buffering, raise_sos, stored_clips
from video.clip_records import READY
from video.clip_writer import ClipWindow
from video.prebuffer import PacketPool

pytestmark = pytest.mark.slow


def _ffprobe(path: str) -> dict:
    return json.loads(
        subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_an_alarm_at_t_gives_ffprobes_h264_from_t_minus_15_to_t_plus_30(db, rtsp_server, workers, tmp_path):
    from tests.video.clips.site import site_with_cameras

    window = ClipWindow()
    assert (window.before, window.after) == (15.0, 30.0)
    site, cameras = site_with_cameras(db, rtsp_server.url("street"))
    pool = PacketPool()
    alarms = AlarmService(db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=tmp_path / "clips")
    recorder.start()
    buffering(workers, rtsp_server, pool, cameras["near"], window.before + 1)
    try:
        raise_sos(alarms)
        recorder.wait(60)
    finally:
        recorder.stop()
    [clip] = stored_clips(db)
    assert clip.state == READY and not clip.dropped
    probe = _ffprobe(clip.path)
    assert [stream["codec_name"] for stream in probe["streams"]] == ["h264"]
    event, starts = epoch(clip.event_at), epoch(clip.starts_at)
    assert event - 15.0 - 1.1 <= starts <= event - 15.0 + 2.0  # from the key frame at or before T - 15 s
    ends = starts + float(probe["format"]["duration"])
    assert ends >= event + 30.0
