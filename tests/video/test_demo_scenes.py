"""demo:// cameras: generated once into the data folder, then played through the real capture path."""

from __future__ import annotations

import time

import numpy as np

from tests.video.waiting import wait_for_state
from video.demo_scenes import FIRST_AI_SCENE, StreetScene, scene_path
from video.sources import DemoScene
from video.status import StreamState


def test_demo_url_plays_from_a_generated_clip(workers, tmp_path, monkeypatch):
    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path))
    worker = workers("demo://scene/4?w=320&h=180")
    wait_for_state(worker, StreamState.LIVE, 20)
    time.sleep(1.0)
    assert worker.status().resolution == "320x180" and worker.status().fps > 10
    generated = list((tmp_path / "demo_media").glob("scene04_320x180*.mp4"))
    assert len(generated) == 1
    before = generated[0].stat().st_mtime
    assert scene_path(DemoScene(4, 320, 180)).stat().st_mtime == before  # cached, not redrawn


def _orange_pixels(frame: np.ndarray) -> int:
    """Pixels of the astronaut's orange suit (BGR)."""
    return int(((frame[:, :, 2] > 180) & (frame[:, :, 1] < 140) & (frame[:, :, 0] < 90)).sum())


def test_ai_scenes_show_a_person_now_and_then():
    ai, ordinary = StreetScene(DemoScene(FIRST_AI_SCENE, 320, 180)), StreetScene(DemoScene(2, 320, 180))
    mid = 90  # half way through the 12 s loop: the person is crossing
    assert ai._person is not None and ordinary._person is None
    # the astronaut's orange suit is in the AI scene's frame, not in the plain street
    assert _orange_pixels(ai.draw(mid)) > 200
    assert _orange_pixels(ai.draw(0)) < _orange_pixels(ai.draw(mid)) // 4  # not there at the loop's start
    assert not np.array_equal(ordinary.draw(0), ordinary.draw(mid))  # traffic moves
