"""The site's catalogue of changes and the thread-safe hub they are published on.

Every core operation that commits publishes what it changed as a `Change`: a `Topic`, the ids touched
and a frozen payload whose type the topic fixes (`PAYLOADS`). Views subscribe (the widgets' bridge
turns changes into Qt signals on the GUI thread), the relay carries them to the other seats and
processes of a PostgreSQL site, and `events tail` prints them. Handlers must be quick: they run on the
publisher's thread.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import socket
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

log = logging.getLogger(__name__)


class Topic(StrEnum):
    """What kind of thing changed. A StrEnum, so the relay and `events tail` carry plain names."""

    TICKET = "ticket"
    ALARM = "alarm"
    SENSOR = "sensor"
    SENSOR_HEARD = "sensor_heard"
    DONGLE = "dongle"
    GRID = "grid"
    HOUSEHOLD = "household"
    RESIDENT = "resident"
    AI_EVENT = "ai_event"
    FACE_GALLERY = "face_gallery"
    AI_ZONE = "ai_zone"
    CAMERA = "camera"
    SERVICE = "service"
    SITE = "site"
    VISIT = "visit"
    VOTE = "vote"
    VOLUNTEER = "volunteer"
    MEETING = "meeting"
    PAIRING = "pairing"
    FUND = "fund"
    CLIP = "clip"


@dataclass(frozen=True)
class TicketChanged:
    action: str  # "opened", "sweep" (escalated or overdue by the time-limit sweep), or a workflow action


@dataclass(frozen=True)
class AlarmChanged:
    what: str  # "raised", "acknowledged", "handled" (dispatched or closed), "escalated"


@dataclass(frozen=True)
class SensorChanged:
    what: str  # "bound", "report", "availability"; "added", "edited", "deleted" (设置 → 传感器)
    online: bool | None = None


@dataclass(frozen=True)
class SensorHeard:
    code: str  # a device code heard that no sensor is bound to


@dataclass(frozen=True)
class DongleState:
    name: str
    connected: bool
    detail: str = ""
    host: str = ""  # the computer whose reader reports it


@dataclass(frozen=True)
class GridChanged:
    created: int = 0
    updated: int = 0
    buildings_created: int = 0  # a micro-grid's building (buildings have no topic: they are micro-grids)
    buildings_updated: int = 0


@dataclass(frozen=True)
class RosterChanged:
    source: str  # "roster_import", ...
    file: str = ""


@dataclass(frozen=True)
class AiEventChanged:
    what: str  # "detected", "acknowledged"
    kind: str = ""
    urgent: bool = False
    camera_id: int | None = None


@dataclass(frozen=True)
class GalleryChanged:
    action: str  # "enrol", "forget", "watchlist_add", "watchlist_remove"


@dataclass(frozen=True)
class CameraChanged:
    action: str  # "added", "edited", "deleted", "imported"


@dataclass(frozen=True)
class ZoneChanged:
    action: str  # "add", "update", "delete"


@dataclass(frozen=True)
class VisitChanged:
    """A home visit was recorded (入户走访); `tickets` is how many of its findings became tickets."""

    action: str  # "recorded"
    household_id: int = 0
    tickets: int = 0


@dataclass(frozen=True)
class VoteChanged:
    """A vote (议事表决) was opened, a ballot entered or replaced, or the vote closed and counted."""

    action: str  # "opened", "ballot", "replaced", "closed"


@dataclass(frozen=True)
class VolunteerChanged:
    """A volunteer team was added, a member joined, or an activity and its hours were recorded."""

    action: str  # "team_added", "joined", "activity"


@dataclass(frozen=True)
class PairingChanged:
    """A pairing began or ended (ids: the pairing rows)."""

    action: str  # "paired", "ended"


@dataclass(frozen=True)
class FundChanged:
    """A fund entry was recorded (ids: the entry; a reversal names the reversed entry too)."""

    action: str  # "entry", "reversal"


@dataclass(frozen=True)
class ClipChanged:
    """An event clip was finished (ids: the clip): the lists' 回放 counts and a ticket's timeline
    read again when it is one of theirs."""

    what: str  # "ready", "failed"
    alarm_id: int | None = None
    ai_event_id: int | None = None
    ticket_id: int | None = None
    camera_id: int | None = None


@dataclass(frozen=True)
class MeetingChanged:
    """A grid meeting was recorded with its attendance and resolutions."""

    action: str  # "recorded"


SITE_RESTORED = "restored"


@dataclass(frozen=True)
class SiteChanged:
    """The whole site was replaced under the running processes: each starts again on it."""

    what: str  # SITE_RESTORED (from a backup)
    backup_created_at: str = ""  # the backup's moment (UTC, ISO), to say which site this is now


@dataclass(frozen=True)
class ServiceState:
    """A site process's part in the site's duties, announced when it changes."""

    role: str  # "starting", "leading" (runs the scheduler and the site's dongles), "standby", "stopped"
    host: str = ""
    pid: int = 0
    kind: str = ""  # "serve" or "gui"
    reason: str = ""  # why it stopped ("closing", or the error)


Payload = (
    TicketChanged
    | AlarmChanged
    | SensorChanged
    | SensorHeard
    | DongleState
    | GridChanged
    | RosterChanged
    | AiEventChanged
    | GalleryChanged
    | ZoneChanged
    | ServiceState
    | SiteChanged
    | VisitChanged
    | VoteChanged
    | VolunteerChanged
    | MeetingChanged
    | PairingChanged
    | FundChanged
    | ClipChanged
)

PAYLOADS: dict[Topic, type] = {
    Topic.TICKET: TicketChanged,
    Topic.ALARM: AlarmChanged,
    Topic.SENSOR: SensorChanged,
    Topic.SENSOR_HEARD: SensorHeard,
    Topic.DONGLE: DongleState,
    Topic.GRID: GridChanged,
    Topic.HOUSEHOLD: RosterChanged,
    Topic.RESIDENT: RosterChanged,
    Topic.AI_EVENT: AiEventChanged,
    Topic.FACE_GALLERY: GalleryChanged,
    Topic.AI_ZONE: ZoneChanged,
    Topic.CAMERA: CameraChanged,
    Topic.SERVICE: ServiceState,
    Topic.SITE: SiteChanged,
    Topic.VISIT: VisitChanged,
    Topic.VOTE: VoteChanged,
    Topic.VOLUNTEER: VolunteerChanged,
    Topic.MEETING: MeetingChanged,
    Topic.PAIRING: PairingChanged,
    Topic.FUND: FundChanged,
    Topic.CLIP: ClipChanged,
}


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Change:
    """What changed: its topic, the ids touched, the topic's payload, when, and where it was made.

    `origin` is None for a change made in this process, else the id of the process it came from
    (relayed over PostgreSQL NOTIFY), so relays never send a change back where it came from.
    """

    topic: Topic
    ids: tuple[int, ...] = ()
    payload: Any = None
    origin: str | None = None
    at: datetime = field(default_factory=_now)

    def __post_init__(self) -> None:
        topic = Topic(self.topic)  # a name from the wire or a test becomes the enum; unknown ones fail
        object.__setattr__(self, "topic", topic)
        object.__setattr__(self, "ids", tuple(int(i) for i in self.ids))
        expected = PAYLOADS[topic]
        if self.payload is None and not any(f.default is dataclasses.MISSING for f in _fields(expected)):
            object.__setattr__(self, "payload", expected())
        if not isinstance(self.payload, expected):
            raise TypeError(
                f"a {topic} change carries {expected.__name__}, not {type(self.payload).__name__}"
            )

    def as_dict(self) -> dict[str, Any]:
        """The change as plain JSON-able values (the relay's wire form and `events tail --json`)."""
        return {
            "topic": self.topic.value,
            "ids": list(self.ids),
            "at": self.at.isoformat(),
            "origin": self.origin,
            **dataclasses.asdict(self.payload),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Change:
        """The inverse of `as_dict`; fields a newer sender added are ignored, missing ones default."""
        topic = Topic(data["topic"])
        names = {f.name for f in _fields(PAYLOADS[topic])}
        payload = PAYLOADS[topic](**{k: v for k, v in data.items() if k in names})
        at = datetime.fromisoformat(data["at"]) if data.get("at") else _now()
        return cls(topic, tuple(data.get("ids", ())), payload, data.get("origin"), at)


def _fields(payload_type: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(payload_type)


def new_origin() -> str:
    """A name for one process's relay, unique and readable in `events tail`: host-pid-random."""
    return f"{socket.gethostname()[:14]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"[:32]


Handler = Callable[[Change], None]


class EventHub:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handlers: dict[str, list[Handler]] = defaultdict(list)

    def subscribe(self, topic: Topic | str, handler: Handler) -> Callable[[], None]:
        """Listen to one topic ("*" for all); returns a function that unsubscribes."""
        key = "*" if topic == "*" else Topic(topic).value
        with self._lock:
            self._handlers[key].append(handler)

        def unsubscribe() -> None:
            with self._lock:
                if handler in self._handlers[key]:
                    self._handlers[key].remove(handler)

        return unsubscribe

    def publish(self, change: Change) -> None:
        with self._lock:
            handlers = [*self._handlers.get(change.topic.value, ()), *self._handlers.get("*", ())]
        for handler in handlers:
            try:
                handler(change)
            except Exception:  # one broken view must not stop the others from hearing about it
                log.exception("handler for %s failed", change.topic)
