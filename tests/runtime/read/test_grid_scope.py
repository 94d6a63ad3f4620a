"""A grid worker of compound G1 reads and acts on their subtree only, whatever a view or a command asks:
tickets, alarms (the popup's too), households, the map, the statistics, the AI's cameras. On SQLite and
PostgreSQL; the GUI's reads are the runtime's read models, the CLI's are the commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from alarms.history import AlarmFilter
from alarms.models import Priority
from alarms.service import AlarmDraft, AlarmService
from app.access import User
from app.access.accounts import grid_scope
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.models import Building, Camera, Household, Resident
from app.tickets.errors import NotPermitted, TicketNotFound
from app.tickets.queues import QueueFilter, QueueKind
from runtime.read.resident_search import SearchQuery
from runtime.reads import ReadModels
from tests.app.tickets.conftest import IN_G1, IN_G2, build_site, make_desk, open_ticket


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request):
    """Both back ends (the read models' conftest gives the ticket tests' SQLite store only)."""
    return request.getfixturevalue(f"{request.param}_db")


@dataclass(frozen=True)
class TwoGrids:
    g1: int
    g2: int
    mine_ticket: int
    their_ticket: int
    mine_alarm: int
    their_alarm: int
    mine_household: int
    their_household: int
    mine_camera: int
    their_camera: int


@pytest.fixture
def world(db) -> TwoGrids:
    """Compound G1 (with its building B1) and its sibling G2, each with a household, a resident, a
    camera, an open ticket and a raised alarm."""
    site = build_site(db)
    g1, g2 = site.grids["G1"], site.grids["G2"]
    with db.session() as session:
        building = Building(grid_id=g2, name="阳光2号楼", address="阳光小区2号楼", lon=IN_G2[0], lat=IN_G2[1])
        theirs = Household(building=building, unit="2", room="202")
        session.add(theirs)
        session.flush()
        session.add_all(
            [
                Resident(
                    household_id=site.household_id,
                    name="幸福居民",
                    sex="女",
                    birth_date=date(1950, 1, 1),
                    relation="户主",
                ),
                Resident(
                    household_id=theirs.id,
                    name="阳光居民",
                    sex="男",
                    birth_date=date(1951, 1, 1),
                    relation="户主",
                ),
            ]
        )
        cameras = [
            Camera(
                name=name, grid_id=grid, lon=lon, lat=lat, main_url=f"rtsp://10.0.0.{n}/main", ai_enabled=True
            )
            for n, (name, grid, (lon, lat)) in enumerate(
                (("幸福东门", g1, IN_G1), ("阳光南门", g2, IN_G2)), 1
            )
        ]
        session.add_all(cameras)
        session.flush()
        their_household, camera_ids = theirs.id, [c.id for c in cameras]
    desk = make_desk(db)
    alarms = AlarmService(db, EventHub(), Seat())
    return TwoGrids(
        g1,
        g2,
        open_ticket(desk, IN_G1),
        open_ticket(desk, IN_G2),
        alarms.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)),
        alarms.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=their_household)),
        site.household_id,
        their_household,
        *camera_ids,
    )


def worker_seat(db, grid_id: int) -> Seat:
    with db.session() as session:
        scope = grid_scope(session, grid_id)
    return Seat.signed_in(User(21, "wangge1", "grid_worker", grid_id=grid_id, grid_scope=scope), "seat-g1")


@pytest.fixture
def reads(db, world) -> ReadModels:
    return ReadModels(SiteContext(db, EventHub(), worker_seat(db, world.g1)))


@pytest.fixture
def everything(db, world) -> ReadModels:
    return ReadModels(SiteContext(db, EventHub(), Seat()))


def test_tickets_of_another_grid_are_neither_listed_nor_opened(reads, everything, world):
    rows, total = reads.tickets.first_page(QueueFilter(QueueKind.SUBTREE, grid_id=world.g2, grid_level=3), 50)
    assert rows == () and total == 0  # asking for G2's queue by name gives nothing
    rows, _ = reads.tickets.first_page(QueueFilter(QueueKind.SUBTREE, grid_id=world.g1, grid_level=3), 50)
    assert [r.id for r in rows] == [world.mine_ticket]
    assert reads.tickets.ticket(world.mine_ticket)["id"] == world.mine_ticket
    with pytest.raises(TicketNotFound):
        reads.tickets.ticket(world.their_ticket)
    with pytest.raises(TicketNotFound):
        reads.tickets.reveal(world.their_ticket, "回电核实")
    assert everything.tickets.ticket(world.their_ticket)["id"] == world.their_ticket
    assert [h.household_id for h in reads.tickets.find_households("居民")] == [world.mine_household]
    assert {b.address for b in reads.tickets.find_buildings("小区")} == {"幸福小区1号楼"}
    asked_for_the_street = reads.tickets.figures(date(2026, 11, 1), date(2026, 11, 30), grid_id=None)
    site = everything.tickets.figures(date(2026, 11, 1), date(2026, 11, 30), grid_id=None)
    assert asked_for_the_street != site  # a grid worker's figures are their subtree's, not the site's


def test_the_desk_neither_shows_nor_acts_on_another_grids_ticket(db, world):
    desk = make_desk(db)
    desk.seat = worker_seat(db, world.g1)
    assert desk.describe(world.mine_ticket)["id"] == world.mine_ticket
    with pytest.raises(TicketNotFound):
        desk.describe(world.their_ticket)
    with pytest.raises(NotPermitted):
        desk.act(world.their_ticket, "start")


def test_alarms_of_another_grid_never_reach_the_worker(reads, everything, world):
    alarms = reads.alarms
    assert [a.id for a in alarms.pending()] == [world.mine_alarm]
    assert [a.id for a in alarms.open()] == [world.mine_alarm]
    assert alarms.get(world.their_alarm) is None and alarms.get(world.mine_alarm) is not None
    assert alarms.history(world.their_alarm) == [] and alarms.history(world.mine_alarm)
    assert [r.alarm.id for r in alarms.find(AlarmFilter())] == [world.mine_alarm]
    assert {a.id for a in everything.alarms.pending()} == {world.mine_alarm, world.their_alarm}
    assert reads.stats.open_alarms().open == 1 and everything.stats.open_alarms().open == 2


def test_households_of_another_grid_are_not_found(reads, world):
    rows = reads.households.search(SearchQuery("居民"))
    assert {r.household_id for r in rows} == {world.mine_household}
    assert reads.households.card(world.their_household) is None
    assert reads.households.card(world.mine_household) is not None


def test_the_map_draws_every_outline_but_only_the_subtree_has_data(reads, everything, world):
    layer = reads.map.grid_layer()
    assert world.g2 in {g.id for g in layer.grids}  # the outline is drawn
    overlay = reads.map.overlay(timedelta(days=1))
    markers = {(m.kind.value, m.ref_id) for m in overlay.markers}
    assert ("camera_ai", world.their_camera) not in markers and ("camera_ai", world.mine_camera) in markers
    assert ("alarm", world.their_alarm) not in markers and ("alarm", world.mine_alarm) in markers
    assert ("ticket", world.their_ticket) not in markers and ("ticket", world.mine_ticket) in markers
    assert world.g2 not in overlay.open_tickets and world.g2 not in overlay.alarms
    assert world.g2 in everything.map.overlay(timedelta(days=1)).open_tickets
    assert reads.map.grid_facts(world.g2, [world.g2]).households == 0
    assert everything.map.grid_facts(world.g2, [world.g2]).households == 1
    assert not [h for h in reads.map.search("阳光") if h.kind != "grid"]
    assert [h for h in everything.map.search("阳光") if h.kind == "building"]


def test_statistics_count_the_subtree(reads, everything):
    mine, site = reads.stats.counts(), everything.stats.counts()
    assert (mine.households, mine.residents, mine.cameras, mine.open_tickets) == (1, 1, 1, 1)
    assert (site.households, site.residents, site.cameras, site.open_tickets) == (2, 2, 2, 2)
    assert reads.trends.scoped and not everything.trends.scoped
    assert {g.code for g in reads.trends.grid_choices()} == {"G1"}


def test_a_chart_days_tickets_are_the_subtrees(reads, everything, world):
    """The list behind a day of the ticket chart: the site's for the office, the worker's own for them,
    even when they ask for the other grid."""
    accepted = everything.tickets.ticket(world.their_ticket)["timeline"][0]
    day = date.fromisoformat(accepted["at"][:10])  # the site day, as the chart counts it
    assert {t.id for t in everything.trends.tickets_of_day(day)} == {world.mine_ticket, world.their_ticket}
    assert [t.id for t in everything.trends.tickets_of_day(day, "G2")] == [world.their_ticket]
    assert [t.id for t in reads.trends.tickets_of_day(day)] == [world.mine_ticket]
    assert [t.id for t in reads.trends.tickets_of_day(day, "G2")] == [world.mine_ticket]


def test_the_ai_cameras_and_events_are_the_subtrees(reads, world):
    pytest.importorskip("cv2")
    from runtime.read.ai import EventFilter

    assert [c.id for c in reads.ai.cameras()] == [world.mine_camera]
    assert reads.ai.count_events(EventFilter(camera_id=world.their_camera)) == 0
    assert reads.ai.event_page(EventFilter(camera_id=world.their_camera)) == []


def test_the_command_line_keeps_a_grid_worker_to_their_subtree(
    db, world, cli_user, capsys, monkeypatch, tmp_path
):
    import json

    import main

    monkeypatch.setenv("GCC_DATA_DIR", str(tmp_path / "data"))
    cli_user(db.url, "wangge1", "grid_worker", grid_id=world.g1)
    assert main.main(["tickets", "show", str(world.mine_ticket), "--db", db.url]) == 0
    capsys.readouterr()
    assert main.main(["tickets", "show", str(world.their_ticket), "--db", db.url]) != 0
    assert "不存在" in capsys.readouterr().err  # as if it were not there: nothing about the other grid
    assert main.main(["tickets", "act", str(world.their_ticket), "start", "--db", db.url]) != 0
    capsys.readouterr()
    assert main.main(["alarms", "list", "--json", "--db", db.url]) == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [world.mine_alarm]


def test_learn_mode_binds_sensors_to_the_subtrees_households_only(reads, everything, world):
    assert [hid for hid, _ in reads.alarms.households_matching("居民")] == [world.mine_household]
    assert {hid for hid, _ in everything.alarms.households_matching("居民")} == {
        world.mine_household,
        world.their_household,
    }


def test_a_grid_worker_cannot_act_on_another_grids_alarm(db, world):
    from alarms.models import Outcome
    from alarms.service import AlarmError, AlarmService

    worker = AlarmService(db, EventHub(), worker_seat(db, world.g1))
    for act in (
        lambda: worker.acknowledge(world.their_alarm, note="看一下"),
        lambda: worker.close(world.their_alarm, Outcome.FALSE_ALARM, note="误报"),
        lambda: worker.escalate(world.their_alarm, reason="上报"),
        lambda: worker.dispatch_preview(world.their_alarm),
    ):
        with pytest.raises(AlarmError, match="不存在"):
            act()
    assert worker.get(world.their_alarm).state == "raised"  # untouched
    assert worker.acknowledge(world.mine_alarm, note="已联系").state == "acknowledged"
    site = AlarmService(db, EventHub(), Seat())  # the local system (sensor rules, serve) acts anywhere
    assert site.acknowledge(world.their_alarm).state == "acknowledged"
