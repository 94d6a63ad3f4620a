"""The demo site has the real scale of Erqi District and a consistent detailed community."""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import func, select

from app.commands.site import site_counts
from app.demo.site import build_demo_site, ensure_demo_site
from app.models import Building, Duty, DutyRole, Grid, Household, PartyPairing, Resident, ResidentTag, Sensor
from app.roster.idcard import parse_id_number
from app.tickets.demo_texts import TEXTS
from app.tickets.models import Ticket
from main import main
from tests.sealing import clear_id


def test_counts_match_the_real_district(demo_db):
    with demo_db.session() as session:
        counts = site_counts(session)
    # the detailed community's 44 buildings and 1,958 households, two buildings of 12 in 17 streets
    assert counts["grids"] == {"level1": 18, "level2": 175, "level3": 846, "micro": 44 + 17 * 2}
    assert counts["buildings"] == 44 + 17 * 2
    assert counts["households"] == 1958 + 17 * 12
    assert 4700 <= counts["residents"] <= 5400
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
        for resident in session.scalars(select(Resident)):
            number = clear_id(session, resident)
            parse_id_number(number)  # raises on any invalid one
            assert resident.id_masked == number[:6] + "********" + number[-4:]
        alone = session.scalar(
            select(func.count()).select_from(ResidentTag).where(ResidentTag.tag == "elderly_alone")
        )
        party = session.scalar(
            select(func.count()).select_from(ResidentTag).where(ResidentTag.tag == "party_member")
        )
        assert 20 <= alone <= 200
        assert 200 <= party <= 600
        paired = session.scalar(select(func.count(func.distinct(PartyPairing.household_id))))
        assert paired == 1958  # every household of the detailed community
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


def test_every_street_has_households(demo_db):
    """Each street's views (its queues, map, statistics) show homes, not only the detailed one's."""
    with demo_db.session() as session:
        parent = dict(session.execute(select(Grid.id, Grid.parent_id)).all())
        streets = set(session.scalars(select(Grid.id).where(Grid.level == 1)))
        homes_by_street: Counter[int] = Counter()
        for grid_id in session.scalars(select(Building.grid_id).join(Household)):
            while parent[grid_id] is not None:
                grid_id = parent[grid_id]
            homes_by_street[grid_id] += 1
    assert set(homes_by_street) == streets and min(homes_by_street.values()) >= 12


def test_ticket_texts_and_results_say_what_their_category_is(demo_db):
    with demo_db.session() as session:
        tickets = session.execute(select(Ticket.id, Ticket.category_code, Ticket.text, Ticket.result)).all()
    wrong = [
        (ticket_id, code, text)
        for ticket_id, code, text, result in tickets
        if text not in TEXTS[code][0] or result not in (None, TEXTS[code][1])
    ]
    assert wrong == [] and len({code for _, code, _, _ in tickets}) >= 30


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
