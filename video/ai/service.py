"""The one inference service for all AI cameras: shared models, a worker pool sized to the machine.

Capture threads hand frames in with `submit` (never blocking: a camera keeps only its newest waiting
frame, as the capture workers do); the pool analyses at most one frame per camera at a time so each
camera's tracker sees its frames in order. Results go to listeners (the wall's overlays) on the
worker thread: listeners must be quick and thread-safe.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np

from app.calendar import SITE_ZONE_DEFAULT
from video.ai.config import AiConfig
from video.ai.events import AiEventRecorder
from video.ai.gallery import FaceGallery
from video.ai.models import AiModels
from video.ai.pipeline import CameraPipeline
from video.ai.runtime import pool_size
from video.ai.types import FrameAnalysis
from video.ai.zones import Zone

log = logging.getLogger(__name__)

Listener = Callable[[FrameAnalysis], None]


@dataclass
class _Slot:
    pipeline: CameraPipeline
    pending: tuple[np.ndarray, float] | None = None
    busy: bool = False
    dropped: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class InferenceService:
    def __init__(
        self,
        config: AiConfig,
        models: AiModels,
        *,
        gallery: FaceGallery | None = None,
        recorder: AiEventRecorder | None = None,
        workers: int | None = None,
        names_visible: bool = False,
        site_zone: ZoneInfo = SITE_ZONE_DEFAULT,
    ) -> None:
        self.config = config
        self.site_zone = site_zone  # the night rules' clock
        self.models = models
        self.gallery = gallery
        self.recorder = recorder
        self.names_visible = names_visible
        self.workers = workers or pool_size()
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="ai")
        self._slots: dict[int, _Slot] = {}
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._closed = False

    def add_camera(
        self, camera_id: int, *, zones: list[Zone] | None = None, detect_fps: float | None = None
    ) -> CameraPipeline:
        pipeline = CameraPipeline(
            camera_id,
            self.config,
            self.models,
            gallery=self.gallery,
            recorder=self.recorder,
            zones=zones,
            detect_fps=detect_fps,
            names_visible=self.names_visible,
            site_zone=self.site_zone,
        )
        with self._lock:
            self._slots[camera_id] = _Slot(pipeline)
        return pipeline

    def remove_camera(self, camera_id: int) -> None:
        with self._lock:
            self._slots.pop(camera_id, None)

    def pipeline(self, camera_id: int) -> CameraPipeline:
        return self._slots[camera_id].pipeline

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def submit(self, camera_id: int, frame: np.ndarray, timestamp: float) -> bool:
        """Offer a frame; returns whether it was taken for analysis (False: not due, or unknown camera)."""
        slot = self._slots.get(camera_id)
        if slot is None or self._closed:
            return False
        with slot.lock:
            if not slot.pipeline.take(timestamp):
                return False
            if slot.pending is not None:
                slot.dropped += 1
            slot.pending = (frame, timestamp)
            if slot.busy:
                return True
            slot.busy = True
        self._pool.submit(self._drain, slot)
        return True

    def process(self, camera_id: int, frame: np.ndarray, timestamp: float) -> FrameAnalysis | None:
        """Analyse synchronously on the caller's thread when due (CLI, tests, benchmarks)."""
        slot = self._slots[camera_id]
        if not slot.pipeline.take(timestamp):
            return None
        result = slot.pipeline.analyse(frame, timestamp)
        self._announce(result)
        return result

    def _drain(self, slot: _Slot) -> None:
        """Analyse the camera's waiting frame; if a newer one came meanwhile, queue the camera again
        behind the others (round robin), so one busy camera cannot starve the rest of the pool."""
        with slot.lock:
            job, slot.pending = slot.pending, None
            if job is None or self._closed:
                slot.busy = False
                return
        try:
            self._announce(slot.pipeline.analyse(*job))
        except Exception:
            log.exception("AI analysis failed on camera %s", slot.pipeline.camera_id)
        with slot.lock:
            if slot.pending is None or self._closed:
                slot.busy = False
                return
        try:
            self._pool.submit(self._drain, slot)
        except RuntimeError:  # the pool shut down between the check and the submit
            slot.busy = False

    def _announce(self, result: FrameAnalysis) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(result)
            except Exception:
                log.exception("AI result listener failed")

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
