"""Everything the AI needs at a running site, built in one place for the wiring in main.py.

The face templates are encrypted under keys wrapped with the site secret, which is kept apart from
the database (`app/privacy/site_secret.py`: the environment or `site_secrets/` in the user data
folder); the AI settings come from `ai.toml` in that folder. Optional models that fail to load are left
out and reported in `models.status` (the wall keeps working with what loaded).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.config import data_dir
from app.context import SiteContext
from app.events import Change
from video.ai import config as ai_config
from video.ai import zones
from video.ai.events import AiEventRecorder
from video.ai.gallery import TOPIC as GALLERY_TOPIC
from video.ai.gallery import FaceGallery
from video.ai.models import AiModels
from video.ai.runtime import SessionCache
from video.ai.service import InferenceService
from video.ai.template_models import re_enrol_notice, stale_subjects
from video.ai.wiring import feed_from_worker
from video.capture import CaptureWorker

log = logging.getLogger(__name__)


@dataclass
class AiSite:
    context: SiteContext
    config: ai_config.AiConfig
    models: AiModels
    gallery: FaceGallery
    service: InferenceService
    _feeds: dict[int, Callable[[], None]] = field(default_factory=dict)
    _unsubscribe: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Follow the operators' edits (this seat's or, relayed, another's) without a restart."""
        hub = self.context.hub
        self._unsubscribe = [
            hub.subscribe(GALLERY_TOPIC, lambda _change: self.gallery.reload()),
            hub.subscribe(zones.TOPIC, self._zones_changed),
        ]

    def _zones_changed(self, change: Change) -> None:
        for camera_id in change.ids:
            if camera_id in self._feeds:
                self.service.pipeline(camera_id).zones = zones.load_zones(self.context.db, camera_id)

    def watch(self, camera_id: int, worker: CaptureWorker) -> None:
        """Start analysing a camera's stream (its zones read from the store); again replaces the feed."""
        self.unwatch(camera_id)
        self.service.add_camera(camera_id, zones=zones.load_zones(self.context.db, camera_id))
        self._feeds[camera_id] = feed_from_worker(self.service, camera_id, worker)

    def unwatch(self, camera_id: int) -> None:
        stop = self._feeds.pop(camera_id, None)
        if stop is not None:
            stop()
        self.service.remove_camera(camera_id)

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        for camera_id in list(self._feeds):
            self.unwatch(camera_id)
        self.service.close()


def open_ai(
    context: SiteContext,
    *,
    names_visible: bool,
    config_path: Path | None = None,
    secret_folder: Path | None = None,
) -> AiSite:
    """Load the AI for this site; `names_visible`: whether the signed-in user may see face names;
    the site secret from `secret_folder` (default: the user data folder) or the environment."""
    config = ai_config.load(config_path or data_dir() / "ai.toml")
    models = AiModels.load(config, SessionCache())
    gallery = FaceGallery.of_site(
        context.db, context.seat, secret_folder or data_dir(), keep_raw_images=config.keep_raw_images
    )
    gallery.reload()
    if models.recogniser is not None:
        tag = models.recogniser.model_tag
        notice = re_enrol_notice(stale_subjects(context.db, tag), tag)
        if notice:
            log.warning("%s", notice)
    recorder = AiEventRecorder(context.db, context.hub, config.events)
    service = InferenceService(
        config,
        models,
        gallery=gallery,
        recorder=recorder,
        names_visible=names_visible,
        site_zone=context.clock.zone,
    )
    return AiSite(context, config, models, gallery, service)
