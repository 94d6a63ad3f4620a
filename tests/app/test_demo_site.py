"""The demo site has the real scale of Erqi District and a consistent detailed community."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.commands.site import site_counts
from app.demo.site import build_demo_site, ensure_demo_site
from app.models import Duty, DutyRole, Grid, Household, PartyPairing, Resident, ResidentTag, Sensor
from app.roster.idcard import parse_id_number
from main import main


def test_counts_match_the_real_district(demo_db):
    with demo_db.session() as session:
        counts = site_counts(session)
    assert counts["grids"] == {"level1": 18, "level2": 175, "level3": 846, "micro": 44}
    assert counts["buildings"] == 44
    assert counts["households"] == 1958
    assert 4200 <= counts["residents"] <= 4900
    assert counts["cameras"] == 21 and counts["ai_cameras"] == 5
    assert counts["sensors"] >= 6
    assert sum(counts["people_by_role"].values()) >= 1700
    assert counts["people_by_role"][DutyRole.COUNTY_LEADER] == 18


def test_every_street_has_a_county_leader_and_every_community_a_leader(demo_db):
    with demo_db.session() as session:
        for level, role in ((1, DutyRole.COUNTY_LEADER), (1, DutyRole.LEADER), (2, DutyRole.LEADER)):
            without = session.scalar(
                select(func.count())
                .select_from(Grid)
                .where(Grid.level == level, ~Grid.id.in_(select(Duty.grid_id).where(Duty.role == role)))
            )
            assert without == 0, (level, role)


def test_residents_have_valid_ids_and_plausible_tags(demo_db):
    with demo_db.session() as session:
        ids = session.scalars(select(Resident.id_number)).all()
        for number in ids:
            parse_id_number(number)  # raises on any invalid one
        alone = session.scalar(
            select(func.count()).select_from(ResidentTag).where(ResidentTag.tag == "elderly_alone")
        )
        party = session.scalar(
            select(func.count()).select_from(ResidentTag).where(ResidentTag.tag == "party_member")
        )
        assert 20 <= alone <= 200
        assert 200 <= party <= 600
        paired = session.scalar(select(func.count(func.distinct(PartyPairing.household_id))))
        assert paired == session.scalar(select(func.count()).select_from(Household))
        sensor_households = session.scalars(select(Sensor.household_id).distinct()).all()
        assert all(hid is not None for hid in sensor_households)


def test_same_seed_same_site(tmp_path):
    from app.store import Database

    names = []
    for run in range(2):
        db = Database(f"sqlite:///{tmp_path / f'{run}.sqlite'}")
        db.upgrade()
        build_demo_site(db, seed=3)
        with db.session() as session:
            names.append(session.scalars(select(Resident.name).order_by(Resident.id).limit(50)).all())
        db.dispose()
    assert names[0] == names[1]


def test_ensure_leaves_a_filled_database_alone(demo_db):
    assert ensure_demo_site(demo_db) is None


def test_demo_refuses_a_filled_database(demo_db, capsys):
    assert main(["demo", "--db", demo_db.url]) != 0
    assert "空库" in capsys.readouterr().err


def test_info_json(demo_db, capsys):
    assert main(["info", "--json", "--db", demo_db.url]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["grids"]["level3"] == 846


def test_the_demo_has_one_account_per_role_with_the_documented_password(demo_db):
    from sqlalchemy import delete

    from app.access import Permission, Role, can
    from app.access.accounts import Accounts
    from app.config import Seat
    from app.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
    from app.models import Building, Household, UserAccount

    accounts = Accounts(demo_db, Seat())
    assert {s.role for s in accounts.summaries()} == {r.value for r in Role}
    worker = accounts.sign_in("wangge", DEMO_PASSWORD)
    with demo_db.session() as session:
        home_grid = session.scalar(select(Building.grid_id).join(Household).limit(1))
    assert worker.grid_scope and home_grid in worker.grid_scope
    assert not can(accounts.sign_in("daping", DEMO_PASSWORD), Permission.REVEAL_PERSONAL_DATA)
    with demo_db.session() as session:  # a demo site from before accounts gets them on the next start
        session.execute(delete(UserAccount))
    ensure_demo_site(demo_db)
    assert len(accounts.summaries()) == len(DEMO_ACCOUNTS)
