"""A city and its districts published at two levels the way DataV publishes them: simplified apart.

Twelve districts partition a city of about 7,500 km² (around lon 113.6, lat 34.7) with wavy shared
borders; the city is the same wavy field over the whole frame. Then, as DataV does, each level is simplified with its own
tolerance (the city coarser), and each district on its own, so children stick out of the city and
neighbours overlap along every border by slivers of thousands of square metres to a few km².
Deterministic (a fixed seed), in GCJ-02-sized degrees; the coordinates are just numbers here.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import MultiPoint, box, mapping

CITY_CODE = "410100"
CITY_BOX = (113.1, 34.35, 114.05, 35.15)  # ~87 km x 89 km
CITY_SIMPLIFY_DEGREES = 0.0025  # ~250 m: the coarse level
DISTRICT_SIMPLIFY_DEGREES = 0.001  # ~100 m: the finer level
DISTRICTS = 12


def _wave(coords: np.ndarray) -> np.ndarray:
    """A smooth displacement field: the same point moves the same way in every polygon sharing it."""
    x, y = coords[:, 0], coords[:, 1]
    dx = 0.006 * np.sin(y * 90.0) + 0.004 * np.sin(x * 140.0 + y * 60.0)
    dy = 0.006 * np.cos(x * 80.0) + 0.004 * np.sin(y * 130.0 - x * 50.0)
    out = coords.copy()
    out[:, 0] += dx
    out[:, 1] += dy
    return out


def true_districts() -> list:
    """The districts before publication: an exact partition of the city with wavy borders."""
    rng = np.random.default_rng(17)
    frame = box(*CITY_BOX)
    seeds = MultiPoint(
        np.column_stack(
            [
                rng.uniform(CITY_BOX[0], CITY_BOX[2], DISTRICTS),
                rng.uniform(CITY_BOX[1], CITY_BOX[3], DISTRICTS),
            ]
        )
    )
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=frame))
    cells = [shapely.segmentize(cell.intersection(frame), 0.002) for cell in cells]
    return [shapely.transform(cell, _wave) for cell in cells]


def published() -> dict:
    """The two levels as a grid FeatureCollection: level-1 city, level-2 districts, simplified apart."""
    districts = true_districts()
    whole = shapely.transform(shapely.segmentize(box(*CITY_BOX), 0.002), _wave)
    city = whole.simplify(CITY_SIMPLIFY_DEGREES, preserve_topology=True)
    features = [_feature(CITY_CODE, "郑州市", 1, "", city)]
    for number, district in enumerate(districts, start=1):
        outline = district.simplify(DISTRICT_SIMPLIFY_DEGREES, preserve_topology=True)
        features.append(_feature(district_code(number), f"第{number}区", 2, CITY_CODE, outline))
    return {"type": "FeatureCollection", "features": features}


def district_code(number: int) -> str:
    return f"4101{number:02d}"


def _feature(code: str, name: str, level: int, parent: str, geometry) -> dict:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name, "level": level, "parent": parent},
        "geometry": mapping(geometry),
    }
