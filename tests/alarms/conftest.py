"""Fixtures for the alarm tests: a real site in the store and an alarm service over it.

The store fixtures are the shared ones made quicker: the schema is migrated once per session into a
template (an SQLite file, a PostgreSQL template database) and each test gets a fresh copy of it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from alarms.ingest import SensorIngest
from alarms.service import AlarmService
from app.config import Seat
from app.events import EventHub
from app.store import Database
from tests.alarms.site import build_site
from tests.conftest import PG_ADMIN_URL, _pg_available


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("alarm-template") / "site.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    db.dispose()
    return path


@pytest.fixture
def sqlite_db(_sqlite_template, tmp_path) -> Iterator[Database]:
    target = tmp_path / "site.sqlite"
    shutil.copyfile(_sqlite_template, target)
    db = Database(f"sqlite:///{target}")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def _pg_session_db() -> Iterator[Database]:
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"gcc_alarm_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    db.upgrade()
    yield db
    db.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_db(_pg_session_db) -> Database:
    """One migrated PostgreSQL database per session, emptied before each test (quicker than a new one)."""
    db = _pg_session_db
    with db.engine.begin() as connection:
        tables = (
            connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
                )
            )
            .scalars()
            .all()
        )
        connection.execute(text("SET LOCAL session_replication_role = replica"))  # no FK order to mind
        for table in tables:
            connection.execute(text(f'DELETE FROM "{table}"'))
    return db


@pytest.fixture
def site(db):
    return build_site(db)


@pytest.fixture
def hub() -> EventHub:
    return EventHub()


@pytest.fixture
def service(db, hub) -> AlarmService:
    return AlarmService(db, hub, Seat(operator="值班员小王", host="seat-1"))


@pytest.fixture
def ingest(service) -> SensorIngest:
    return SensorIngest(service)
