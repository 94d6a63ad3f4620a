"""Real processes: a writer killed with SIGKILL mid-clip leaves no listed clip, and the `clips`
commands list, export (audited) and prune what a recorder wrote."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.config import Seat
from app.models.audit import AuditEntry
from app.store.base import utcnow
from runtime.clip_library import prune
from tests.video.clips.site import add_clip, site_with_cameras
from video.clip_records import FAILED, RECORDING, Clip

ROOT = Path(__file__).resolve().parents[3]


def clips_command(db, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "clips", *args, "--db", db.url],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


@pytest.mark.parametrize("db", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)], indirect=True)
def test_a_writer_killed_mid_clip_leaves_no_listed_clip(db, rtsp_server, tmp_path, cli_user):
    cli_user(db.url)  # `clips` acts as a signed-in user
    _, cameras = site_with_cameras(db, rtsp_server.url("street"))
    folder = tmp_path / "clips"
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.video.clips.writer_process",
            db.url,
            rtsp_server.url("street"),
            str(cameras["near"]),
            str(folder),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert writer.stdout.readline().strip() == "WRITING"
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(10)
    assert list(folder.rglob("*.part")) and not list(folder.rglob("*.mp4"))
    listed = clips_command(db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    everything = json.loads(clips_command(db, "list", "--json", "--all").stdout)
    assert [clip["state"] for clip in everything] == [RECORDING]
    # once no writer can still be at work, pruning marks the row failed and removes its part file
    report = prune(db, Seat(), now=utcnow() + timedelta(minutes=20))
    assert report.abandoned == 1 and not list(folder.rglob("*.part"))
    with db.session() as session:
        assert session.scalar(select(Clip.state)) == FAILED


PADDED = 400 * 1024  # each clip's file: the test scene's MP4 padded, so a quota of 1 MB holds two


@pytest.mark.parametrize("db", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)], indirect=True)
def test_export_is_audited_and_prune_keeps_what_open_alarms_need(db, clip, tmp_path, cli_user):
    from alarms.models import Priority
    from alarms.service import AlarmDraft, AlarmService
    from app.events import EventHub

    _, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    cli_user(db.url)  # `clips` acts as a signed-in user
    alarms = AlarmService(db, EventHub(), Seat())
    open_alarm = alarms.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS"))
    folder = tmp_path / "clips"
    old_open = add_clip(db, folder, clip, cameras["near"], 40, PADDED, alarm_id=open_alarm)
    old = add_clip(db, folder, clip, cameras["near"], 40, PADDED)
    recent = [add_clip(db, folder, clip, cameras["near"], days, PADDED) for days in (3, 2, 1)]

    exported = clips_command(db, "export", str(recent[0]), str(tmp_path / "out.mp4"), "--original")
    assert exported.returncode == 0, exported.stderr
    original = (folder / f"clip-{recent[0]}.mp4").read_bytes()
    assert (tmp_path / "out.mp4").read_bytes() == original
    assert f"SHA-256 {hashlib.sha256(original).hexdigest()}" in exported.stdout
    missing = clips_command(db, "export", "999", str(tmp_path / "x.mp4"))
    assert missing.returncode != 0 and "没有编号为 999" in missing.stderr

    quota = clips_command(db, "retention", "--days", "30", "--quota-mb", "1")
    assert quota.returncode == 0, quota.stderr
    assert clips_command(db, "retention", "--days", "0").returncode != 0
    pruned = clips_command(db, "prune")
    assert pruned.returncode == 0, pruned.stderr
    assert "removed 3" in pruned.stdout and "kept 1" in pruned.stdout
    left = [line["id"] for line in json.loads(clips_command(db, "list", "--json").stdout)]
    # 40 days old: gone, unless its alarm is open; then the oldest until under 1 MB (the open
    # alarm's clip counts towards the quota but is never removed)
    assert left == [recent[2], old_open]
    assert not (folder / f"clip-{old}.mp4").exists() and (folder / f"clip-{old_open}.mp4").exists()
    with db.session() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.entity_id).where(AuditEntry.entity == "clip")
        ).all()
    assert sorted(action for action, _ in entries) == ["clip.delete"] * 3 + ["clip.export", "clip.prune"]
    assert {clip_id for action, clip_id in entries if action == "clip.delete"} == {old, recent[0], recent[1]}
