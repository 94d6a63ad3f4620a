"""A small, valid grid tree as a GeoJSON FeatureCollection, for tests to break one way at a time.

One street (2 km x 2 km at lon 113.60-113.62, lat 34.70-34.72), two communities (west and east
halves), four compounds (quarters) and two buildings in the south-west compound.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from shapely.geometry import box, mapping

STREET = "410103001"
WEST, EAST = "410103001001", "410103001002"
WEST_SOUTH, WEST_NORTH = "410103001001001", "410103001001002"
EAST_SOUTH, EAST_NORTH = "410103001002001", "410103001002002"
BUILDING_1, BUILDING_2 = "410103001001001001", "410103001001001002"

BOXES = {
    STREET: (113.60, 34.70, 113.62, 34.72),
    WEST: (113.60, 34.70, 113.61, 34.72),
    EAST: (113.61, 34.70, 113.62, 34.72),
    WEST_SOUTH: (113.60, 34.70, 113.61, 34.71),
    WEST_NORTH: (113.60, 34.71, 113.61, 34.72),
    EAST_SOUTH: (113.61, 34.70, 113.62, 34.71),
    EAST_NORTH: (113.61, 34.71, 113.62, 34.72),
    BUILDING_1: (113.602, 34.702, 113.6025, 34.7022),
    BUILDING_2: (113.602, 34.703, 113.6025, 34.7032),
}
TREE = [
    (STREET, "建中街街道", 1, ""),
    (WEST, "幸福社区", 2, STREET),
    (EAST, "和平社区", 2, STREET),
    (WEST_SOUTH, "绿城花园", 3, WEST),
    (WEST_NORTH, "建业家园", 3, WEST),
    (EAST_SOUTH, "正商小区", 3, EAST),
    (EAST_NORTH, "鑫苑名苑", 3, EAST),
    (BUILDING_1, "1号楼", 4, WEST_SOUTH),
    (BUILDING_2, "2号楼", 4, WEST_SOUTH),
]


def feature(code: str, name: str, level: int, parent: str, geometry=None) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"code": code, "name": name, "level": level, "parent": parent},
        "geometry": mapping(geometry if geometry is not None else box(*BOXES[code])),
    }


def collection() -> dict[str, Any]:
    """A fresh copy of the valid sample tree (callers may mutate it)."""
    return copy.deepcopy({"type": "FeatureCollection", "features": [feature(*row) for row in TREE]})


def index_of(data: dict[str, Any], code: str) -> int:
    return next(i for i, f in enumerate(data["features"]) if f["properties"]["code"] == code)


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
