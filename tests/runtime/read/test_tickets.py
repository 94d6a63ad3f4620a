"""The ticket dock's reader: queues, one ticket, statistics by site day, the intake's place lookups."""

from __future__ import annotations

from datetime import date

import pytest

from app.context import SiteContext
from app.models import Building, Household, Resident
from app.tickets import TicketNotFound, sweep
from runtime.read.tickets import QueueFilter, QueueKind, QueueRow, TicketReads
from runtime.reads import ReadModels
from tests.app.tickets.conftest import IN_G1, IN_G2, at, open_ticket
from tests.sealing import sealed


@pytest.fixture
def reads(db, site) -> TicketReads:
    return ReadModels(SiteContext(db)).tickets


def test_the_site_has_one_ticket_reader(db, site):
    models = ReadModels(SiteContext(db))
    assert models.tickets is models.tickets
    assert models.tickets.directory() is models.tickets.directory()  # the grids are read once


def test_the_filters_list_grids_in_tree_order_down_to_a_level(reads):
    assert [g.name for g in reads.directory().grids_down_to(2)] == ["建设路街道", "幸福社区", "和平社区"]
    assert [g.level for g in reads.directory().grids_down_to(3)] == [1, 2, 2, 3, 3, 3]


def test_queue_pages_are_plain_rows_with_the_count(reads, desk, site):
    first = open_ticket(desk, IN_G1, when="2099-01-05T09:00")
    second = open_ticket(desk, IN_G1, when="2099-01-05T10:00")
    open_ticket(desk, IN_G2, when="2099-01-05T11:00")
    flt = QueueFilter(QueueKind.SUBTREE, grid_id=site.grids["G1"], grid_level=3, sort="id")
    rows, total = reads.first_page(flt, 1)
    assert total == 2 and [r.id for r in rows] == [first]
    assert isinstance(rows[0], QueueRow) and rows[0].assignee_id == site.people["张小区"]
    assert [r.id for r in reads.page(flt, 1, 10)] == [second]
    assert reads.busiest_assignee() == site.people["张小区"]


def test_overdue_queue_after_the_sweep(reads, desk):
    late = open_ticket(desk, IN_G2, when="2026-11-02T09:00")
    sweep(desk, at("2026-11-02T16:00"))
    rows, total = reads.first_page(QueueFilter(QueueKind.OVERDUE), 50)
    assert (total, [r.id for r in rows]) == (1, [late]) and rows[0].overdue_since is not None


def test_a_ticket_with_its_timeline(reads, desk):
    ticket_id = open_ticket(desk, IN_G1, when="2099-01-05T09:00")
    shown = reads.ticket(ticket_id)
    assert shown["id"] == ticket_id and shown["assigned_grid"] == "幸福小区"
    assert [g["name"] for g in shown["grid_chain"]] == ["建设路街道", "幸福社区", "幸福小区"]
    assert shown["timeline"] and shown == desk.describe(ticket_id) | {"clips": []}  # the read adds the video clips
    with pytest.raises(TicketNotFound):
        reads.ticket(ticket_id + 1000)


def test_figures_count_whole_site_days_in_beijing_time(reads, desk, site):
    open_ticket(desk, IN_G1, when="2026-11-02T00:30")  # still 1 November in UTC
    open_ticket(desk, IN_G2, when="2026-11-02T23:30")
    open_ticket(desk, IN_G1, when="2026-11-03T00:10")
    assert reads.figures(date(2026, 11, 2), date(2026, 11, 2))["total"] == 2
    assert reads.figures(date(2026, 11, 1), date(2026, 11, 1))["total"] == 0
    whole = reads.figures(date(2026, 11, 1), date(2026, 11, 3))
    assert whole["total"] == 3 and [row["name"] for row in whole["by_grid"]] == ["建设路街道"]
    community = reads.figures(date(2026, 11, 1), date(2026, 11, 3), grid_id=site.grids["C1"])
    assert {row["name"]: row["total"] for row in community["by_grid"]} == {"幸福小区": 2, "阳光小区": 1}


@pytest.fixture
def residents(db, site) -> int:
    """Two of the Lius share the site's household; a third lives in another building."""
    with db.session() as session:
        session.add_all(
            [
                Resident(
                    household_id=site.household_id,
                    name="刘桂兰",
                    sex="女",
                    phone="13912345678",
                    **sealed(session, "410102195001011234"),
                ),
                Resident(household_id=site.household_id, name="刘建国", sex="男", phone="13700001111"),
            ]
        )
        building = session.get(Building, site.building_id)
        other = Building(grid_id=building.grid_id, name="2号楼", address="幸福小区2号楼", lon=1.0, lat=1.0)
        household = Household(building=other, unit="2", room="202")
        household.residents.append(Resident(name="刘小明", sex="男", **sealed(session, "41010219800101567X")))
        session.add(household)
        session.flush()
        return household.id


def test_households_are_found_once_each_with_masked_phone_and_id(reads, site, residents):
    hits = reads.find_households("刘")
    assert [h.household_id for h in hits] == [site.household_id, residents]
    first = hits[0]
    assert (first.name, first.phone_masked, first.id_masked) == (
        "刘桂兰",
        "139****5678",
        "410102********1234",
    )
    assert first.address == "幸福小区1号楼1单元101室"
    assert [h.household_id for h in reads.find_households("1111")] == [site.household_id]  # phone digits
    assert [h.name for h in reads.find_households("567x")] == ["刘小明"]  # an ID tail
    assert [h.household_id for h in reads.find_households("2号楼 202")] == [residents]  # building and room
    assert reads.find_households("刘", residents=1) == hits[:1]


def test_buildings_by_name_or_address(reads, site, residents):
    assert [b.name for b in reads.find_buildings("幸福小区")] == ["1号楼", "2号楼"]
    assert [b.id for b in reads.find_buildings("1号楼")] == [site.building_id]
    assert reads.find_buildings("  ") == ()


def test_a_grid_worker_sees_the_tickets_of_their_subtree_only_whatever_the_view_asks(db, site, desk):
    """Scoped in the core: the queue filter the view sends cannot widen it."""
    from app.access import User
    from app.access.accounts import grid_scope
    from app.config import Seat

    mine = open_ticket(desk, IN_G1, when="2099-01-05T09:00")
    theirs = open_ticket(desk, IN_G2, when="2099-01-05T10:00")
    g1 = site.grids["G1"]
    with db.session() as session:
        scope = grid_scope(session, g1)
    worker = User(10, "钱网格员", "grid_worker", grid_id=g1, grid_scope=scope)
    reads = ReadModels(SiteContext(db, seat=Seat.signed_in(worker))).tickets
    rows, total = reads.first_page(QueueFilter(QueueKind.SUBTREE, sort="id"), 50)
    assert total == 1 and [r.id for r in rows] == [mine]
    assert reads.ticket(mine)["id"] == mine
    with pytest.raises(TicketNotFound):
        reads.ticket(theirs)
    everyone = ReadModels(SiteContext(db)).tickets.first_page(QueueFilter(QueueKind.SUBTREE, sort="id"), 50)
    assert everyone[1] == 2
