"""The site's counts on both back ends: the statistics panel's figures, the open alarms, the cameras,
and what the status bar says about the store."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from alarms.models import Alarm
from app.context import SiteContext
from app.models import (
    Building,
    Camera,
    Duty,
    DutyRole,
    Grid,
    Household,
    Person,
    Resident,
    ResidentTag,
    Sensor,
)
from app.models.residents import Tag
from app.store import Database
from app.tickets.models import Ticket
from runtime.read.stats import OpenAlarms, SiteStats, describe_database
from runtime.reads import ReadModels


def _site(db: Database) -> None:
    """A street with a community and a compound; two workers (one on two duties), a supervisor,
    three residents, two cameras (one AI), a sensor, tickets in three states and alarms in three."""
    with db.session() as session:
        street = Grid(code="S1", name="解放路街道", level=1)
        session.add(street)
        session.flush()
        community = Grid(code="S1A", name="幸福社区", level=2, parent_id=street.id)
        session.add(community)
        session.flush()
        compound = Grid(code="S1A1", name="幸福家园", level=3, parent_id=community.id)
        session.add(compound)
        session.flush()
        leader, member, supervisor = Person(name="李明"), Person(name="王芳"), Person(name="赵督")
        session.add_all([leader, member, supervisor])
        session.flush()
        session.add_all(
            [
                Duty(person_id=leader.id, grid_id=community.id, role=DutyRole.LEADER.value),
                Duty(person_id=leader.id, grid_id=compound.id, role=DutyRole.LEADER.value),
                Duty(person_id=member.id, grid_id=compound.id, role=DutyRole.MEMBER.value),
                Duty(person_id=supervisor.id, grid_id=street.id, role=DutyRole.SUPERVISOR.value),
            ]
        )
        building = Building(
            grid_id=compound.id, name="3号楼", address="陇海路12号院3号楼", lon=113.6, lat=34.7
        )
        session.add(building)
        session.flush()
        household = Household(building_id=building.id, unit="1", room="502")
        session.add(household)
        session.flush()
        residents = [Resident(household_id=household.id, name=n, sex="女") for n in ("甲", "乙", "丙")]
        session.add_all(residents)
        session.flush()
        session.add_all(
            [
                ResidentTag(resident_id=residents[0].id, tag=Tag.ELDERLY_ALONE.value),
                ResidentTag(resident_id=residents[0].id, tag=Tag.PARTY_MEMBER.value),
                ResidentTag(resident_id=residents[1].id, tag=Tag.PARTY_MEMBER.value),
            ]
        )
        session.add_all(
            [
                Camera(name="南门", grid_id=compound.id, main_url="demo://scene/1", lon=113.6, lat=34.7),
                Camera(
                    name="北门",
                    grid_id=compound.id,
                    main_url="demo://scene/2",
                    lon=113.6,
                    lat=34.7,
                    ai_enabled=True,
                ),
                Sensor(name="紧急按钮", kind="sos", protocol="rf433", device_code="A1", grid_id=compound.id),
            ]
        )
        session.add_all(
            [
                Ticket(state=state, queue="active", category_code="A", source="phone", text="噪音",
                       grid_l1_id=street.id)
                for state in ("dispatched", "closed", "evaluated")
            ]
        )  # fmt: skip
        session.add_all(
            [
                Alarm(source="sensor", kind="sos", priority=1, title=state, state=state, grid_id=compound.id)
                for state in ("raised", "acknowledged", "handled")
            ]
        )


def test_the_site_is_counted_on_both_back_ends(db):
    _site(db)
    stats = SiteStats(SiteContext(db))
    counts = stats.counts()
    assert counts.grids_by_level == {1: 1, 2: 1, 3: 1}
    assert counts.staff == 2  # the leader once for two duties; the supervisor is not grid staff
    assert (counts.buildings, counts.households, counts.residents) == (1, 1, 3)
    assert counts.tagged == {Tag.PARTY_MEMBER: 2, Tag.ELDERLY_ALONE: 1}
    assert (counts.cameras, counts.ai_cameras, counts.sensors) == (2, 1, 1)
    assert counts.open_tickets == 2  # a closed ticket still awaits its evaluation
    assert counts.open_alarms == 2
    assert stats.open_alarms() == OpenAlarms(open=2, waiting=1)
    assert stats.cameras() == 2
    with pytest.raises(FrozenInstanceError):
        counts.cameras = 3  # type: ignore[misc]


def test_an_empty_site_counts_zero(sqlite_db):
    stats = ReadModels(SiteContext(sqlite_db)).stats
    counts = stats.counts()
    assert (counts.open_tickets, counts.open_alarms, counts.staff, counts.cameras) == (0, 0, 0, 0)
    assert counts.grids_by_level == {} and counts.tagged == {}
    assert stats.open_alarms() == OpenAlarms(0, 0)


def test_the_store_answers_or_says_why_not(sqlite_db):
    assert SiteStats(SiteContext(sqlite_db)).database_problem() is None
    dead = Database("postgresql://gcc@127.0.0.1:1/site")  # nothing listens on port 1
    try:
        problem = SiteStats(SiteContext(dead)).database_problem()
    finally:
        dead.dispose()
    assert problem and "127.0.0.1" in problem


def test_the_database_description_masks_the_password(sqlite_db):
    label, where = describe_database("postgresql+psycopg://gcc:s3cret@db.example:5432/site")
    assert label == "PostgreSQL · db.example:5432/site"
    assert "s3cret" not in where and "***" in where
    assert describe_database("sqlite:////var/lib/gcc/gcc.sqlite")[0] == "SQLite · gcc.sqlite"
    assert SiteStats(SiteContext(sqlite_db)).describe_database()[1].endswith("site.sqlite")


def test_the_server_version_names_the_engine_on_both_back_ends(db):
    """关于 shows it: the engine and its version as the server reports it."""
    name, _, version = SiteStats(SiteContext(db)).server_version().partition(" ")
    assert name == ("SQLite" if db.url.startswith("sqlite") else "PostgreSQL")
    assert version.split(".")[0].isdigit()
