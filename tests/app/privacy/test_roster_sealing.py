"""ID numbers and health notes are sealed at rest and found by a keyed hash, on SQLite and PostgreSQL;
the migration seals the rows a site already holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from app.privacy.roster_cipher import RosterCipher, SealedDataError
from app.privacy.site_secret import SiteSecret
from app.roster.importer import import_roster
from app.store import Database
from runtime.read.resident_search import SearchQuery, search_residents
from tests.app.roster.conftest import build_site, make_id, person, write_xlsx
from tests.conftest import PG_ADMIN_URL, _pg_available, _pg_url
from tests.sealing import clear_health, resident_with_id

NUMBER = "11010519491231002X"
NOTE = "高血压、糖尿病"
BEFORE_PRIVACY = ("0011a_consent", "0004a_camera_credentials")


@pytest.fixture
def site(db):
    return build_site(db)


def test_an_import_stores_no_clear_id_number_or_health_note(site, tmp_path):
    import_roster(
        site, write_xlsx(tmp_path / "roster.xlsx", [person("张三", NUMBER, building="3号楼", note=NOTE)])
    )
    columns = {c["name"] for c in inspect(site.db.engine).get_columns("residents")}
    assert {"id_number", "health_note"}.isdisjoint(columns)
    with site.db.session() as session:
        stored = session.execute(text("SELECT * FROM residents")).one()._mapping
        assert NUMBER.encode() not in bytes(stored["id_sealed"]) and NOTE.encode() not in bytes(
            stored["health_sealed"]
        )
        assert stored["id_masked"] == "110105********002X" and NUMBER not in stored["id_hash"]
        resident = resident_with_id(session, NUMBER)
        assert clear_health(session, resident) == NOTE
        other = RosterCipher(SiteSecret("elsewhere", b"\x01" * 32))  # another site's keys open nothing
        with pytest.raises(SealedDataError):
            other.id_number(resident)
        assert other.id_hash(NUMBER) != resident.id_hash


def test_search_by_whole_id_number_and_by_its_tail_still_works(site, tmp_path):
    rows = [
        person("张三", NUMBER, building="3号楼"),
        person("李四", "110105194912310021", building="3号楼", room="102"),
    ]
    rows[1] = person("李四", make_id(date(1980, 5, 1), 22), building="3号楼", room="102")
    import_roster(site, write_xlsx(tmp_path / "roster.xlsx", rows))
    with site.db.sessions() as session:
        whole = search_residents(session, SearchQuery(NUMBER.lower()))  # a lower-case x is the same number
        tail = search_residents(session, SearchQuery("002X"))
        other = search_residents(session, SearchQuery("110105194912310038"))
    assert [r.name for r in whole] == ["张三"] and [r.name for r in tail] == ["张三"] and other == []
    assert whole[0].id_masked == "110105********002X"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def old_site(request, tmp_path) -> Iterator[Database]:
    """A site as it was before 0011_privacy: ID numbers and health notes in clear columns."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'old.sqlite'}")
        yield from _at_old_revision(db)
        return
    if not _pg_available():
        pytest.skip("PostgreSQL is not reachable")
    name = f"gcc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield from _at_old_revision(Database(_pg_url(name)))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _at_old_revision(db: Database) -> Iterator[Database]:
    for revision in BEFORE_PRIVACY:
        command.upgrade(db._alembic_config(), revision)
    with db.session() as session:
        for statement in (
            "INSERT INTO grids (id, code, name, level) VALUES (1, 'G', '幸福小区', 4)",
            "INSERT INTO buildings (id, grid_id, name, address, lon, lat, floors, units)"
            " VALUES (1, 1, '3号楼', '幸福小区3号楼', 113.6, 34.7, 6, 2)",
            "INSERT INTO households (id, building_id, unit, room, residence_type) VALUES (1, 1, '1', '101', 'permanent')",
            f"INSERT INTO residents (id, household_id, name, sex, id_number, health_note)"
            f" VALUES (1, 1, '张三', '男', '{NUMBER}', '{NOTE}'), (2, 1, '李四', '女', NULL, NULL)",
        ):
            session.execute(text(statement))
    yield db
    db.dispose()


def test_the_migration_seals_existing_rows_and_drops_the_clear_columns(old_site):
    old_site.upgrade()
    assert old_site.is_current()
    columns = {c["name"] for c in inspect(old_site.engine).get_columns("residents")}
    assert {"id_number", "health_note"}.isdisjoint(columns)
    with old_site.session() as session:
        resident = resident_with_id(session, NUMBER)
        assert (resident.name, resident.id_masked, clear_health(session, resident)) == (
            "张三",
            "110105********002X",
            NOTE,
        )
        empty = session.execute(
            text("SELECT id_sealed, id_hash, health_sealed FROM residents WHERE id = 2")
        ).one()
        assert tuple(empty) == (None, None, None)
        found = search_residents(session, SearchQuery(NUMBER))
    assert [r.name for r in found] == ["张三"]


def test_downgrading_puts_the_values_back_in_clear(old_site):
    old_site.upgrade()
    command.downgrade(old_site._alembic_config(), "0011a_consent")
    with old_site.session() as session:
        rows = session.execute(text("SELECT name, id_number, health_note FROM residents ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [("张三", NUMBER, NOTE), ("李四", None, None)]
