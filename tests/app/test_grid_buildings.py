"""Micro-grids are buildings: a grid import keeps one building per level-4 grid, and a roster finds them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from shapely.geometry import Point, box, mapping
from sqlalchemy import func, select

import main
from alarms.sensor_store import SensorForm, SensorStore
from app.context import SiteContext
from app.events import EventHub, Topic
from app.grid_import import import_grids
from app.models import AuditEntry, Building, Grid, Household, PendingSensor, Resident
from app.store import Database
from tests.app.roster.conftest import make_id, person, write_xlsx
from tests.grid_map import sample

ADDRESS_1 = "建中街街道幸福社区绿城花园1号楼"


def buildings(db) -> dict[str, Building]:
    """The site's buildings by their grid's code."""
    with db.session() as session:
        rows = session.execute(select(Grid.code, Building).join(Grid, Grid.id == Building.grid_id)).all()
        session.expunge_all()
    return {code: building for code, building in rows}


def edited(code: str, **properties) -> dict:
    data = sample.collection()
    data["features"][sample.index_of(data, code)]["properties"].update(properties)
    return data


def test_each_micro_grid_becomes_a_building_named_and_addressed_by_its_chain(db, tmp_path):
    result = import_grids(db, sample.write(tmp_path / "grids.geojson", sample.collection()))
    assert result.buildings.created == [sample.BUILDING_1, sample.BUILDING_2]
    found = buildings(db)
    assert sorted(found) == [sample.BUILDING_1, sample.BUILDING_2]  # only level-4 grids are buildings
    first = found[sample.BUILDING_1]
    assert (first.name, first.address) == ("1号楼", ADDRESS_1)
    assert box(*sample.BOXES[sample.BUILDING_1]).contains(Point(first.lon, first.lat))
    assert (first.lon, first.lat) == pytest.approx((113.60225, 34.7021))
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "grid_buildings")).one()
    assert json.loads(entry.detail)["created_codes"] == [sample.BUILDING_1, sample.BUILDING_2]


def test_reimport_updates_what_the_grid_gave_and_never_duplicates(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    first_id = buildings(db)[sample.BUILDING_1].id
    again = import_grids(db, sample.write(tmp_path / "b.geojson", sample.collection()))
    assert again.buildings.created == [] and again.buildings.updated == []
    moved = edited(sample.BUILDING_1, name="一号楼")
    moved["features"][sample.index_of(moved, sample.BUILDING_1)]["geometry"] = mapping(
        box(113.603, 34.702, 113.6035, 34.7022)
    )
    moved["features"][sample.index_of(moved, sample.WEST_SOUTH)]["properties"]["name"] = "绿城小区"
    result = import_grids(db, sample.write(tmp_path / "c.geojson", moved))
    assert result.buildings.updated == [
        sample.BUILDING_1,
        sample.BUILDING_2,
    ]  # the compound's name is in both
    found = buildings(db)
    assert len(found) == 2 and found[sample.BUILDING_1].id == first_id
    assert (found[sample.BUILDING_1].name, found[sample.BUILDING_1].address) == (
        "一号楼",
        "建中街街道幸福社区绿城小区一号楼",
    )
    assert found[sample.BUILDING_1].lon == pytest.approx(113.60325)
    assert found[sample.BUILDING_2].address == "建中街街道幸福社区绿城小区2号楼"


def test_what_an_office_typed_stays_and_a_files_own_address_wins(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    with db.session() as session:
        building = session.scalars(select(Building).where(Building.name == "2号楼")).one()
        building.address, building.lon = "金水路 12 号院 2 号楼", 113.6022
    import_grids(db, sample.write(tmp_path / "b.geojson", edited(sample.BUILDING_2, name="二号楼")))
    kept = buildings(db)[sample.BUILDING_2]
    assert (kept.name, kept.address, kept.lon) == ("二号楼", "金水路 12 号院 2 号楼", 113.6022)
    import_grids(
        db, sample.write(tmp_path / "c.geojson", edited(sample.BUILDING_1, address="幸福路 8 号 1 号楼"))
    )
    assert buildings(db)[sample.BUILDING_1].address == "幸福路 8 号 1 号楼"


def _no_longer_a_micro_grid() -> dict:
    """Building 2's grid becomes a level-3 compound of its own, cut out of 绿城花园."""
    data = edited(sample.BUILDING_2, level=3, parent=sample.WEST)
    where = sample.index_of(data, sample.WEST_SOUTH)
    hole = box(*sample.BOXES[sample.WEST_SOUTH]).difference(box(*sample.BOXES[sample.BUILDING_2]))
    data["features"][where]["geometry"] = mapping(hole)
    return data


def test_a_building_with_households_is_never_deleted(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    with db.session() as session:
        building_id = buildings(db)[sample.BUILDING_2].id
        session.add(Household(building_id=building_id, unit="1", room="101"))
    result = import_grids(db, sample.write(tmp_path / "b.geojson", _no_longer_a_micro_grid()))
    assert result.buildings.kept == [sample.BUILDING_2] and result.buildings.removed == []
    assert sample.BUILDING_2 in buildings(db)


def test_a_building_a_sensor_waits_in_is_kept_with_its_address(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    site = SiteContext(db)
    SensorStore(site).add(SensorForm("C0FFEE", "rf433", "smoke", "2号楼1单元301室"))
    result = import_grids(db, sample.write(tmp_path / "b.geojson", _no_longer_a_micro_grid()))
    assert result.buildings.kept == [sample.BUILDING_2] and result.buildings.removed == []
    with db.session() as session:
        assert session.scalar(select(PendingSensor.address)).endswith("2号楼1单元301室")


def test_an_empty_building_goes_with_its_micro_grid(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    result = import_grids(db, sample.write(tmp_path / "b.geojson", _no_longer_a_micro_grid()))
    assert result.buildings.removed == [sample.BUILDING_2]
    assert sorted(buildings(db)) == [sample.BUILDING_1]


def test_the_grid_change_carries_the_buildings_and_households_hear_their_address_move(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "a.geojson", sample.collection()))
    with db.session() as session:
        household = Household(building_id=buildings(db)[sample.BUILDING_1].id, unit="1", room="101")
        session.add(household)
        session.flush()
        household_id = household.id
    hub, heard = EventHub(), []
    hub.subscribe(Topic.GRID, heard.append)
    hub.subscribe(Topic.HOUSEHOLD, heard.append)
    import_grids(db, sample.write(tmp_path / "b.geojson", edited(sample.BUILDING_1, name="一号楼")), hub=hub)
    grid_change, household_change = heard
    with db.session() as session:
        grid_id = session.scalar(select(Grid.id).where(Grid.code == sample.BUILDING_1))
    assert grid_change.ids == (grid_id,) and grid_change.payload.buildings_updated == 1
    assert household_change.ids == (household_id,) and household_change.payload.source == "grid_import"


def test_grids_and_a_roster_are_enough_for_a_small_site(tmp_path, cli_user, capsys):
    """End to end from files, as a new office would: import-grids, then import-roster finds the buildings."""
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    cli_user(url)
    grids = sample.write(tmp_path / "grids.geojson", sample.collection())
    assert main.main(["import-grids", str(grids), "--db", url]) == 0
    assert "楼栋（微网格）：新增 2 栋" in capsys.readouterr().out
    roster = write_xlsx(
        tmp_path / "roster.xlsx",
        [
            person("张三", make_id(date(1950, 3, 8), 11), building="1号楼", room="101"),
            person("李梅", make_id(date(1961, 5, 2), 12, male=False), building="绿城花园2号楼", room="302"),
            person("王五", make_id(date(1988, 1, 9), 13), building=ADDRESS_1, unit="2", room="201"),
        ],
    )
    assert main.main(["import-roster", str(roster), "--db", url]) == 0, capsys.readouterr().err
    assert "已导入 3 名居民, 新建 3 户" in capsys.readouterr().out
    db = Database(url)
    try:
        with db.session() as session:
            homes = session.execute(
                select(Resident.name, Building.name, Household.room)
                .join(Household, Household.id == Resident.household_id)
                .join(Building, Building.id == Household.building_id)
                .order_by(Resident.name)
            ).all()
            count = session.scalar(select(func.count()).select_from(Building))
    finally:
        db.dispose()
    assert sorted(homes) == [("张三", "1号楼", "101"), ("李梅", "2号楼", "302"), ("王五", "1号楼", "201")]
    assert count == 2
