"""The AI fed by a real capture worker playing a clip, as the wall runs it."""

from __future__ import annotations

import threading
from datetime import date

import cv2

from app.config import Seat
from app.context import SiteContext
from tests.video.ai.clips import astronaut, face_clip
from tests.video.ai.conftest import TEST_MATCH_THRESHOLD, add_camera, add_resident
from video.ai.consent import Consent
from video.ai.site import open_ai
from video.ai.types import Identity
from video.ai.zones import Zone, save_zone
from video.capture import CaptureWorker


def test_a_camera_stream_is_analysed_and_labelled(sqlite_db, tmp_path, model_dir):
    clip = tmp_path / "gate.mp4"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"mp4v"), 15, (640, 360))
    for clip_frame in face_clip(45):
        writer.write(clip_frame.image)
    writer.release()
    config = tmp_path / "ai.toml"
    config.write_text(
        f'[recogniser]\nmodel = "{model_dir / "test_sface.onnx"}"\nmatch_threshold = {TEST_MATCH_THRESHOLD}\n'
        f"[tracking]\nmin_faces = 2\n",
        encoding="utf-8",
    )
    add_camera(sqlite_db, 17)
    save_zone(sqlite_db, 17, Zone("门口", ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0))), Seat())
    site = open_ai(
        SiteContext(sqlite_db), names_visible=True, config_path=config, secret_folder=tmp_path / "seat"
    )
    site.gallery.enrol(
        astronaut(),
        Consent(date(2026, 11, 2), "书面签字"),
        site.models.face,
        site.models.recogniser,
        resident_id=add_resident(sqlite_db, "王秀英"),
    )
    named = threading.Event()
    site.service.add_listener(
        lambda r: (
            named.set()
            if any(t.identity is Identity.RESIDENT and t.name == "王秀英" for t in r.tracks)
            else None
        )
    )
    worker = CaptureWorker(str(clip), name="gate").start()
    try:
        site.watch(17, worker)
        pipeline = site.service.pipeline(17)
        assert [z.name for z in pipeline.zones] == ["门口"]
        assert named.wait(20)
    finally:
        site.close()
        worker.stop(wait=5)
    assert pipeline.stats.frames_analysed >= 2 and pipeline.stats.faces_embedded >= 2
