"""The AI benchmarks' street: demo-street cameras with people walking across, each a head and shoulders
cut from a real photograph (tests/video/ai/photos/README.md), and a site whose gallery knows some of them.

Three people take turns: a resident (enrolled from obama.jpg, walking as obama2.jpg — another photo),
somebody nobody enrolled (scikit-image's astronaut) and a watch-list entry (enrolled from biden.jpg,
walking mirrored). Each camera sees two walkers a minute at staggered times, so five cameras see all three
several times. Where the face is in each frame is known exactly, to time how soon it is boxed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import cv2
import numpy as np

from alarms.service import AlarmService
from app.config import Seat
from app.events import EventHub
from app.store import Database
from runtime.ai_alarms import AiAlarms
from tests.video.ai.conftest import add_camera, add_resident
from tests.video.ai.real_faces import photo
from video.ai.config import AiConfig
from video.ai.events import AiEventRecorder
from video.ai.gallery import Consent, FaceGallery
from video.ai.models import AiModels
from video.ai.registry import Detector
from video.ai.types import Box, Identity
from video.demo_scenes import StreetScene
from video.sources import DemoScene

WIDTH, HEIGHT, FPS = 640, 360, 15
CROSSING_S = 6.0  # a walker takes this long to cross the picture
PASSES = (8.0, 38.0)  # each camera sees two walkers a minute, offset per camera
FACE_WIDTH = 54  # pixels: a face a few metres from a 640x360 camera
PEOPLE = (  # (who they are to the site, the photo they walk as, mirrored)
    (Identity.RESIDENT, "obama2.jpg", False),
    (Identity.STRANGER, "astronaut", False),
    (Identity.WATCHLIST, "biden.jpg", True),
)
CONSENT = Consent(date(2026, 11, 2), "书面签字")


@dataclass(frozen=True)
class Person:
    who: Identity
    patch: np.ndarray  # head and shoulders, scaled so the face is FACE_WIDTH wide
    face: Box  # the face in the patch


def cut_person(who: Identity, name: str, mirrored: bool, detector: Detector) -> Person:
    """Head and shoulders around the photo's biggest face, scaled to FACE_WIDTH."""
    image = photo(name)
    face = max(detector.detect(image), key=lambda d: d.box.area).box
    height, width = image.shape[:2]
    x1, y1 = max(0, round(face.x1 - 0.9 * face.width)), max(0, round(face.y1 - 0.6 * face.height))
    x2 = min(width, round(face.x2 + 0.9 * face.width))
    y2 = min(height, round(face.y2 + 1.0 * face.height))
    scale = FACE_WIDTH / face.width
    patch = cv2.resize(image[y1:y2, x1:x2], None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    inner = Box(
        (face.x1 - x1) * scale, (face.y1 - y1) * scale, (face.x2 - x1) * scale, (face.y2 - y1) * scale
    )
    if mirrored:
        patch = cv2.flip(patch, 1)
        inner = Box(patch.shape[1] - inner.x2, inner.y1, patch.shape[1] - inner.x1, inner.y2)
    return Person(who, patch, inner)


def people(detector: Detector) -> list[Person]:
    return [cut_person(who, name, mirrored, detector) for who, name, mirrored in PEOPLE]


@dataclass(frozen=True)
class Walker:
    start: float
    person: Person

    def position(self, t: float) -> int | None:
        progress = (t - self.start) / CROSSING_S
        if not 0.0 <= progress <= 1.0:
            return None
        width = self.person.patch.shape[1]
        return round(-width + progress * (WIDTH + width))


class Camera:
    """A demo street without its own walker, plus our walkers whose face boxes are known exactly."""

    def __init__(self, index: int, cast: list[Person]) -> None:
        self.scene = StreetScene(DemoScene(1 + index, WIDTH, HEIGHT))  # scenes below 17 have no person
        self.walkers = [
            Walker(p + index * 3.0, cast[(2 * index + j) % len(cast)]) for j, p in enumerate(PASSES)
        ]

    def frame(self, index: int) -> tuple[np.ndarray, Box | None, int | None]:
        """The picture at this frame, the walker's face box when the face is wholly in view, and which
        walker is in the picture (None: nobody)."""
        t = index / FPS
        image = self.scene.draw(index)
        face, present = None, None
        for number, walker in enumerate(self.walkers):
            x = walker.position(t)
            if x is None:
                continue
            present = number
            patch, inner = walker.person.patch, walker.person.face
            top = HEIGHT - patch.shape[0]
            x0, x1 = max(x, 0), min(x + patch.shape[1], WIDTH)
            if x1 > x0:
                image[top:, x0:x1] = patch[:, x0 - x : x1 - x]
            if x + inner.x1 >= 0 and x + inner.x2 <= WIDTH:
                face = inner.shifted(x, top)
        return image, face, present


@dataclass
class Site:
    db: Database
    gallery: FaceGallery
    recorder: AiEventRecorder


def open_site(folder: Path, config: AiConfig, models: AiModels) -> Site:
    """A store with the cameras, a gallery with the resident and the watch-list entry, the event recorder
    and the AI→alarm policy, as a seat runs them."""
    db = Database(f"sqlite:///{folder / 'site.db'}")
    db.upgrade()
    for camera_id in range(5):
        add_camera(db, camera_id + 1)
    seat = Seat("bench", "bench")
    gallery = FaceGallery.of_site(db, seat, folder)
    if models.recogniser is not None:
        gallery.enrol(
            photo("obama.jpg"), CONSENT, models.face, models.recogniser, resident_id=add_resident(db)
        )
        gallery.enrol(
            photo("biden.jpg"),
            CONSENT,
            models.face,
            models.recogniser,
            list_name="watchlist",
            label="A",
            note="基准测试 benchmark",
        )
    hub = EventHub()
    AiAlarms(hub, AlarmService(db, hub, seat)).start()
    return Site(db, gallery, AiEventRecorder(db, hub, config.events))
