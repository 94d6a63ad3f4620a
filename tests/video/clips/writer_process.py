"""A process that buffers one camera and writes an alarm's clip, for the kill -9 test.

    python -m tests.video.clips.writer_process DB_URL RTSP_URL CAMERA_ID FOLDER

Prints WRITING once the clip's .part file exists, then waits to be killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.context import SiteContext
from app.store import Database
from runtime.clips import ClipRecorder
from video.capture import CaptureWorker
from video.clip_writer import ClipWindow
from video.prebuffer import PacketPool


def main() -> None:
    url, rtsp, camera_id, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    site = SiteContext(Database(url))
    pool = PacketPool()
    alarms = AlarmService(site.db, site.hub, site.seat)
    recorder = ClipRecorder(site, pool, alarms, folder=folder, window=ClipWindow(2.0, 120.0))
    recorder.start()
    buffer = pool.buffer_for(camera_id)
    CaptureWorker(rtsp, packets=buffer).start()
    while buffer.held_seconds() < 3:
        time.sleep(0.1)
    alarms.raise_alarm(AlarmDraft(kind="sos", priority=Priority.P1, title="SOS", camera_id=camera_id))
    while not list(folder.rglob("*.part")):
        time.sleep(0.1)
    print("WRITING", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
