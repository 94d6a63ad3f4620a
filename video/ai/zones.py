"""Zones drawn on a camera's picture, in 0..1 coordinates so they survive a change of stream size."""

from __future__ import annotations

import json
from dataclasses import dataclass

import cv2
import numpy as np
from sqlalchemy import select

from app.store import Database
from video.ai.records import AiZone
from video.ai.types import Box


@dataclass(frozen=True)
class Zone:
    name: str
    points: tuple[tuple[float, float], ...]  # normalised (x, y)

    def contains(self, box: Box, frame_size: tuple[int, int]) -> bool:
        """Whether the box's foot point (bottom centre: where a person stands) is inside the zone."""
        width, height = frame_size
        foot = (box.centre[0] / width, box.y2 / height)
        polygon = np.asarray(self.points, dtype=np.float32).reshape(-1, 1, 2)
        return cv2.pointPolygonTest(polygon, foot, False) >= 0


def load_zones(db: Database, camera_id: int) -> list[Zone]:
    with db.session() as session:
        rows = session.scalars(select(AiZone).where(AiZone.camera_id == camera_id, AiZone.enabled)).all()
        return [Zone(r.name, tuple(tuple(p) for p in json.loads(r.points))) for r in rows]


def save_zone(db: Database, camera_id: int, zone: Zone) -> int:
    with db.session() as session:
        row = AiZone(camera_id=camera_id, name=zone.name, points=json.dumps([list(p) for p in zone.points]))
        session.add(row)
        session.flush()
        return row.id
