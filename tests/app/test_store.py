"""The store runs on SQLite (WAL, foreign keys) and PostgreSQL from the same migrations."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.models import Building, Grid, Household, Resident, ResidentTag
from tests.sealing import sealed


def test_schema_is_current_after_upgrade(db):
    assert db.is_current()
    db.upgrade()  # a second upgrade is a no-op
    assert db.is_current()


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_db):
    with sqlite_db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def _roster(session) -> Resident:
    street = Grid(code="S1", name="街道", level=1)
    building_grid = Grid(code="S1-B1", name="1号楼", level=4, parent=street)
    session.add_all([street, building_grid])
    session.flush()
    building = Building(grid_id=building_grid.id, name="1号楼", address="幸福小区1号楼", lon=113.6, lat=34.7)
    household = Household(building=building, unit="1", room="101")
    resident = Resident(household=household, name="张三", sex="男", **sealed(session, "11010519491231002X"))
    resident.tags.append(ResidentTag(tag="elderly_alone"))
    session.add(resident)
    return resident


def test_roster_round_trip(db):
    with db.session() as session:
        _roster(session)
    with db.session() as session:
        resident = session.scalars(select(Resident)).one()
        assert resident.tag_names == ["elderly_alone"]
        assert resident.household.address == "幸福小区1号楼1单元101室"


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Household(building_id=9999, unit="1", room="101"))
