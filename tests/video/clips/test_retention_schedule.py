"""`serve` prunes its clips on a schedule: past the retention days and over the quota the oldest go,
a clip of an alarm still open stays, every deleted clip is audited, and an idle round leaves no entry."""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.config import Seat
from app.events import EventHub
from app.models.audit import AuditEntry
from runtime.clip_library import list_clips, set_retention
from runtime.clip_retention import PRUNE_EVERY_S, ClipRetention
from runtime.service import service_options
from runtime.site import SiteRuntime
from tests.video.clips.site import add_clip, site_with_cameras


def _deleted(db) -> dict[int, dict]:
    with db.session() as session:
        rows = session.execute(
            select(AuditEntry.entity_id, AuditEntry.detail).where(AuditEntry.action == "clip.delete")
        ).all()
    return {clip_id: json.loads(detail) for clip_id, detail in rows}


def test_the_schedule_prunes_by_days_then_quota_keeping_open_alarms_clips(db, clip, tmp_path):
    _, cameras = site_with_cameras(db, "rtsp://127.0.0.1:1/none")
    alarms = AlarmService(db, EventHub(), Seat())
    open_alarm = alarms.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS"))
    folder, mb = tmp_path / "clips", 450 * 1024
    old_open = add_clip(db, folder, clip, cameras["near"], 40, mb, alarm_id=open_alarm)
    old = add_clip(db, folder, clip, cameras["near"], 40, mb)
    middle, newest = (add_clip(db, folder, clip, cameras["near"], days, mb) for days in (2, 1))
    set_retention(db, Seat(), days=30, quota_mb=2)  # four clips of 0.45 MB: within the quota
    retention = ClipRetention(db, Seat(), every_s=0.2, first_after_s=0.0)
    retention.start()
    try:
        deadline = time.monotonic() + 20
        while retention.rounds < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        retention.stop()
    assert retention.rounds >= 3
    assert [line.id for line in list_clips(db)] == [newest, middle, old_open]
    assert not (folder / f"clip-{old}.mp4").exists() and (folder / f"clip-{old_open}.mp4").exists()
    deleted = _deleted(db)
    assert list(deleted) == [old] and deleted[old]["why"] == "retention_days"
    assert deleted[old]["camera"] == "东门"
    with db.session() as session:
        rounds = session.scalars(select(AuditEntry.action).where(AuditEntry.action == "clip.prune")).all()
    assert len(rounds) == 1  # the rounds after the first found nothing to do: no entry

    set_retention(db, Seat(), days=30, quota_mb=1)  # 1.35 MB held: the oldest not kept goes
    retention.prune_once()
    assert [line.id for line in list_clips(db)] == [newest, old_open]
    assert _deleted(db)[middle]["why"] == "quota"


def test_serve_prunes_on_a_schedule_and_a_window_does_not(sqlite_db):
    from app.context import SiteContext

    site = SiteContext(sqlite_db, EventHub())
    serve = SiteRuntime(site, service_options("lead", 5.0, clip_capture=False))
    window = SiteRuntime(site, type(serve.options).for_window(site))
    assert serve.clip_retention is not None and serve.clip_retention.every_s == PRUNE_EVERY_S
    assert window.clip_retention is None
