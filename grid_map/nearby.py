"""What is near a place: the distance between two points and the closest of some placed things (the
camera nearest an alarm, for its popup's live picture and for its event clip)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeVar

NEAREST_CAMERA_M = 400.0  # farther than this a camera does not show the alarm's place
EARTH_RADIUS_M = 6_371_000.0

Placed = TypeVar("Placed")  # anything with .lon and .lat: a camera row or a CameraInfo


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Metres between two WGS-84 points (equirectangular: exact enough within a district)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return EARTH_RADIUS_M * math.hypot(x, y)


def nearest(
    things: Iterable[Placed], lon: float | None, lat: float | None, within_m: float = NEAREST_CAMERA_M
) -> list[tuple[Placed, float]]:
    """The things within `within_m` of a place with their distances in metres, nearest first."""
    if lon is None or lat is None:
        return []
    found = sorted(
        (distance_m(lon, lat, t.lon, t.lat), index, t)
        for index, t in enumerate(things)
        if t.lon is not None and t.lat is not None
    )
    return [(thing, metres) for metres, _, thing in found if metres <= within_m]


def closest(
    things: Iterable[Placed], lon: float | None, lat: float | None, within_m: float = NEAREST_CAMERA_M
) -> tuple[Placed, float] | None:
    """The thing closest to a place and its distance in metres, if one is within `within_m`."""
    found = nearest(things, lon, lat, within_m)
    return found[0] if found else None
