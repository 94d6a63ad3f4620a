"""Micro-grids are buildings (每个楼栋为一个微网格): a grid import keeps one building per level-4 grid.

So a site built from nothing but a grid file and a roster works: the roster finds its buildings by
name or address. A building is the site's record, not the file's, so a re-import only moves the
fields that still hold what the grid gave them: the name while it is the grid's old name, the address
while it is the old chain of grid names (a file's own `address` property always wins), the position
while it is the old outline's centre. What an office typed in elsewhere (a workbook, the GUI) stays.
A grid that stops being a micro-grid loses its building only when no household lives in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.audit import record
from app.config import Seat
from app.models import Building, Household, PendingSensor
from grid_map.feature import GridFeature, inner_centre

MICRO_GRID_LEVEL = 4
SAME_PLACE_DEGREES = 1e-9  # a stored position "is" the old centre when it differs by float noise only
CHUNK = 500
AUDIT_CODES = 200  # codes listed in the audit entry; the counts are always whole


@dataclass
class BuildingSync:
    """What happened to the micro-grids' buildings, by grid code."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # no longer a micro-grid, and nobody lived there
    kept: list[str] = field(default_factory=list)  # no longer a micro-grid, but households live there
    shared: list[str] = field(default_factory=list)  # several buildings on one micro-grid: left as they are
    grid_ids: set[int] = field(default_factory=set)  # grids whose building changed
    household_ids: list[int] = field(
        default_factory=list
    )  # households whose building's name or address moved

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def chain_address(code: str, grids: Mapping[str, GridFeature]) -> str:
    """The building's address as the grid chain spells it: street, community, compound, building."""
    names: list[str] = []
    seen: set[str] = set()
    current: str | None = code
    while current and current in grids and current not in seen:
        seen.add(current)
        names.append(grids[current].name)
        current = grids[current].parent_code
    return "".join(reversed(names))


def sync_buildings(
    session: Session,
    before: Mapping[str, GridFeature],
    features: Sequence[GridFeature],
    ids: Mapping[str, int],
    seat: Seat,
    source: str,
) -> BuildingSync:
    """Create or update one building per level-4 grid in `features`; audited. The caller commits.

    `before` is the store's grids as they were before this import, `ids` the grid ids by code.
    """
    after = dict(before) | {f.code: f for f in features}
    sync = BuildingSync()
    touched = [f for f in features if f.level == MICRO_GRID_LEVEL or _was_micro(before.get(f.code))]
    buildings = _buildings_of(session, [ids[f.code] for f in touched])
    new_rows = []
    for feature in touched:
        grid_id = ids[feature.code]
        found = buildings.get(grid_id, [])
        if feature.level != MICRO_GRID_LEVEL:
            _retire(session, feature.code, found, sync)
        elif not found:
            new_rows.append(_new_building(feature, grid_id, after))
            sync.created.append(feature.code)
        elif len(found) > 1:
            sync.shared.append(feature.code)
        elif _follow(found[0], feature, before.get(feature.code), before, after):
            sync.updated.append(feature.code)
            sync.grid_ids.add(grid_id)
    if new_rows:
        session.execute(insert(Building), new_rows)
        sync.grid_ids |= {row["grid_id"] for row in new_rows}
    renamed = [b.id for f in touched for b in buildings.get(ids[f.code], []) if f.code in sync.updated]
    sync.household_ids = _households_in(session, renamed)
    if sync.changed or sync.kept:
        _audit(session, seat, source, sync)
    return sync


def _was_micro(feature: GridFeature | None) -> bool:
    return feature is not None and feature.level == MICRO_GRID_LEVEL


def _buildings_of(session: Session, grid_ids: list[int]) -> dict[int, list[Building]]:
    found: dict[int, list[Building]] = defaultdict(list)
    for start in range(0, len(grid_ids), CHUNK):
        query = select(Building).where(Building.grid_id.in_(grid_ids[start : start + CHUNK]))
        for building in session.scalars(query.order_by(Building.id)):
            found[building.grid_id].append(building)
    return found


def _new_building(feature: GridFeature, grid_id: int, after: Mapping[str, GridFeature]) -> dict:
    centre = inner_centre(feature.geometry)
    return {
        "grid_id": grid_id,
        "name": feature.name,
        "address": feature.address or chain_address(feature.code, after),
        "lon": centre.x,
        "lat": centre.y,
    }


def _follow(
    building: Building,
    feature: GridFeature,
    old: GridFeature | None,
    before: Mapping[str, GridFeature],
    after: Mapping[str, GridFeature],
) -> bool:
    """Move the fields that still hold what the grid gave them; True when anything moved."""
    wanted: dict[str, object] = {}
    if old is not None and building.name == old.name:
        wanted["name"] = feature.name
    if feature.address:
        wanted["address"] = feature.address
    elif old is not None and building.address == chain_address(feature.code, before):
        wanted["address"] = chain_address(feature.code, after)
    if old is not None and not old.geometry.is_empty:
        was = inner_centre(old.geometry)
        if (
            abs(building.lon - was.x) <= SAME_PLACE_DEGREES
            and abs(building.lat - was.y) <= SAME_PLACE_DEGREES
        ):
            now = inner_centre(feature.geometry)
            wanted |= {"lon": now.x, "lat": now.y}
    moved = {key: value for key, value in wanted.items() if getattr(building, key) != value}
    for key, value in moved.items():
        setattr(building, key, value)
    return bool(moved)


def _retire(session: Session, code: str, buildings: list[Building], sync: BuildingSync) -> None:
    """A grid that is no longer a micro-grid: its buildings go, unless someone lives in them or a sensor
    waits for a household there (its address would go with the building)."""
    for building in buildings:
        waiting = session.scalar(
            select(PendingSensor.sensor_id).where(PendingSensor.building_id == building.id)
        )
        if waiting is not None or _households_in(session, [building.id]):
            sync.kept.append(code)
        else:
            session.execute(delete(Building).where(Building.id == building.id))
            sync.removed.append(code)
            sync.grid_ids.add(building.grid_id)


def _households_in(session: Session, building_ids: list[int]) -> list[int]:
    found: list[int] = []
    for start in range(0, len(building_ids), CHUNK):
        chunk = building_ids[start : start + CHUNK]
        found.extend(session.scalars(select(Household.id).where(Household.building_id.in_(chunk))))
    return found


def _audit(session: Session, seat: Seat, source: str, sync: BuildingSync) -> None:
    record(
        session,
        seat,
        "grid_buildings",
        "building",
        None,
        source=source,
        created=len(sync.created),
        updated=len(sync.updated),
        removed=len(sync.removed),
        kept=len(sync.kept),
        created_codes=sync.created[:AUDIT_CODES],
        updated_codes=sync.updated[:AUDIT_CODES],
        removed_codes=sync.removed[:AUDIT_CODES],
        kept_codes=sync.kept[:AUDIT_CODES],
    )
