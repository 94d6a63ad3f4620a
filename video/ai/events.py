"""AI events: the rules that turn tracks into events, and the recorder that stores and announces them.

An event is stored (with its snapshot and the track's best face crop) before it is published on the
EventHub under the topic "ai_event"; the alarm system subscribes there, the AI never imports it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import cv2
import numpy as np
from sqlalchemy import select

from app.calendar import SITE_ZONE_DEFAULT
from app.events import AiEventChanged, Change, EventHub, Topic
from app.store import Database
from app.store.base import utcnow
from video.ai.config import EventSettings
from video.ai.records import AiEvent
from video.ai.tracker import Track
from video.ai.types import Identity, MaskState
from video.ai.zones import Zone

TOPIC = Topic.AI_EVENT
KINDS = {
    "watchlist_hit": "重点人员",
    "stranger": "陌生人逗留",
    "zone": "区域闯入",
    "no_mask": "未戴口罩",
}


@dataclass(frozen=True)
class EventDraft:
    kind: str
    camera_id: int
    track_id: int
    urgent: bool = False
    subject_id: int | None = None
    zone: str | None = None
    score: float = 0.0
    detail: dict[str, Any] = field(default_factory=dict)
    notify: bool = True  # False: only counted (stored without pictures, not announced)


def is_night(timestamp: float, settings: EventSettings, zone: ZoneInfo = SITE_ZONE_DEFAULT) -> bool:
    """Whether a frame's time is in the night hours on the site's clock (not the computer's)."""
    hour = datetime.fromtimestamp(timestamp, zone).hour
    start, end = settings.night_start_hour, settings.night_end_hour
    return hour >= start or hour < end if start > end else start <= hour < end


class EventRules:
    """Decides, once per track and kind, whether a track has become an event."""

    def __init__(
        self,
        settings: EventSettings,
        mask_alert: bool,
        zone_kind: str = "person",
        min_faces: int = 3,
        site_zone: ZoneInfo = SITE_ZONE_DEFAULT,
    ) -> None:
        self.settings = settings
        self.site_zone = site_zone  # where "night" is
        self.mask_alert = mask_alert  # unmasked faces are always counted; announced only when this is set
        self.min_faces = min_faces
        self.zone_kind = (
            zone_kind  # which tracks count for zones: persons, or faces without a person detector
        )
        self._zone_entered: dict[tuple[int, str], float] = {}

    def check(
        self,
        camera_id: int,
        track: Track,
        identity: tuple[Identity, int | None, float],
        zones: list[Zone],
        frame_size: tuple[int, int],
        now: float,
    ) -> list[EventDraft]:
        drafts = []
        label, subject_id, score = identity
        night = is_night(now, self.settings, self.site_zone)
        if label is Identity.WATCHLIST:
            drafts.append(
                EventDraft("watchlist_hit", camera_id, track.track_id, True, subject_id, score=score)
            )
        elif label is Identity.STRANGER:
            lingered = now - track.first_seen
            if night or lingered >= self.settings.stranger_linger_min * 60:
                drafts.append(
                    EventDraft(
                        "stranger",
                        camera_id,
                        track.track_id,
                        False,
                        detail={"lingered_s": round(lingered, 1), "night": night},
                    )
                )
        if (
            track.kind == "face"
            and len(track.mask_votes) >= self.min_faces
            and track.mask() is MaskState.NO_MASK
        ):
            drafts.append(EventDraft("no_mask", camera_id, track.track_id, notify=self.mask_alert))
        for zone in zones if track.kind == self.zone_kind else ():
            key = (track.track_id, zone.name)
            if (zone.rule == "night" and not night) or not zone.contains(track.box, frame_size):
                self._zone_entered.pop(key, None)
                continue
            entered = self._zone_entered.setdefault(key, now)
            if now - entered >= self.settings.zone_min_s:
                drafts.append(
                    EventDraft(
                        "zone",
                        camera_id,
                        track.track_id,
                        False,
                        zone=zone.name,
                        detail={"inside_s": round(now - entered, 1)},
                    )
                )
        fresh = [d for d in drafts if _key(d) not in track.events_raised]
        track.events_raised.update(_key(d) for d in fresh)
        return fresh

    def forget_track(self, track_id: int) -> None:
        for key in [k for k in self._zone_entered if k[0] == track_id]:
            del self._zone_entered[key]


def _key(draft: EventDraft) -> str:
    return f"{draft.kind}:{draft.zone or ''}"


def _jpeg(image: np.ndarray | None, quality: int) -> bytes | None:
    if image is None or image.size == 0:
        return None
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return data.tobytes() if ok else None


class AiEventRecorder:
    """Persists events with their pictures, then tells everyone through the hub."""

    def __init__(self, db: Database, hub: EventHub, settings: EventSettings) -> None:
        self.db = db
        self.hub = hub
        self.settings = settings

    def record(self, draft: EventDraft, frame: np.ndarray | None, face_crop: np.ndarray | None) -> int:
        """Store the event; pictures and the announcement only for events people are told about."""
        quality = self.settings.snapshot_quality
        if not draft.notify:
            frame, face_crop = None, None
        with self.db.session() as session:
            row = AiEvent(
                camera_id=draft.camera_id,
                kind=draft.kind,
                urgent=draft.urgent,
                at=utcnow(),
                track_id=draft.track_id,
                subject_id=draft.subject_id,
                zone=draft.zone,
                score=draft.score,
                detail=json.dumps(draft.detail, ensure_ascii=False),
                snapshot=_jpeg(frame, quality),
                face_crop=_jpeg(face_crop, quality),
            )
            session.add(row)
            session.flush()
            event_id = row.id
        if draft.notify:
            self.hub.publish(
                Change(
                    TOPIC,
                    (event_id,),
                    AiEventChanged("detected", draft.kind, draft.urgent, draft.camera_id),
                )
            )
        return event_id


def recent_events(db: Database, limit: int = 100, kind: str | None = None) -> list[AiEvent]:
    """The stored events, newest first (the list shown until alarms take them over)."""
    with db.session() as session:
        query = select(AiEvent).order_by(AiEvent.at.desc(), AiEvent.id.desc()).limit(limit)
        if kind:
            query = query.where(AiEvent.kind == kind)
        return list(session.scalars(query))
