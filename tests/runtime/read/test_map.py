"""The map's reads on both back ends: outlines and leaders, overlay counts and markers, a grid's facts,
search; handed out as frozen values."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import timedelta

import pytest
import shapely
from shapely.geometry import box

from alarms.models import Alarm
from app.context import SiteContext
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Person, Resident
from app.store.base import utcnow
from app.tickets.models import Ticket
from runtime.read.map import GridRecord, MapReads, Marker, MarkerKind
from runtime.reads import ReadModels


def _site(db) -> dict[str, int]:
    with db.session() as session:
        street = Grid(
            code="S1",
            name="解放路街道",
            level=1,
            geometry_wkb=shapely.to_wkb(box(113.60, 34.70, 113.62, 34.72)),
        )
        session.add(street)
        session.flush()
        compound = Grid(code="S1C1", name="幸福家园", level=3, parent_id=street.id,
                        geometry_wkb=shapely.to_wkb(box(113.60, 34.70, 113.61, 34.71)))  # fmt: skip
        session.add(compound)
        session.flush()
        leader = Person(name="李明", phone="13800000001")
        session.add(leader)
        session.flush()
        session.add(Duty(person_id=leader.id, grid_id=compound.id, role=DutyRole.LEADER.value))
        building = Building(
            grid_id=compound.id, name="3号楼", address="陇海路12号院3号楼", lon=113.605, lat=34.705
        )
        session.add(building)
        session.flush()
        household = Household(building_id=building.id, unit="1", room="502")
        session.add(household)
        session.flush()
        session.add(Resident(household_id=household.id, name="赵淑兰", sex="女", relation="户主"))
        session.add(
            Camera(name="南门", grid_id=compound.id, lon=113.606, lat=34.704, main_url="demo://scene/1")
        )
        session.add_all(
            [
                Ticket(state="dispatched", queue="active", category_code="A", source="phone", text="噪音",
                       grid_l1_id=street.id, grid_l3_id=compound.id, household_id=household.id),
                Ticket(state="in_progress", queue="overdue", category_code="A", source="phone", text="漏水",
                       grid_l1_id=street.id, grid_l3_id=compound.id, overdue_since=utcnow()),
                Ticket(state="closed", queue="feedback", category_code="A", source="phone", text="已结案",
                       grid_l1_id=street.id, grid_l3_id=compound.id),
                Ticket(state="filed", queue="intake", category_code="A", source="phone", text="街面", grid_l1_id=street.id),
            ]
        )  # fmt: skip
        session.add(Alarm(source="sensor", kind="sos", priority=1, title="紧急呼叫", household_id=household.id,
                          grid_id=compound.id))  # fmt: skip
        session.add(Alarm(source="sensor", kind="smoke", priority=1, title="旧", state="handled", grid_id=compound.id,
                          raised_at=utcnow() - timedelta(days=10)))  # fmt: skip
        return {"street": street.id, "compound": compound.id, "household": household.id}


def test_overlay_facts_and_search_on_both_back_ends(db):
    ids = _site(db)
    reads = MapReads(SiteContext(db))
    layer = reads.grid_layer()
    assert sorted(r.code for r in layer.grids) == ["S1", "S1C1"]
    assert layer.leaders[ids["compound"]].phone == "13800000001"
    data = reads.overlay(timedelta(days=1))
    assert data.open_tickets == {ids["compound"]: 2, ids["street"]: 1}
    assert data.overdue_tickets == {ids["compound"]: 1}
    assert data.alarms == {ids["compound"]: 1}
    kinds = sorted(m.kind.value for m in data.markers)
    assert kinds == ["alarm", "camera", "ticket"]  # the ticket with a household gets a pin at its building
    alarm = next(m for m in data.markers if m.kind == MarkerKind.ALARM)
    assert (alarm.lon, alarm.lat) == (113.605, 34.705)

    facts = reads.grid_facts(ids["street"], [ids["street"], ids["compound"]])
    assert (facts.households, facts.residents, facts.open_tickets, facts.overdue_tickets) == (1, 1, 3, 1)
    assert [c[1] for c in facts.cameras] == ["南门"]
    assert [a[1] for a in facts.active_alarms] == ["紧急呼叫"]
    assert [p.name for p in reads.grid_facts(ids["compound"], [ids["compound"]]).staff] == ["李明"]

    assert reads.search("S1C1")[0].exact
    assert [h.title for h in reads.search("幸福")] == ["幸福家园"]
    assert [h.kind for h in reads.search("陇海路12号院3号楼")] == ["building", "household"]
    household = reads.search("陇海路12号院3号楼1单元502室")
    assert [(h.kind, h.grid_id) for h in household] == [("household", ids["compound"])]
    assert reads.search("赵淑兰")[0].title == "陇海路12号院3号楼1单元502室"
    assert reads.search("   ") == ()


def test_the_map_gets_plain_frozen_values_that_outlive_the_session(sqlite_db):
    ids = _site(sqlite_db)
    reads = MapReads(SiteContext(sqlite_db))
    layer = reads.grid_layer()
    facts = reads.grid_facts(ids["compound"], [ids["compound"]])
    overlay = reads.overlay(timedelta(days=1))
    sqlite_db.dispose()  # nothing below may go back to the store (no lazy loads, no ORM instances)
    assert isinstance(layer.grids, tuple) and all(isinstance(g, GridRecord) for g in layer.grids)
    assert facts.staff[0].role == DutyRole.LEADER.value and facts.sensors == ()
    assert all(isinstance(m, Marker) for m in overlay.markers)
    for value in (layer.grids[0], facts, overlay, overlay.markers[0], facts.staff[0]):
        with pytest.raises(FrozenInstanceError):
            value.title = "changed"  # type: ignore[misc]


def test_the_shell_asks_one_map_reader_per_site(sqlite_db):
    reads = ReadModels(SiteContext(sqlite_db))
    assert isinstance(reads.map, MapReads) and reads.map is reads.map
