"""A small site for ticket tests: one street, two communities, three compounds, one building.

Leaders: the street, community C1 and compound G1 have one; compound G2 and community C2 have none,
so dispatch and escalation must fall back up the tree. A county-level leader backs the street.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from shapely import box, from_wkb
from shapely.geometry import Point
from sqlalchemy import select

from app.config import Seat
from app.models import Building, Duty, Grid, Household, Person
from app.store import Database
from app.tickets import Intake, TicketDesk, load_categories

GRIDS = [
    # code, name, level, parent, (min_lon, min_lat, max_lon, max_lat)
    ("S1", "建设路街道", 1, None, (113.60, 34.70, 113.64, 34.74)),
    ("C1", "幸福社区", 2, "S1", (113.60, 34.70, 113.62, 34.74)),
    ("C2", "和平社区", 2, "S1", (113.62, 34.70, 113.64, 34.74)),
    ("G1", "幸福小区", 3, "C1", (113.60, 34.70, 113.61, 34.72)),
    ("G2", "阳光小区", 3, "C1", (113.61, 34.70, 113.62, 34.72)),
    ("G3", "和平里", 3, "C2", (113.62, 34.70, 113.63, 34.72)),
    ("B1", "幸福小区1号楼", 4, "G1", (113.600, 34.700, 113.602, 34.702)),
]
LEADERS = {"S1": "王街长", "C1": "李社区", "G1": "张小区"}

IN_G1 = (113.605, 34.71)
IN_G2 = (113.615, 34.71)
IN_G3 = (113.625, 34.71)
IN_B1 = (113.601, 34.701)


@dataclass
class Site:
    grids: dict[str, int]
    people: dict[str, int]
    household_id: int
    building_id: int


class BoxLocator:
    """The deepest grid containing a point, by a plain loop (the real lookup is the grid tree's STRtree)."""

    def __init__(self, db) -> None:
        with db.session() as session:
            rows = session.execute(select(Grid.id, Grid.level, Grid.geometry_wkb)).all()
        self.cells = sorted(((r.level, r.id, from_wkb(r.geometry_wkb)) for r in rows), reverse=True)

    def __call__(self, lon: float, lat: float) -> int | None:
        point = Point(lon, lat)
        for _level, grid_id, shape in self.cells:
            if shape.covers(point):
                return grid_id
        return None

    def many(self, lons, lats) -> list[int | None]:
        return [self(lon, lat) for lon, lat in zip(lons, lats, strict=True)]


def build_site(db) -> Site:
    with db.session() as session:
        ids: dict[str, int] = {}
        for code, name, level, parent, bounds in GRIDS:
            shape = box(*bounds)
            grid = Grid(
                code=code,
                name=name,
                level=level,
                parent_id=ids.get(parent),
                geometry_wkb=shape.wkb,
                min_lon=bounds[0],
                min_lat=bounds[1],
                max_lon=bounds[2],
                max_lat=bounds[3],
                centre_lon=shape.centroid.x,
                centre_lat=shape.centroid.y,
            )
            session.add(grid)
            session.flush()
            ids[code] = grid.id
        people: dict[str, int] = {}
        for code, name in LEADERS.items():
            person = Person(name=name, phone="13800000000")
            person.duties.append(Duty(grid_id=ids[code], role="leader"))
            session.add(person)
            session.flush()
            people[name] = person.id
        for name, role, code in (
            ("赵县长", "county_leader", "S1"),
            ("孙值班", "supervisor", "S1"),
            ("钱网格员", "member", "G1"),
        ):
            person = Person(name=name)
            person.duties.append(Duty(grid_id=ids[code], role=role))
            session.add(person)
            session.flush()
            people[name] = person.id
        building = Building(
            grid_id=ids["B1"], name="1号楼", address="幸福小区1号楼", lon=IN_B1[0], lat=IN_B1[1]
        )
        household = Household(building=building, unit="1", room="101")
        session.add(household)
        session.flush()
        return Site(ids, people, household.id, building.id)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def both_db(request) -> Database:
    """For the few ticket tests that must prove themselves on PostgreSQL too (the rest run on SQLite)."""
    return request.getfixturevalue(f"{request.param}_db")


@pytest.fixture
def db(sqlite_db) -> Database:
    return sqlite_db


@pytest.fixture
def site(db) -> Site:
    return build_site(db)


def make_desk(db, *, simulation: bool = True) -> TicketDesk:
    """The tests script a ticket's life at fixed dates, as a simulation copy may (see time_guard.py);
    `simulation=False` is the desk of a real seat, which refuses times that rewrite history."""
    return TicketDesk(
        db,
        seat=Seat(operator="测试员", host="seat1"),
        categories=load_categories(),
        locate=BoxLocator(db),  # working time in the site's zone (its setting; Asia/Shanghai by default)
        simulation=simulation,
    )


@pytest.fixture
def desk(db, site) -> TicketDesk:
    return make_desk(db)


def at(text: str) -> datetime:
    """Beijing time as naive UTC."""
    from app.site_clock import SiteClock

    return SiteClock("Asia/Shanghai").parse(text)


def open_ticket(desk, where=IN_G1, category="SR01", when="2026-11-02T09:00", **kw) -> int:
    return desk.open(
        Intake(
            category=category,
            text="楼下垃圾堆积三天无人清运",
            lon=where[0],
            lat=where[1],
            at=at(when),
            reporter_name="刘女士",
            reporter_phone="13912345678",
            **kw,
        ),
        now=at(when),
        force=True,
    )
