"""The demo site's history carries clips: the alarm waiting in the popup, handled alarms, AI events and
an open ticket each have one, cut from their camera's demo scene, and `clips list --json` names each
clip's file (which ffprobe reads as H.264)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from alarms.demo import seed_demo_alarms
from alarms.models import Alarm, AlarmState
from app.config import DATA_DIR_ENV
from runtime.clip_demo import HANDLED_ALARMS_WITH_CLIPS, seed_demo_clips
from tests.video.clips.test_clip_processes import clips_command


def test_the_demo_history_has_clips_the_command_line_lists_with_their_files(
    demo_db, tmp_path, monkeypatch, cli_user
):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))  # the scenes are drawn into its demo_media
    with demo_db.session() as session:
        seed_demo_alarms(session, 7)
        written = seed_demo_clips(session, 7, folder=tmp_path / "clips")
        waiting = session.query(Alarm).filter(Alarm.state == AlarmState.RAISED.value).one().id
    assert written == 1 + HANDLED_ALARMS_WITH_CLIPS + 2 + 1
    cli_user(demo_db.url)
    listed = clips_command(demo_db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    clips = json.loads(listed.stdout)
    assert len(clips) == written
    assert waiting in {clip["alarm_id"] for clip in clips}  # the popup at start has its 回放
    assert sum(clip["ai_event_id"] is not None for clip in clips) == 2
    assert any(clip["ticket_id"] is not None and clip["alarm_id"] is None for clip in clips)
    for clip in clips:
        path = Path(clip["path"])
        assert path.is_file() and path.parent == tmp_path / "clips" / "demo"
        assert path.name == f"clip-{clip['id']}-cam{clip['camera_id']}.mp4"
    probe = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name:format=duration",
            "-of",
            "json",
            clips[0]["path"],
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    facts = json.loads(probe.stdout)
    assert facts["streams"][0]["codec_name"] == "h264" and abs(float(facts["format"]["duration"]) - 12) < 0.2
