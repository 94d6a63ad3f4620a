"""Importing grid files into the store (SQLite and PostgreSQL): all or nothing, audited, updates in place."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import box, mapping
from sqlalchemy import func, select

from app.config import Seat
from app.grid_import import import_grids, write_grids
from app.models import AuditEntry, Grid
from grid_map.crs import from_wgs84
from grid_map.validate import GridFileError
from tests.grid_map import sample


def grid_count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Grid))


def test_import_writes_the_tree_with_outlines_boxes_and_centres(db, tmp_path):
    path = sample.write(tmp_path / "grids.geojson", sample.collection())
    result = import_grids(db, path, "wgs84", Seat(operator="张敏", host="seat-1"))
    assert result.created == [row[0] for row in sample.TREE] and result.updated == []
    with db.session() as session:
        grids = {g.code: g for g in session.scalars(select(Grid))}
        audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "import_grids")).one()
    compound = grids[sample.WEST_SOUTH]
    assert compound.parent_id == grids[sample.WEST].id and compound.level == 3 and compound.name == "绿城花园"
    assert shapely.from_wkb(compound.geometry_wkb).equals(box(*sample.BOXES[sample.WEST_SOUTH]))
    assert (compound.min_lon, compound.min_lat, compound.max_lon, compound.max_lat) == pytest.approx(
        sample.BOXES[sample.WEST_SOUTH]
    )
    assert (compound.centre_lon, compound.centre_lat) == pytest.approx((113.605, 34.705))
    assert grids[sample.STREET].parent_id is None
    assert audit.actor == "张敏" and json.loads(audit.detail)["created"] == len(sample.TREE)


def test_reimport_updates_by_code_instead_of_duplicating(db, tmp_path):
    import_grids(db, sample.write(tmp_path / "first.geojson", sample.collection()))
    with db.session() as session:
        first_id = session.scalar(select(Grid.id).where(Grid.code == sample.EAST_NORTH))
    data = sample.collection()
    where = sample.index_of(data, sample.EAST_NORTH)
    data["features"][where]["properties"]["name"] = "鑫苑名家"
    result = import_grids(db, sample.write(tmp_path / "second.geojson", data))
    assert result.created == [] and result.updated == [sample.EAST_NORTH]
    assert len(result.unchanged) == len(sample.TREE) - 1
    assert grid_count(db) == len(sample.TREE)
    with db.session() as session:
        grid = session.scalars(select(Grid).where(Grid.code == sample.EAST_NORTH)).one()
    assert (grid.id, grid.name) == (first_id, "鑫苑名家")


def test_a_file_of_new_children_hangs_off_grids_already_in_the_store(sqlite_db, tmp_path):
    db = sqlite_db
    base = sample.collection()
    base["features"] = [f for f in base["features"] if f["properties"]["level"] < 4]
    import_grids(db, sample.write(tmp_path / "base.geojson", base))
    buildings = sample.collection()
    buildings["features"] = [f for f in buildings["features"] if f["properties"]["level"] == 4]
    result = import_grids(db, sample.write(tmp_path / "buildings.geojson", buildings))
    assert result.created == [sample.BUILDING_1, sample.BUILDING_2]
    with db.session() as session:
        parent_ids = set(session.scalars(select(Grid.parent_id).where(Grid.level == 4)))
        compound_id = session.scalar(select(Grid.id).where(Grid.code == sample.WEST_SOUTH))
    assert parent_ids == {compound_id}


def test_new_children_are_checked_against_siblings_in_the_store(sqlite_db, tmp_path):
    db = sqlite_db
    import_grids(db, sample.write(tmp_path / "base.geojson", sample.collection()))
    extra = {
        "type": "FeatureCollection",
        "features": [
            sample.feature(
                "410103001001001003", "3号楼", 4, sample.WEST_SOUTH, box(113.6021, 34.7021, 113.6024, 34.7025)
            )
        ],
    }
    with pytest.raises(GridFileError, match=f"overlaps sibling {sample.BUILDING_1}"):
        import_grids(db, sample.write(tmp_path / "extra.geojson", extra))


def test_any_error_imports_nothing(db, tmp_path):
    data = sample.collection()
    data["features"][sample.index_of(data, sample.EAST_NORTH)]["properties"]["parent"] = "nope"
    with pytest.raises(GridFileError) as caught:
        import_grids(db, sample.write(tmp_path / "bad.geojson", data))
    assert len(caught.value.errors) == 1
    assert grid_count(db) == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_gcj02_file_is_stored_in_wgs84(sqlite_db, tmp_path):
    db = sqlite_db
    data = sample.collection()
    for item in data["features"]:
        item["geometry"] = mapping(from_wgs84(shapely.geometry.shape(item["geometry"]), "gcj02"))
    import_grids(db, sample.write(tmp_path / "gcj.geojson", data), "gcj02")
    with db.session() as session:
        street = session.scalars(select(Grid).where(Grid.code == sample.STREET)).one()
    assert (street.min_lon, street.min_lat, street.max_lon, street.max_lat) == pytest.approx(
        sample.BOXES[sample.STREET], abs=1e-6
    )


def test_write_grids_bulk_inserts_the_demo_district(db):
    from app.demo.district import district_layout

    features = district_layout(7)
    with db.session() as session:
        grids = write_grids(session, features)
    assert len(grids) == len(features) == grid_count(db)
    by_id = {g.id: g for g in grids.values()}
    for feature in features:
        grid = grids[feature.code]
        assert grid.level == feature.level and grid.name == feature.name
        assert (by_id[grid.parent_id].code if grid.parent_id else None) == feature.parent_code
    building = next(g for g in grids.values() if g.level == 4)
    assert shapely.from_wkb(building.geometry_wkb).contains(
        shapely.Point(building.centre_lon, building.centre_lat)
    )


def test_the_hub_hears_about_new_and_changed_grids_after_the_commit(sqlite_db, tmp_path):
    from app.events import EventHub

    hub = EventHub()
    heard = []

    def listen(change):
        with sqlite_db.session() as session:  # the rows are already committed when the news arrives
            heard.append((change, session.scalar(select(func.count()).select_from(Grid))))

    hub.subscribe("grid", listen)
    import_grids(sqlite_db, sample.write(tmp_path / "a.geojson", sample.collection()), hub=hub)
    ((change, rows),) = heard
    assert len(change.ids) == rows == len(sample.TREE) and change.payload.created == len(sample.TREE)
    import_grids(sqlite_db, sample.write(tmp_path / "b.geojson", sample.collection()), hub=hub)
    assert len(heard) == 1  # nothing changed, nothing to say
