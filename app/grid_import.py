"""Writes grids into the store: a checked GeoJSON import, and the bulk write the demo builder uses.

An import is all or nothing: the file is validated against what the store already holds before a
single row is written, and everything happens in one transaction with its audit entry. A code that
is already in the store is updated in place (name, level, parent, outline), so ids, duties, cameras
and tickets that hang off the grid stay attached; grids missing from the file are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry import Polygon
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.audit import record
from app.config import Seat
from app.events import Change, EventHub, GridChanged, RosterChanged, Topic
from app.grid_buildings import BuildingSync, sync_buildings
from app.models import Grid
from app.store import Database
from grid_map.crs import Crs
from grid_map.feature import GridFeature, inner_centre
from grid_map.geojson import read_grids
from grid_map.tolerance import DEFAULT_TOLERANCE, Tolerance
from grid_map.validate import GridWarning

GRID_TOPIC = Topic.GRID
CHUNK = 500  # ids per IN (...) when reading rows back


@dataclass
class GridImportResult:
    """What an import did: codes created and codes whose name or outline were replaced."""

    source: str
    crs: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    buildings: BuildingSync = field(default_factory=BuildingSync)
    warnings: list[GridWarning] = field(default_factory=list)  # tolerated strays, swapped-looking outlines
    clipped: bool = False

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)


def grid_columns(feature: GridFeature) -> dict:
    """The stored columns of a grid: WKB outline, bounding box and a centre that lies inside it."""
    geometry = feature.geometry
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    centre = inner_centre(geometry)
    return {
        "code": feature.code,
        "name": feature.name,
        "level": feature.level,
        "geometry_wkb": shapely.to_wkb(geometry),
        "min_lon": min_lon,
        "min_lat": min_lat,
        "max_lon": max_lon,
        "max_lat": max_lat,
        "centre_lon": centre.x,
        "centre_lat": centre.y,
    }


def stored_features(session: Session) -> list[GridFeature]:
    """The store's grids as features, for validating a file against them (no outline: an empty one)."""
    rows = session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level, Grid.parent_id, Grid.geometry_wkb)
    ).all()
    code_of = {row.id: row.code for row in rows}
    geometries = shapely.from_wkb([row.geometry_wkb for row in rows]) if rows else []
    return [
        GridFeature(
            row.code,
            row.name,
            row.level,
            code_of.get(row.parent_id),
            geometry if geometry is not None else Polygon(),
        )
        for row, geometry in zip(rows, geometries, strict=True)
    ]


def write_grids(session: Session, features: Sequence[GridFeature]) -> dict[str, Grid]:
    """Insert new grids in bulk, parents first; returns the rows by code.

    Parents may be among `features` or already in the store. The caller owns the transaction.
    """
    ids = _insert(session, features, _known_ids(session, {f.parent_code for f in features if f.parent_code}))
    return {grid.code: grid for grid in _load_rows(session, list(ids.values()))}


def _known_ids(session: Session, codes: Iterable[str]) -> dict[str, int]:
    codes = sorted(set(codes))
    found: dict[str, int] = {}
    for start in range(0, len(codes), CHUNK):
        found |= dict(
            session.execute(
                select(Grid.code, Grid.id).where(Grid.code.in_(codes[start : start + CHUNK]))
            ).all()
        )
    return found


def _insert(session: Session, features: Sequence[GridFeature], ids: dict[str, int]) -> dict[str, int]:
    """Insert level by level so every parent id is known; returns code -> id for what was inserted."""
    inserted: dict[str, int] = {}
    for level in sorted({f.level for f in features}):
        batch = [f for f in features if f.level == level]
        rows = [
            grid_columns(f) | {"parent_id": ids.get(f.parent_code) if f.parent_code else None} for f in batch
        ]
        new_ids = (
            session.execute(insert(Grid).returning(Grid.id, sort_by_parameter_order=True), rows)
            .scalars()
            .all()
        )
        for feature, grid_id in zip(batch, new_ids, strict=True):
            ids[feature.code] = inserted[feature.code] = grid_id
    return inserted


def _load_rows(session: Session, ids: list[int]) -> list[Grid]:
    grids: list[Grid] = []
    for start in range(0, len(ids), CHUNK):
        grids.extend(session.scalars(select(Grid).where(Grid.id.in_(ids[start : start + CHUNK]))))
    return grids


def _same(new: GridFeature, old: GridFeature) -> bool:
    return (new.name, new.level, new.parent_code) == (old.name, old.level, old.parent_code) and bool(
        shapely.equals_exact(new.geometry, old.geometry, tolerance=0.0)
    )


def import_grids(
    db: Database,
    path: str | Path,
    crs: Crs | str = Crs.WGS84,
    seat: Seat | None = None,
    hub: EventHub | None = None,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
    clip: bool = False,
    dry_run: bool = False,
) -> GridImportResult:
    """Validate a GeoJSON grid file against the store and write it in one audited transaction.

    Raises grid_map.validate.GridFileError (every problem, nothing written) when the file is wrong.
    Boundary strays within `tolerance` are imported and listed in `warnings`; `clip` trims each
    child to its parent first. `dry_run` does all of it and rolls back: the result says what an
    import would write, and nothing is written or published.
    After the commit, `hub` (if given) hears Change("grid", ids of new and changed grids).
    """
    crs = Crs(crs)
    seat = seat or Seat()
    result = GridImportResult(str(path), crs.value, clipped=clip)
    with db.session() as session:
        stored = {f.code: f for f in stored_features(session)}
        read = read_grids(path, crs, stored.values(), tolerance, clip)
        features, result.warnings = read.features, read.warnings
        ids = _known_ids(
            session, [f.code for f in features] + [f.parent_code for f in features if f.parent_code]
        )
        fresh = [f for f in features if f.code not in ids]
        _update_known(session, features, stored, ids, result)
        # New grids may sit under updated or new parents; updated grids may not sit under new ones
        # (a new parent has no id yet), so those are re-parented once their parent exists.
        inserted = _insert(session, fresh, ids)
        for feature in features:
            if feature.code not in inserted and feature.parent_code in inserted:
                session.execute(
                    update(Grid)
                    .where(Grid.id == ids[feature.code])
                    .values(parent_id=inserted[feature.parent_code])
                )
        result.created = [f.code for f in fresh]
        result.ids = [ids[f.code] for f in features]
        result.buildings = sync_buildings(session, stored, features, ids, seat, str(path))
        _record(session, seat, str(path), crs, tolerance, clip, result)
        if dry_run:
            session.rollback()
            return result
    if hub is not None:
        _publish(hub, result, features)
    return result


def _update_known(
    session: Session,
    features: Sequence[GridFeature],
    stored: dict[str, GridFeature],
    ids: dict[str, int],
    result: GridImportResult,
) -> None:
    """Rewrite the grids the store already has, where the file changed them (the rest stay unchanged)."""
    for feature in (f for f in features if f.code in ids):
        if feature.code in stored and _same(feature, stored[feature.code]):
            result.unchanged.append(feature.code)
            continue
        parent_id = ids[feature.parent_code] if feature.parent_code in ids else None
        session.execute(
            update(Grid)
            .where(Grid.id == ids[feature.code])
            .values(grid_columns(feature) | {"parent_id": parent_id})
        )
        result.updated.append(feature.code)


def _record(
    session: Session,
    seat: Seat,
    source: str,
    crs: Crs,
    tolerance: Tolerance,
    clip: bool,
    result: GridImportResult,
) -> None:
    """The import's audit entry: what it read and what it created, changed and left."""
    record(
        session,
        seat,
        "import_grids",
        "grid",
        None,
        source=source,
        crs=crs.value,
        created=len(result.created),
        updated=len(result.updated),
        unchanged=len(result.unchanged),
        updated_codes=result.updated[:200],
        warnings=len(result.warnings),
        tolerance={"width_m": tolerance.width_m, "area_share": tolerance.area_share},
        clipped=clip,
    )


def _publish(hub: EventHub, result: GridImportResult, features: Sequence[GridFeature]) -> None:
    """Buildings have no topic of their own: they are the micro-grids, so the grid change carries them.

    Households whose building was renamed or re-addressed hear it too: their addresses changed.
    """
    changed = set(result.created) | set(result.updated)
    grid_ids = {i for i, f in zip(result.ids, features, strict=True) if f.code in changed}
    grid_ids |= result.buildings.grid_ids
    if grid_ids:
        hub.publish(
            Change(
                GRID_TOPIC,
                tuple(sorted(grid_ids)),
                GridChanged(
                    len(result.created),
                    len(result.updated),
                    len(result.buildings.created),
                    len(result.buildings.updated),
                ),
            )
        )
    if result.buildings.household_ids:
        hub.publish(
            Change(
                Topic.HOUSEHOLD,
                tuple(result.buildings.household_ids),
                RosterChanged("grid_import", result.source),
            )
        )
