"""Hand edits of the roster: the importer's rules, no ID oracle, audited with masked values, published."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.events import Change, RosterChanged
from app.models import AuditEntry, Building, Household, Resident, Sensor
from app.roster.edits import HouseholdForm, ResidentForm, RosterEditError, RosterEdits
from tests.app.roster.conftest import make_id
from tests.sealing import clear_id

ZHANG = make_id(date(1950, 3, 8), 11)
LI = make_id(date(1952, 7, 1), 12, male=False)


def _building(site, name: str) -> int:
    with site.db.session() as session:
        return session.scalar(select(Building.id).where(Building.name == name))


def _audits(site, action: str) -> list[dict]:
    with site.db.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()
        return [json.loads(row.detail) for row in rows]


@pytest.fixture
def heard(site) -> list[Change]:
    changes: list[Change] = []
    site.hub.subscribe("household", changes.append)
    site.hub.subscribe("resident", changes.append)
    return changes


def _household_with_zhang(site) -> tuple[RosterEdits, int, int]:
    edits = RosterEdits(site)
    household = edits.add_household(
        HouseholdForm(
            _building(site, "1号楼"),
            "一单元",
            "101室",
            emergency_contact="张小明",
            emergency_phone="138 0000 1234",
        )
    )
    resident = edits.add_resident(
        household,
        ResidentForm(
            "张  三", ZHANG, phone="13900001111", relation="户主", tags=frozenset({"elderly_alone"})
        ),
    )
    return edits, household, resident


def test_added_household_and_resident_are_stored_audited_masked_and_published(site, heard):
    _edits, household_id, resident_id = _household_with_zhang(site)
    with site.db.session() as session:
        household = session.get(Household, household_id)
        assert (household.unit, household.room, household.emergency_phone) == ("1", "101", "13800001234")
        zhang = session.get(Resident, resident_id)
        assert (zhang.name, zhang.sex, zhang.birth_date, zhang.phone) == (
            "张三",
            "男",
            date(1950, 3, 8),
            "13900001111",
        )
        assert zhang.tag_names == ["elderly_alone"]
    [added] = _audits(site, "roster_add_resident")
    assert added["before"] is None
    assert added["after"]["id_number"] == "410102********" + ZHANG[-4:]
    assert added["after"]["phone"] == "139****1111"
    assert ZHANG not in json.dumps(_audits(site, "roster_add_resident"))
    assert _audits(site, "roster_add_household")[0]["after"]["emergency_phone"] == "138****1234"
    assert [(c.topic.value, c.ids, c.payload) for c in heard] == [
        ("household", (household_id,), RosterChanged("edit")),
        ("resident", (resident_id,), RosterChanged("edit")),
    ]


def test_bad_values_are_refused_with_every_reason_in_chinese_and_english(site, heard):
    edits, household_id, _ = _household_with_zhang(site)
    heard.clear()
    bad = ResidentForm(
        "<b>李</b>", ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1"), phone="12345", tags=frozenset({"vip"})
    )
    with pytest.raises(RosterEditError) as refused:
        edits.add_resident(household_id, bad)
    problems = refused.value.problems
    assert set(problems) == {"name", "id_number", "phone", "tags"}
    assert "HTML" in problems["name"] and "(name)" in problems["name"]
    assert "校验位" in problems["id_number"] and "ID number" in problems["id_number"]
    with pytest.raises(RosterEditError) as formula:
        edits.add_resident(household_id, ResidentForm("=HYPERLINK(1)", LI))
    assert "公式" in formula.value.problems["name"]
    assert heard == [] and _audits(site, "roster_add_resident") == [_audits(site, "roster_add_resident")[0]]


def test_a_registered_id_number_is_refused_without_saying_whose_it_is(site):
    edits, household_id, _ = _household_with_zhang(site)
    with pytest.raises(RosterEditError) as refused:
        edits.add_resident(household_id, ResidentForm("王五", ZHANG))
    message = refused.value.problems["id_number"]
    assert "已登记" in message
    assert "张" not in message and "101" not in message and ZHANG[-4:] not in message


def test_changing_a_resident_keeps_the_masked_fields_left_empty_and_replaces_tags(site, heard):
    edits, household_id, resident_id = _household_with_zhang(site)
    heard.clear()
    edits.change_resident(
        resident_id, ResidentForm("张三丰", "", phone=None, tags=frozenset({"party_member"}))
    )
    with site.db.session() as session:
        zhang = session.get(Resident, resident_id)
        assert (zhang.name, clear_id(session, zhang), zhang.phone, zhang.tag_names) == (
            "张三丰",
            ZHANG,
            "13900001111",
            ["party_member"],
        )
    [change] = _audits(site, "roster_change_resident")
    assert (change["before"]["name"], change["after"]["name"]) == ("张三", "张三丰")
    assert (change["before"]["tags"], change["after"]["tags"]) == (["elderly_alone"], ["party_member"])
    edits.set_tags(resident_id, [])
    edits.set_emergency_contact(household_id, "李四", "0371-61234567")
    with site.db.session() as session:
        assert session.get(Resident, resident_id).tag_names == []
        household = session.get(Household, household_id)
        assert (household.emergency_contact, household.emergency_phone) == ("李四", "0371-61234567")
    assert _audits(site, "roster_set_emergency_contact")[0]["after"]["emergency_phone"] == "0371-****4567"
    assert len(heard) == 3


def test_moving_a_resident_and_a_household_and_an_address_taken(site):
    edits, household_id, resident_id = _household_with_zhang(site)
    other = edits.add_household(HouseholdForm(_building(site, "2号楼"), "2", "502"))
    edits.move_resident(resident_id, other)
    with pytest.raises(RosterEditError) as taken:
        edits.change_household(household_id, HouseholdForm(_building(site, "2号楼"), "2", "502"))
    assert "已有 2单元502室" in taken.value.problems["room"]
    edits.change_household(
        household_id, HouseholdForm(_building(site, "3号楼"), "1", "201", emergency_phone=None)
    )
    with site.db.session() as session:
        assert session.get(Resident, resident_id).household.address == "幸福小区2号楼2单元502室"
        moved = session.get(Household, household_id)
        assert (moved.address, moved.emergency_phone) == ("幸福小区3号楼1单元201室", "13800001234")
    [move] = _audits(site, "roster_change_household")
    assert (move["before"]["address"], move["after"]["address"]) == (
        "幸福小区1号楼1单元101室",
        "幸福小区3号楼1单元201室",
    )


def test_removing_a_household_with_a_sensor_is_refused_and_its_residents_can_leave(site, heard):
    edits, household_id, resident_id = _household_with_zhang(site)
    with site.db.session() as session:
        grid_id = session.get(Building, _building(site, "1号楼")).grid_id
        session.add(
            Sensor(
                name="SOS",
                kind="sos",
                protocol="rf433",
                device_code="A1B2C3",
                grid_id=grid_id,
                household_id=household_id,
            )
        )
    with pytest.raises(RosterEditError) as refused:
        edits.remove_household(household_id)
    assert "1 条传感器" in refused.value.problems["household"]
    with pytest.raises(RosterEditError):
        edits.change_household(household_id, HouseholdForm(_building(site, "2号楼"), "1", "101"))
    heard.clear()
    edits.remove_resident(resident_id)
    with site.db.session() as session:
        assert session.get(Resident, resident_id) is None and session.get(Household, household_id) is not None
    [removed] = _audits(site, "roster_remove_resident")
    assert removed["after"] is None and removed["before"]["id_number"].startswith("410102****")
    assert [c.topic.value for c in heard] == ["resident"]


def test_removing_a_household_without_history_takes_its_residents(site, heard):
    edits, household_id, resident_id = _household_with_zhang(site)
    heard.clear()
    edits.remove_household(household_id)
    with site.db.session() as session:
        assert session.get(Household, household_id) is None and session.get(Resident, resident_id) is None
    [removed] = _audits(site, "roster_remove_household")
    assert removed["before"]["residents"][0]["name"] == "张三"
    assert [(c.topic.value, c.ids) for c in heard] == [
        ("household", (household_id,)),
        ("resident", (resident_id,)),
    ]


def test_a_household_an_alarm_was_raised_for_keeps_its_address(site):
    from alarms.models import Alarm

    edits, household_id, _ = _household_with_zhang(site)
    with site.db.session() as session:
        session.add(Alarm(source="sensor", kind="sos", priority=1, title="SOS", household_id=household_id))
    with pytest.raises(RosterEditError) as refused:
        edits.remove_household(household_id)
    assert "1 条报警" in refused.value.problems["household"]
    with site.db.session() as session:
        assert session.get(Household, household_id) is not None


def test_a_stored_phone_is_cleared_only_when_asked_and_the_audit_keeps_it_masked(site, heard):
    edits, household_id, resident_id = _household_with_zhang(site)
    edits.change_resident(resident_id, ResidentForm("张三", "", phone=None))  # left empty: kept
    edits.change_resident(resident_id, ResidentForm("张三", "", phone=""))  # 清除
    form = HouseholdForm(_building(site, "1号楼"), "一单元", "101室", emergency_phone="")
    edits.change_household(household_id, form)
    with site.db.session() as session:
        assert session.get(Resident, resident_id).phone is None
        assert session.get(Household, household_id).emergency_phone is None
    kept, cleared = _audits(site, "roster_change_resident")
    assert kept["before"]["phone"] == kept["after"]["phone"] == "139****1111"
    assert (cleared["before"]["phone"], cleared["after"]["phone"]) == ("139****1111", "")
    [household] = _audits(site, "roster_change_household")
    assert (household["before"]["emergency_phone"], household["after"]["emergency_phone"]) == (
        "138****1234",
        "",
    )
    assert "13900001111" not in json.dumps(cleared)
