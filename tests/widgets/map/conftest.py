"""The demo district's 1,083 grids in a store, with a leader, a building, households, a camera.

The grids are written once per test session into a template SQLite file; each test gets its own copy,
so tests may add tickets and alarms freely.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import shapely
from sqlalchemy import insert, select

from app.context import SiteContext
from app.demo.district import detailed_compound_code, district_layout
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Person, Resident
from app.store import Database
from runtime.read.map import MapReads
from widgets.map.panel import MapPanel


@dataclass(frozen=True)
class District:
    db: Database
    ids: dict[str, int]  # grid code -> id
    compound: str  # code of the compound mapped building by building
    building_id: int
    camera_id: int


def _write_district(db: Database) -> None:
    features = district_layout(7)
    with db.session() as session:
        ids: dict[str, int] = {}
        for feature in features:  # parents come before children
            geometry = feature.geometry
            min_x, min_y, max_x, max_y = geometry.bounds
            centre = geometry.representative_point()
            grid = Grid(
                code=feature.code, name=feature.name, level=feature.level,
                parent_id=ids.get(feature.parent_code), geometry_wkb=shapely.to_wkb(geometry),
                min_lon=min_x, min_lat=min_y, max_lon=max_x, max_lat=max_y,
                centre_lon=centre.x, centre_lat=centre.y,
            )  # fmt: skip
            session.add(grid)
            session.flush()
            ids[feature.code] = grid.id
        compound = detailed_compound_code(features)
        first_building = next(f for f in features if f.parent_code == compound)
        point = first_building.geometry.representative_point()
        leader = Person(name="杨桂芳", phone="15252546398", title="网格长")
        session.add(leader)
        session.flush()
        session.add(Duty(person_id=leader.id, grid_id=ids[compound], role=DutyRole.LEADER.value))
        building = Building(
            grid_id=ids[first_building.code], name="1号楼", address="嵩山南路88号院1号楼",
            lon=point.x, lat=point.y, floors=6, units=2,
        )  # fmt: skip
        session.add(building)
        session.flush()
        households = (
            session.execute(
                insert(Household).returning(Household.id),
                [{"building_id": building.id, "unit": "2", "room": room} for room in ("301", "302")],
            )
            .scalars()
            .all()
        )
        session.add(Resident(household_id=households[0], name="王秀英", sex="女", relation="户主"))
        session.add(
            Camera(
                name="1号楼东侧", grid_id=ids[first_building.code], lon=point.x + 0.0002, lat=point.y,
                main_url="demo://scene/1", sub_url=None,
            )
        )  # fmt: skip


@pytest.fixture(scope="session")
def district_template(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("map") / "district.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    _write_district(db)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return str(path)


@pytest.fixture
def district(district_template, tmp_path) -> Iterator[District]:
    path = tmp_path / "site.sqlite"
    shutil.copy(district_template, path)
    db = Database(f"sqlite:///{path}")
    with db.session() as session:
        ids = dict(session.execute(select(Grid.code, Grid.id)).all())
        building_id = session.scalar(select(Building.id))
        camera_id = session.scalar(select(Camera.id))
    features = district_layout(7)
    yield District(db, ids, detailed_compound_code(features), building_id, camera_id)
    db.dispose()


@pytest.fixture
def panel(qtbot, district) -> MapPanel:
    widget = MapPanel(MapReads(SiteContext(district.db)))
    qtbot.addWidget(widget)
    widget.canvas.flight_ms = 0  # tests check where a flight ends, not how it looks on the way
    widget.resize(1400, 860)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
