"""The demo site's cameras: street scenes drawn once, encoded to small looping H.264 files.

The files are played through the same FFmpeg decode and scale path as a real camera, so the demo
exercises the real capture code. Scenes 17-21 (the AI cameras) have a person — scikit-image's
astronaut photograph (public domain) — walking through now and then, so face detection has something
real to find. Files are cached in the user data folder and regenerated only when missing.
"""

from __future__ import annotations

import math
import os
import random
import threading
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from app.config import data_dir
from video.sources import DemoScene

FPS = 15
LOOP_SECONDS = 12
GOP = 15  # a key frame every second: quick to join, like a camera's sub-stream
FIRST_AI_SCENE = 17
SCENE_VERSION = 1  # bump when the drawing changes so cached files are redrawn
_PERSON_PHOTO = Path(__file__).resolve().parent.parent / "resources" / "demo_media" / "astronaut.jpg"
_locks: dict[Path, threading.Lock] = {}
_locks_guard = threading.Lock()
# One scene is drawn at a time: on the first start of the demo the cameras come up one after another
# instead of all 21 encoders fighting for two cores and every camera waiting for the last.
_one_at_a_time = threading.Semaphore(1)


def scene_path(scene: DemoScene, folder: Path | None = None) -> Path:
    """Where this scene's clip lives; generated on first use."""
    folder = folder or data_dir() / "demo_media"
    path = folder / f"scene{scene.number:02d}_{scene.width}x{scene.height}_v{SCENE_VERSION}.mp4"
    with _locks_guard:
        lock = _locks.setdefault(path, threading.Lock())
    with lock:
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            with _one_at_a_time:
                partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.partial.mp4")
                write_clip(partial, StreetScene(scene))
                partial.replace(path)
    return path


def write_clip(path: Path, scene: StreetScene) -> None:
    """Encode the scene's loop as H.264 (no B-frames, a key frame a second) in an MP4 file."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = scene.width, scene.height, "yuv420p"
        stream.codec_context.time_base = Fraction(1, FPS)
        stream.options = {"preset": "veryfast", "crf": "30", "x264-params": f"keyint={GOP}:bframes=0"}
        for index in range(FPS * LOOP_SECONDS):
            frame = av.VideoFrame.from_ndarray(scene.draw(index), format="bgr24")
            frame.pts = index
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))


class StreetScene:
    """A street seen from a pole: sky, buildings, a road with traffic; scenes 17+ add a walking person."""

    def __init__(self, scene: DemoScene) -> None:
        self.number, self.width, self.height = scene.number, scene.width, scene.height
        self._rng = random.Random(scene.number * 7919)
        self._background = self._draw_background()
        self._cars = [self._car(i) for i in range(2 + scene.number % 3)]
        self._person = self._load_person() if scene.number >= FIRST_AI_SCENE else None

    def draw(self, index: int) -> np.ndarray:
        phase = index / (FPS * LOOP_SECONDS)  # 0..1 over the loop, so the clip loops seamlessly
        frame = self._background.copy()
        for car in self._cars:
            self._draw_car(frame, car, phase)
        if self._person is not None:
            self._draw_person(frame, phase)
        scale = self.height / 360
        cv2.putText(
            frame,
            f"CAM {self.number:02d}",
            (int(12 * scale), self.height - int(12 * scale)),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.5 * scale,
            (235, 235, 235),
            max(1, int(scale)),
            cv2.LINE_AA,
        )
        return frame

    def _draw_background(self) -> np.ndarray:
        w, h, rng = self.width, self.height, self._rng
        frame = np.zeros((h, w, 3), np.uint8)
        horizon = int(h * 0.55)
        hue_shift = self.number * 9 % 60
        for row in range(horizon):  # sky: a vertical gradient, a little different per camera
            t = row / horizon
            frame[row] = (min(255, int(200 - 60 * t + hue_shift)), int(170 - 40 * t), int(120 - 30 * t))
        x = 0
        while x < w:  # buildings with lit windows
            bw = int(w * rng.uniform(0.08, 0.18))
            top = int(horizon * rng.uniform(0.15, 0.6))
            shade = rng.randint(70, 140)
            cv2.rectangle(frame, (x, top), (x + bw, horizon), (shade, shade + 5, shade + 15), -1)
            step = max(6, int(h * 0.045))
            for wy in range(top + step // 2, horizon - step, step):
                for wx in range(x + step // 3, x + bw - step // 2, step):
                    lit = rng.random() < 0.35
                    colour = (120, 220, 245) if lit else (shade - 30, shade - 25, shade - 20)
                    cv2.rectangle(frame, (wx, wy), (wx + step // 3, wy + step // 2), colour, -1)
            x += bw + int(w * rng.uniform(0.0, 0.03))
        frame[horizon:] = (90, 92, 95)  # road
        cv2.rectangle(frame, (0, horizon), (w, horizon + int(h * 0.05)), (150, 160, 165), -1)  # pavement
        lane_y = int(h * 0.78)
        for lx in range(0, w, int(w * 0.12)):
            cv2.rectangle(
                frame, (lx, lane_y), (lx + int(w * 0.06), lane_y + max(2, h // 120)), (230, 230, 230), -1
            )
        for tx in range(int(w * 0.05), w, int(w * 0.3)):  # trees on the pavement
            trunk = (tx, horizon + int(h * 0.03))
            cv2.rectangle(frame, (tx - 2, horizon - int(h * 0.08)), trunk, (40, 60, 80), -1)
            cv2.circle(frame, (tx, horizon - int(h * 0.11)), int(h * 0.05), (60, 130, 70), -1)
        return frame

    def _car(self, index: int) -> dict:
        rng = self._rng
        return {
            "lane": rng.choice((0.68, 0.86)),
            "speed": rng.choice((1, 2)) * rng.choice((1, -1)),
            "offset": rng.random(),
            "colour": (rng.randint(30, 220), rng.randint(30, 220), rng.randint(30, 220)),
            "length": rng.uniform(0.14, 0.22),
        }

    def _draw_car(self, frame: np.ndarray, car: dict, phase: float) -> None:
        w, h = self.width, self.height
        length, height = int(w * car["length"]), int(h * 0.09)
        travel = (car["offset"] + car["speed"] * phase) % 1.0
        x = int(-length + travel * (w + 2 * length))
        y = int(h * car["lane"])
        cv2.rectangle(frame, (x, y - height), (x + length, y), car["colour"], -1)
        cv2.rectangle(
            frame,
            (x + length // 5, y - height - height // 2),
            (x + length * 4 // 5, y - height),
            tuple(int(c * 0.8) for c in car["colour"]),
            -1,
        )
        for wx in (x + length // 5, x + length * 4 // 5):
            cv2.circle(frame, (wx, y), max(3, height // 3), (20, 20, 20), -1)

    def _load_person(self) -> np.ndarray:
        photo = cv2.imread(str(_PERSON_PHOTO))
        target_h = int(self.height * 0.5)
        return cv2.resize(
            photo, (int(photo.shape[1] * target_h / photo.shape[0]), target_h), interpolation=cv2.INTER_AREA
        )

    def _draw_person(self, frame: np.ndarray, phase: float) -> None:
        """The person crosses during the middle two thirds of the loop, bobbing a little as they walk."""
        start, end = 1 / 6, 5 / 6
        if not start <= phase <= end:
            return
        person = self._person
        ph, pw = person.shape[:2]
        progress = (phase - start) / (end - start)
        if self.number % 2:
            progress = 1 - progress
        x = int(-pw + progress * (self.width + pw))
        y = int(self.height * 0.42 + math.sin(progress * 40) * self.height * 0.01)
        x0, x1 = max(x, 0), min(x + pw, self.width)
        y1 = min(y + ph, self.height)
        if x1 > x0:
            frame[y:y1, x0:x1] = person[: y1 - y, x0 - x : x1 - x]
