"""The ticket tests' small site (one street, communities, compounds, building B1 with a grid worker in
G1), with three households in B1: one plain, one with a 独居老人, one never visited in the tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.models import Household, Resident, ResidentTag
from tests.app.tickets.conftest import Site, build_site, make_desk


@dataclass
class WorkSite:
    site: Site
    context: SiteContext
    heard: list
    plain: int  # household ids
    elderly: int
    third: int


@pytest.fixture
def work(db) -> WorkSite:
    site = build_site(db)
    with db.session() as session:
        elderly = Household(building_id=site.building_id, unit="1", room="102")
        third = Household(building_id=site.building_id, unit="2", room="201")
        session.add_all([elderly, third])
        session.flush()
        session.add(Resident(household_id=site.household_id, name="刘一", sex="男"))
        old = Resident(household_id=elderly.id, name="陈奶奶", sex="女")
        old.tags.append(ResidentTag(tag="elderly_alone"))
        session.add(old)
        session.flush()
        elderly_id, third_id = elderly.id, third.id
    hub = EventHub()
    heard: list = []
    hub.subscribe("*", heard.append)
    context = SiteContext(db, hub=hub, seat=Seat(operator="测试员", host="seat1"))
    return WorkSite(site, context, heard, site.household_id, elderly_id, third_id)


def desk_for(work: WorkSite):
    desk = make_desk(work.context.db)
    desk.hub = work.context.hub
    return desk
