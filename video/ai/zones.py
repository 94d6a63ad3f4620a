"""Zones drawn on a camera's picture, in 0..1 coordinates so they survive a change of stream size.

Each zone has a rule: a forbidden zone (禁入区域) raises an event for anyone inside at any hour, a
night zone (夜间区域) only during the night hours of the event settings. Adding, changing and deleting
a zone is audited: a zone decides who raises alarms, so who moved it must be on record. Each is also
announced on the hub it is given (after it is stored), so the AI watching that camera, at this seat
or relayed at another, follows the edit without a restart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import cv2
import numpy as np
from sqlalchemy import delete, select

from app.audit import record
from app.config import Seat
from app.events import Change, EventHub, Topic, ZoneChanged
from app.store import Database
from video.ai.records import AiZone
from video.ai.types import Box

TOPIC = (
    Topic.AI_ZONE
)  # announced with the camera id after a zone of that camera was added, changed or deleted
RULES = {"forbidden": "禁入区域", "night": "夜间区域"}


@dataclass(frozen=True)
class Zone:
    name: str
    points: tuple[tuple[float, float], ...]  # normalised (x, y)
    rule: str = "forbidden"  # a key of RULES

    def contains(self, box: Box, frame_size: tuple[int, int]) -> bool:
        """Whether the box's foot point (bottom centre: where a person stands) is inside the zone."""
        width, height = frame_size
        foot = (box.centre[0] / width, box.y2 / height)
        polygon = np.asarray(self.points, dtype=np.float32).reshape(-1, 1, 2)
        return cv2.pointPolygonTest(polygon, foot, False) >= 0


class ZoneError(ValueError):
    """A zone that cannot be saved; the message says what is wrong."""


def _zone(row: AiZone) -> Zone:
    return Zone(row.name, tuple(tuple(p) for p in json.loads(row.points)), row.rule)


def load_zones(db: Database, camera_id: int) -> list[Zone]:
    with db.session() as session:
        rows = session.scalars(select(AiZone).where(AiZone.camera_id == camera_id, AiZone.enabled)).all()
        return [_zone(r) for r in rows]


def camera_zones(db: Database, camera_id: int) -> list[tuple[int, Zone]]:
    """A camera's enabled zones with their ids, in the order they were drawn (for editing)."""
    with db.session() as session:
        rows = session.scalars(
            select(AiZone).where(AiZone.camera_id == camera_id, AiZone.enabled).order_by(AiZone.id)
        ).all()
        return [(r.id, _zone(r)) for r in rows]


def _check(zone: Zone) -> None:
    """Refuse a zone the pipeline could not use, saying what is wrong."""
    if len(zone.points) < 3:
        raise ZoneError("区域至少需要三个角 a zone needs at least three corners")
    if not all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in zone.points):
        raise ZoneError("区域超出画面 zone corners must lie within 0..1 of the picture")
    if zone.rule not in RULES:
        raise ZoneError(f"未知区域规则 unknown zone rule {zone.rule!r}")
    if not zone.name.strip():
        raise ZoneError("区域需要名称 a zone needs a name")


def _announce(hub: EventHub | None, camera_id: int, action: str) -> None:
    if hub is not None:
        hub.publish(Change(TOPIC, (camera_id,), ZoneChanged(action)))


def save_zone(db: Database, camera_id: int, zone: Zone, seat: Seat, *, hub: EventHub | None = None) -> int:
    """Store a new zone for a camera; its id."""
    _check(zone)
    with db.session() as session:
        row = AiZone(
            camera_id=camera_id,
            name=zone.name.strip(),
            points=json.dumps([list(p) for p in zone.points]),
            rule=zone.rule,
        )
        session.add(row)
        session.flush()
        record(session, seat, "ai_zone.add", "ai_zone", row.id, **_facts(camera_id, zone))
        zone_id = row.id
    _announce(hub, camera_id, "add")
    return zone_id


def update_zone(db: Database, zone_id: int, zone: Zone, seat: Seat, *, hub: EventHub | None = None) -> bool:
    """Replace a zone's name, corners and rule; False when it is gone (deleted meanwhile, e.g. at another seat)."""
    _check(zone)
    with db.session() as session:
        row = session.get(AiZone, zone_id)
        if row is None:
            return False
        camera_id = row.camera_id
        before = _facts(camera_id, _zone(row))
        row.name, row.points, row.rule = (
            zone.name.strip(),
            json.dumps([list(p) for p in zone.points]),
            zone.rule,
        )
        record(session, seat, "ai_zone.update", "ai_zone", zone_id, before=before, **_facts(camera_id, zone))
    _announce(hub, camera_id, "update")
    return True


def delete_zone(db: Database, zone_id: int, seat: Seat, *, hub: EventHub | None = None) -> bool:
    """Remove a zone; False when it was already gone."""
    with db.session() as session:
        row = session.get(AiZone, zone_id)
        if row is None:
            return False
        camera_id = row.camera_id
        facts = _facts(camera_id, _zone(row))
        if not session.execute(delete(AiZone).where(AiZone.id == zone_id)).rowcount:
            return False  # deleted by another seat between the two statements
        record(session, seat, "ai_zone.delete", "ai_zone", zone_id, **facts)
    _announce(hub, camera_id, "delete")
    return True


def _facts(camera_id: int, zone: Zone) -> dict:
    """What the audit keeps of a zone: enough to tell what it covered and to draw it again."""
    return {"camera_id": camera_id, "name": zone.name.strip(), "rule": zone.rule, "points": zone.points}
