"""The map's search box: grids by code or name, buildings by name or address, households by their full
address or their householder's name. Asked through `MapReads.search`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Building, Grid, Household, Resident
from runtime.read.seat_scope import within


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "grid", "building", "household"
    title: str
    subtitle: str
    grid_id: int | None  # the grid to select
    lon: float | None  # a point to pin (buildings and households)
    lat: float | None
    exact: bool = False  # the text was this grid's code: go there without asking


SEARCH_LIMIT = 20


def search(session: Session, text: str, scope: frozenset[int] | None = None) -> list[SearchHit]:
    """Grids by code or name, buildings by name or address, households by address or householder;
    buildings and households of a grid worker's subtree (`scope`) only (outlines are everyone's)."""
    text = text.strip()
    if not text:
        return []
    like = f"%{text}%"
    hits: list[SearchHit] = []
    exact = session.execute(select(Grid.id, Grid.code, Grid.name, Grid.level).where(Grid.code == text)).all()
    partial = session.execute(
        select(Grid.id, Grid.code, Grid.name, Grid.level)
        .where(or_(Grid.name.like(like), Grid.code.like(f"{text}%")), Grid.code != text)
        .order_by(Grid.level, Grid.code)
        .limit(SEARCH_LIMIT)
    ).all()
    hits.extend(
        SearchHit("grid", name, code, gid, None, None, exact=True) for gid, code, name, _level in exact
    )
    hits.extend(SearchHit("grid", name, code, gid, None, None) for gid, code, name, _level in partial)
    buildings = session.execute(
        select(Building.id, Building.name, Building.address, Building.grid_id, Building.lon, Building.lat)
        .where(or_(Building.address.like(like), Building.name.like(like)), *within(Building.grid_id, scope))
        .order_by(Building.address)
        .limit(SEARCH_LIMIT)
    ).all()
    hits.extend(
        SearchHit("building", address, name, gid, lon, lat)
        for _bid, name, address, gid, lon, lat in buildings
    )
    hits.extend(_household_hits(session, text, scope))
    return hits[: SEARCH_LIMIT * 2]


def _household_hits(session: Session, text: str, scope: frozenset[int] | None) -> list[SearchHit]:
    """A full household address ("…3号楼2单元301室") or a householder's name."""
    address = Building.address + Household.unit + "单元" + Household.room + "室"
    householder = (
        select(Resident.household_id)
        .where(Resident.name == text, Resident.relation == "户主")
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Household.id,
            Household.unit,
            Household.room,
            Building.address,
            Building.grid_id,
            Building.lon,
            Building.lat,
        )
        .join(Building, Building.id == Household.building_id)
        .where(
            or_(address.like(f"%{text}%"), Household.id.in_(householder)), *within(Building.grid_id, scope)
        )
        .order_by(Household.id)
        .limit(SEARCH_LIMIT)
    ).all()
    return [
        SearchHit("household", f"{addr}{unit}单元{room}室", "", gid, lon, lat)
        for _hid, unit, room, addr, gid, lon, lat in rows
    ]
