"""A small site for the shell's tests: one grid chain with its staff, a building and three households."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, text

from app.access import User
from app.config import Seat
from app.models import (
    Building,
    Duty,
    DutyRole,
    Grid,
    Household,
    PartyPairing,
    Person,
    ResidenceType,
    Resident,
    ResidentTag,
    Tag,
    Visit,
)
from app.store import Database
from tests.conftest import PG_ADMIN_URL, _pg_available
from tests.sealing import sealed

ADMIN_SEAT = Seat.signed_in(User(1, "测试管理员", "admin"), "test-seat")


@dataclass
class SmallSite:
    db: Database
    households: dict[str, int]  # room → household id
    residents: dict[str, int]  # name → resident id


def _grid(session, code: str, name: str, level: int, parent: Grid | None) -> Grid:
    grid = Grid(code=code, name=name, level=level, parent=parent)
    session.add(grid)
    session.flush()
    return grid


def _staff(session, grid: Grid, role: DutyRole, name: str, phone: str) -> Person:
    person = Person(name=name, phone=phone)
    person.duties.append(Duty(grid_id=grid.id, role=role))
    session.add(person)
    return person


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Iterator[SmallSite]:
    """Built once per test module (a migrated database takes a while); tests only read it."""
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('site') / 'site.sqlite'}")
    db.upgrade()
    yield _fill(db)
    db.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def any_site(request, tmp_path_factory) -> Iterator[SmallSite]:
    """The small site on SQLite and on PostgreSQL (a throw-away database, dropped after the module)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("small_site")
        return
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"gcc_shell_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    try:
        db.upgrade()
        yield _fill(db)
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _fill(db: Database) -> SmallSite:
    with db.session() as session:
        street = _grid(session, "G01", "淮河路街道", 1, None)
        community = _grid(session, "G01-02", "建新社区", 2, street)
        compound = _grid(session, "G01-02-03", "幸福里小区", 3, community)
        micro = _grid(session, "G01-02-03-04", "幸福里3号楼", 4, compound)
        _staff(session, street, DutyRole.LEADER, "王建国", "13700000001")
        _staff(session, street, DutyRole.COUNTY_LEADER, "赵立新", "13700000002")
        _staff(session, community, DutyRole.LEADER, "李红梅", "13700000003")
        _staff(session, compound, DutyRole.LEADER, "孙志强", "13700000004")
        _staff(session, micro, DutyRole.LEADER, "周敏", "13700000005")
        worker = _staff(session, micro, DutyRole.MEMBER, "吴磊", "13700000006")
        party = Person(name="郑秀英", phone="13700000007", party_member=True, title="联户党员")
        session.add(party)
        building = Building(
            grid_id=micro.id, name="3号楼", address="郑州市二七区幸福路8号幸福里3号楼", lon=113.6, lat=34.7
        )
        session.add(building)
        session.flush()
        people = {
            "101": [
                (
                    "张桂兰",
                    "女",
                    "410102194503120026",
                    "13812345678",
                    date(1945, 3, 12),
                    "户主",
                    [Tag.ELDERLY_ALONE, Tag.PARTY_MEMBER],
                ),
            ],
            "202": [
                (
                    "刘强",
                    "男",
                    "41010219800101123X",
                    "13900001111",
                    date(1980, 1, 1),
                    "户主",
                    [Tag.KEY_PERSON],
                ),
                ("陈静", "女", "410102198205051521", "13900002222", date(1982, 5, 5), "配偶", [Tag.DISABLED]),
            ],
            "303": [
                ("马小军", "男", "410102201003030035", None, date(2010, 3, 3), "子女", [Tag.MINOR]),
            ],
        }
        households: dict[str, int] = {}
        residents: dict[str, int] = {}
        for room, members in people.items():
            household = Household(
                building_id=building.id,
                unit="1",
                room=room,
                residence_type=ResidenceType.TENANT if room == "303" else ResidenceType.PERMANENT,
                emergency_contact="张小明" if room == "101" else None,
                emergency_phone="13611112222" if room == "101" else None,
            )
            session.add(household)
            session.flush()
            households[room] = household.id
            for name, sex, id_number, phone, birth, relation, tags in members:
                resident = Resident(
                    household_id=household.id,
                    name=name,
                    sex=sex,
                    phone=phone,
                    **sealed(session, id_number),
                    birth_date=birth,
                    relation=relation,
                )
                resident.tags = [ResidentTag(tag=tag.value) for tag in tags]
                session.add(resident)
                session.flush()
                residents[name] = resident.id
        session.flush()
        session.add(PartyPairing(person_id=party.id, household_id=households["101"]))
        session.add(
            Visit(
                household_id=households["101"],
                person_id=worker.id,
                at=datetime(2026, 10, 8, 9, 30),
                note="身体状况良好，已提醒冬季用电安全",
            )
        )
    return SmallSite(db, households, residents)


@pytest.fixture
def shell_context(qapp, small_site: SmallSite, tmp_path):
    """A ShellContext on the small site whose window settings live in the test's folder, signed in as
    an administrator (tests of what other roles may not do sign in as those)."""
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    # a seat of its own per test: what a seat remembers (layout, language) lives in the shared site
    seat = Seat.signed_in(ADMIN_SEAT.user, f"seat-{tmp_path.name}")
    context = build_shell_context(small_site.db, ShellSettings(path=tmp_path / "window.ini"), seat)
    yield context
    context.bridge.close()


@pytest.fixture
def languages(qapp):
    """The language switcher; always back to Chinese afterwards so tests do not leak English."""
    from widgets.i18n import LanguageSwitcher

    switcher = LanguageSwitcher(qapp)
    yield switcher
    switcher.switch("zh_CN")


@pytest.fixture
def writable_site(tmp_path):
    """The shell's small site in a database of this test's own: these tests write."""
    db = Database(f"sqlite:///{tmp_path / 'site.sqlite'}")
    db.upgrade()
    site = _fill(db)
    yield site
    db.dispose()
