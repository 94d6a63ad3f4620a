"""Builds the whole demo site: the Erqi-scale district, its staff, one detailed community, devices, and
a sample of homes in one compound of every other street (so every street's views have households)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.demo.accounts import ensure_demo_accounts, write_demo_accounts
from app.demo.community import build_community
from app.demo.device_history import seed_device_history
from app.demo.devices import build_cameras, build_sensors
from app.demo.district import detailed_compound_code, district_layout, sample_compound_codes
from app.demo.grid_work import seed_demo_work
from app.demo.homes import BuildingSite, Homes, write_homes
from app.demo.names import NameMaker
from app.demo.pairing_fund import seed_demo_pairing_fund
from app.demo.staff import GridRef, build_staff
from app.grid_import import write_grids
from app.models import Building, Grid, Household
from app.rollups.rebuild import rebuild_all
from app.site_clock import clock_in
from app.store import Database
from app.store.base import utcnow
from app.tickets.demo import seed_demo_tickets

DEFAULT_SEED = 7
DEMO_TICKETS = 300
SAMPLE_HOUSEHOLDS = 12  # in each sample compound of the other streets (two buildings)

# Areas above app (alarms, video) add their demo data through these: they run in the same transaction,
# after the site, tickets included, has been written. main.py and the GUI pass them in.
DemoExtra = Callable[[Session, int], object]


@dataclass(frozen=True)
class DemoSummary:
    seed: int
    grids: int
    households: int
    residents: int
    seconds: float


def site_is_empty(db: Database) -> bool:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Grid)) == 0


def ensure_demo_site(
    db: Database, seed: int = DEFAULT_SEED, extras: Sequence[DemoExtra] = ()
) -> DemoSummary | None:
    """Build the demo site into an empty database; leave a database that has data alone."""
    db.upgrade()
    if site_is_empty(db):
        return build_demo_site(db, seed, extras=extras)
    with db.session() as session:
        ensure_demo_accounts(session)
    return None


def build_demo_site(
    db: Database, seed: int = DEFAULT_SEED, today: date | None = None, extras: Sequence[DemoExtra] = ()
) -> DemoSummary:
    """Write the demo site in one transaction; the same seed gives the same site."""
    started = time.perf_counter()
    today = today or date.today()
    rng = random.Random(seed)
    names = NameMaker(rng)
    features = district_layout(seed)
    compound_code = detailed_compound_code(features)
    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Grid)):
            raise ValueError("数据库中已有网格数据，演示数据只能写入空库 (the database already holds a site)")
        grids = write_grids(session, features)
        refs = [GridRef(grid.id, grid.code, grid.level) for grid in grids.values()]
        on_duty = build_staff(session, refs, names)

        compound = grids[compound_code]
        sites = _building_sites(grids, compound.id)
        community = build_community(
            session, compound.id, compound.name, sites, on_duty.get(compound.id, []), names, today
        )
        build_cameras(session, rng, compound.id, sites)
        grid_of_building = dict(session.execute(select(Building.id, Building.grid_id)).all())
        building_of_household = dict(
            session.execute(
                select(Household.id, Household.building_id).where(
                    Household.id.in_(community.elderly_alone_households)
                )
            ).all()
        )
        build_sensors(
            session,
            rng,
            [
                (hid, grid_of_building[building_of_household[hid]])
                for hid in community.elderly_alone_households
            ],
        )
        samples = _sample_homes(session, grids, sample_compound_codes(features), names, today)
        seed_demo_tickets(session, seed=seed, count=DEMO_TICKETS)
        write_demo_accounts(session, compound.parent_id or compound.id)
        seed_demo_work(session, seed, compound.id, utcnow())
        seed_demo_pairing_fund(session, seed, compound.id, utcnow())
        for extra in extras:
            extra(session, seed)
        rebuild_all(session)  # the demo writes its rows directly: count them once, at the end
        seed_device_history(session, seed, clock_in(session).today())  # no recount can make it: nothing else records it
    homes = [community, *samples]
    return DemoSummary(
        seed,
        len(features),
        sum(len(h.household_ids) for h in homes),
        sum(h.residents for h in homes),
        time.perf_counter() - started,
    )


def _sample_homes(
    session: Session, grids: dict[str, Grid], codes: list[str], names: NameMaker, today: date
) -> list[Homes]:
    """A few homes in the sample compound of every other street, so that each street has households."""
    return [
        write_homes(
            session, grids[code].name, _building_sites(grids, grids[code].id), SAMPLE_HOUSEHOLDS, names, today
        )
        for code in codes
    ]


def _building_sites(grids: dict[str, Grid], compound_id: int) -> list[BuildingSite]:
    """The compound's micro-grids as building sites, by building number."""
    return sorted(
        (
            BuildingSite(grid.id, _building_number(grid.name), grid.centre_lon, grid.centre_lat)
            for grid in grids.values()
            if grid.level == 4 and grid.parent_id == compound_id
        ),
        key=lambda site: site.number,
    )


def _building_number(name: str) -> int:
    return int("".join(ch for ch in name if ch.isdigit()) or 0)
