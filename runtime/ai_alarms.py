"""Urgent AI events become alarms: a watch-list hit is P1, a stranger lingering (or at night) and a
person in a zone are P2, each at the camera's grid and position. Unmasked faces are only counted.

The AI stores its event and announces it on the hub ("ai_event"); the alarm system raises the alarm.
`video` and `alarms` never import each other: they meet here. Only the seat whose AI saw the event
raises the alarm (an event relayed from another seat carries an origin and is left alone), and a camera
that keeps seeing strangers (or people in a zone) raises one alarm until someone acknowledges it, not
one per passer-by; every watch-list hit raises its own.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState, Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft, AlarmError
from alarms.wording import Term, Wording
from app import audit
from app.events import AiEventChanged, Change, EventHub
from app.models import Camera
from app.store import Database
from video.ai.events import KINDS
from video.ai.events import TOPIC as AI_EVENT_TOPIC
from video.ai.records import AiEvent

log = logging.getLogger(__name__)

PRIORITY_BY_KIND = {"watchlist_hit": Priority.P1, "stranger": Priority.P2, "zone": Priority.P2}
REPEAT_WINDOW = timedelta(minutes=10)  # an unacknowledged alarm of the same kind there absorbs new events
ABSORBED_KINDS = frozenset({"stranger", "zone"})  # every watch-list hit is an alarm of its own


class AiAlarms:
    """Subscribes to the AI's events and raises alarms through the alarm service."""

    def __init__(self, hub: EventHub, alarms: AlarmService) -> None:
        self.hub = hub
        self.alarms = alarms
        self._unsubscribe: Callable[[], None] | None = None

    def start(self) -> None:
        self._unsubscribe = self.hub.subscribe(AI_EVENT_TOPIC, self.on_event)

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def on_event(self, change: Change) -> int | None:
        """Raise the alarm for one announced AI event (on the AI worker's thread); its id, or None."""
        if change.origin is not None or not change.ids:
            return None
        if change.payload.what != "detected" or change.payload.kind not in PRIORITY_BY_KIND:
            return None
        try:
            draft = self.draft_for(change.ids[0])
            if draft is None or self._already_open(draft):
                return None
            return self.alarms.raise_alarm(draft)
        except Exception:  # an alarm that cannot be raised must not stop the AI; the log says why
            log.exception("could not raise an alarm for AI event %s", change.ids)
            return None

    def draft_for(self, event_id: int) -> AlarmDraft | None:
        """The alarm for a stored AI event, located at its camera; None for kinds that raise none."""
        with self.alarms.db.session() as session:
            event = session.get(AiEvent, event_id)
            if event is None or event.kind not in PRIORITY_BY_KIND:
                return None
            camera = session.get(Camera, event.camera_id) if event.camera_id is not None else None
            detail = json.loads(event.detail or "{}")
            where = camera.name if camera is not None else f"#{event.camera_id}"
            night = event.kind == "stranger" and bool(detail.get("night"))
            return AlarmDraft.worded(
                event.kind,
                PRIORITY_BY_KIND[event.kind],
                _title(KINDS[event.kind], event.zone, where, night=night),
                source="camera",
                grid_id=camera.grid_id if camera is not None else None,
                camera_id=event.camera_id,
                lon=camera.lon if camera is not None else None,
                lat=camera.lat if camera is not None else None,
                detail={
                    "ai_event_id": event.id,
                    "track_id": event.track_id,
                    "subject_id": event.subject_id,
                    "zone": event.zone,
                    "score": round(event.score, 3),
                    **detail,
                },
            )

    def _already_open(self, draft: AlarmDraft) -> bool:
        if draft.kind not in ABSORBED_KINDS:
            return False
        since = self.alarms.clock() - REPEAT_WINDOW
        with self.alarms.db.session() as session:
            return (
                session.scalar(
                    select(Alarm.id)
                    .where(
                        Alarm.camera_id == draft.camera_id,
                        Alarm.kind == draft.kind,
                        Alarm.state == AlarmState.RAISED,
                        Alarm.raised_at >= since,
                    )
                    .limit(1)
                )
                is not None
            )


@dataclass(frozen=True)
class EventAcknowledgement:
    """Who acknowledged an AI event and when (None: not yet), and the alarm it raised or fell into.

    Acknowledging that alarm (at the popup, or by handling it at once) acknowledges the events it stands
    for, so a stranger the operator took on at the popup is not waiting again in the event list. That is
    read from the alarm rather than copied onto each event: it then holds whichever seat acknowledged the
    alarm, with or without an AI running there.
    """

    acknowledged_at: datetime | None  # the event's own acknowledgement, from the event list
    acknowledged_by: str | None
    alarm_id: int | None
    alarm_state: str | None
    alarm_acknowledged_at: datetime | None = None
    alarm_acknowledged_by: str | None = None

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None or self.alarm_acknowledged_at is not None

    @property
    def through_alarm(self) -> bool:
        """Acknowledged only by way of its alarm."""
        return self.acknowledged_at is None and self.alarm_acknowledged_at is not None


def event_acknowledgement(db: Database, event_id: int) -> EventAcknowledgement | None:
    """The event's acknowledgement and its alarm (None for an event that no longer exists)."""
    with db.session() as session:
        event = session.get(AiEvent, event_id)
        if event is None:
            return None
        alarm = _alarm_of(session, event)
        # an alarm acknowledged before the event happened did not show it to anyone
        seen = alarm is not None and alarm.acknowledged_at is not None and alarm.acknowledged_at >= event.at
        return EventAcknowledgement(
            event.acknowledged_at,
            event.acknowledged_by,
            alarm.id if alarm is not None else None,
            alarm.state if alarm is not None else None,
            alarm.acknowledged_at if seen else None,
            alarm.acknowledged_by if seen else None,
        )


def acknowledge_event(alarms: AlarmService, event_id: int, note: str = "") -> EventAcknowledgement:
    """Mark an AI event seen, audited; its alarm too, if that is still waiting for someone.

    One act from the AI event list or the alarm popup, so an operator never has to acknowledge the same
    stranger twice. An event already acknowledged stays as it was (its first acknowledgement counts).
    """
    seat = alarms.seat
    with alarms.db.session() as session:
        event = session.get(AiEvent, event_id)
        if event is None:
            raise AlarmError(f"AI 事件 {event_id} 不存在 (no such AI event)")
        if event.acknowledged_at is None:
            event.acknowledged_at, event.acknowledged_by = alarms.clock(), seat.operator
            audit.record(session, seat, "ai_event.acknowledge", "ai_event", event_id, note=note)
        alarm = _alarm_of(session, event)
        waiting = alarm.id if alarm is not None and alarm.state == AlarmState.RAISED else None
    if waiting is not None:
        try:
            alarms.acknowledge(
                waiting, note=note or f"在 AI 事件列表确认 (acknowledged from AI event {event_id})"
            )
        except AlarmError:  # another seat took the alarm on meanwhile: nothing is left waiting for us
            log.info("alarm %s of AI event %s was no longer waiting", waiting, event_id)
    acknowledgement = event_acknowledgement(alarms.db, event_id)
    assert acknowledgement is not None
    alarms.hub.publish(Change(AI_EVENT_TOPIC, (event_id,), AiEventChanged("acknowledged")))
    return acknowledgement


def _alarm_of(session: Session, event: AiEvent) -> Alarm | None:
    """The alarm the event raised, else (strangers, zones) the one of its camera and kind it fell into."""
    if event.kind not in PRIORITY_BY_KIND or event.camera_id is None:
        return None
    candidates = session.scalars(
        select(Alarm)
        .where(
            Alarm.source == "camera",
            Alarm.camera_id == event.camera_id,
            Alarm.kind == event.kind,
            Alarm.raised_at >= event.at - REPEAT_WINDOW,
            Alarm.raised_at <= event.at + timedelta(minutes=1),
        )
        .order_by(Alarm.raised_at.desc())
    ).all()
    for alarm in candidates:
        if json.loads(alarm.detail or "{}").get("ai_event_id") == event.id:
            return alarm
    if event.kind in ABSORBED_KINDS:
        return next((alarm for alarm in candidates if alarm.raised_at <= event.at), None)
    return None


def _title(kind: str, zone: str | None, camera: str, *, night: bool) -> Wording:
    """E.g. 陌生人逗留（东门） · 6号楼东侧, 夜间 first at night: the kind a term, the zone and camera data."""
    message = ("camera_zone" if zone else "camera") + ("_night" if night else "")
    values = (Term(kind), zone, camera) if zone else (Term(kind), camera)
    return Wording(message, values)
