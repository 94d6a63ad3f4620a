"""The 楼栋 sheet: buildings keyed by address, each on its micro-grid (or a level-3 grid)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Building, GridLevel
from app.site_book import cells
from app.site_book.common import (
    GridIndex,
    GridRef,
    RowCheck,
    SheetCount,
    exported_coordinate,
    kept_coordinate,
    report_duplicates,
    squash,
)
from app.site_book.problems import Problems
from app.site_book.sheets import BUILDINGS
from app.site_book.workbook import SheetData

NEW_BUILDING_FLOORS, NEW_BUILDING_UNITS = 6, 2  # the table's defaults, for a row that leaves them empty


@dataclass(frozen=True)
class BuildingEntry:
    row: int
    name: str
    address: str
    grid_code: str
    floors: int | None
    units: int | None
    lon: float | None
    lat: float | None


def parse(data: SheetData, problems: Problems) -> list[BuildingEntry]:
    entries, rows_by_address = [], defaultdict(list)
    for row in data.rows:
        check = RowCheck(BUILDINGS, row, problems)
        name = check.read("name", lambda v, label: cells.required_text(v, label, 64))
        address = check.read("address", lambda v, label: cells.required_text(v, label, 200))
        grid_code = check.read("grid_code", lambda v, label: cells.required_text(v, label, 64))
        floors = check.read("floors", lambda v, label: cells.whole_number(v, label, 1, 200))
        units = check.read("units", lambda v, label: cells.whole_number(v, label, 1, 50))
        lon = check.read("lon", lambda v, label: cells.number(v, label, -180, 180))
        lat = check.read("lat", lambda v, label: cells.number(v, label, -90, 90))
        if (lon is None) != (lat is None) and check.ok:
            check.fail("lon" if lon is None else "lat", "经度与纬度应同时填写或同时留空")
        if address:
            rows_by_address[squash(address)].append(row.number)
        if check.ok:
            entries.append(BuildingEntry(row.number, name, address, grid_code, floors, units, lon, lat))
    report_duplicates(BUILDINGS, "address", rows_by_address, problems)
    return entries


@dataclass
class BuildingPlan:
    entries: list[tuple[BuildingEntry, GridRef, Building | None]]


def check(
    session: Session, entries: list[BuildingEntry], grids: GridIndex, problems: Problems
) -> BuildingPlan:
    """Each row's grid and existing building (by address); a row that cannot be placed is a problem."""
    existing: dict[str, list[Building]] = defaultdict(list)
    for building in session.scalars(select(Building)):
        existing[squash(building.address)].append(building)
    plan = BuildingPlan([])
    for entry in entries:
        where = (BUILDINGS.title, entry.row)
        grid = grids.find(entry.grid_code)
        matches = existing.get(squash(entry.address), [])
        if grid is None:
            problems.add(*where, "微网格编码", grids.unknown_reason(entry.grid_code))
        elif grid.level < GridLevel.COMPOUND:
            problems.add(
                *where,
                "微网格编码",
                f"网格 {grid.code} 是{GridLevel(grid.level).zh}, 楼栋应属于微网格或三级网格",
            )
        elif entry.lon is None and grid.centre is None and not matches:
            problems.add(*where, "经度", f"缺少经纬度, 网格 {grid.code} 也没有中心点可用")
        if len(matches) > 1:
            problems.add(
                *where,
                "地址",
                f"站点中已有 {len(matches)} 个楼栋使用地址 '{entry.address}', 无法确定更新哪一个",
            )
        if grid is not None and len(matches) <= 1:
            plan.entries.append((entry, grid, matches[0] if matches else None))
    return plan


def write(session: Session, plan: BuildingPlan, bad_rows: set[int]) -> tuple[SheetCount, set[int]]:
    """Adds and updates the buildings; returns the counts and the grids whose buildings changed."""
    count, grid_ids = SheetCount(skipped=len(bad_rows)), set()
    for entry, grid, building in plan.entries:
        if entry.row in bad_rows:
            continue
        if building is None:
            building = Building(address=entry.address, floors=NEW_BUILDING_FLOORS, units=NEW_BUILDING_UNITS)
            session.add(building)
            action = "added"
        else:
            action = "updated"
        old_grid = building.grid_id
        lon, lat = (entry.lon, entry.lat) if entry.lon is not None else (building.lon, building.lat)
        if lon is None:
            lon, lat = grid.centre
        wanted = {
            "name": entry.name,
            "grid_id": grid.id,
            "floors": entry.floors or building.floors,
            "units": entry.units or building.units,
            "lon": kept_coordinate(building.lon, lon),
            "lat": kept_coordinate(building.lat, lat),
        }
        if action == "updated" and all(getattr(building, k) == v for k, v in wanted.items()):
            action = "unchanged"
        for key, value in wanted.items():
            setattr(building, key, value)
        if action != "unchanged":
            grid_ids |= {grid.id, old_grid} - {None}
        count.count(action)
    session.flush()
    return count, grid_ids


def export_rows(session: Session, grids: GridIndex) -> list[dict[str, object]]:
    buildings = session.scalars(select(Building).order_by(Building.grid_id, Building.address, Building.id))
    return [
        {
            "name": b.name,
            "address": b.address,
            "grid_code": grids.by_id[b.grid_id].code,
            "floors": b.floors,
            "units": b.units,
            "lon": exported_coordinate(b.lon),
            "lat": exported_coordinate(b.lat),
        }
        for b in buildings
    ]
