"""The alarm reader: what the alarm list, the popup and learn mode show, as plain values from the store."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import datetime

import pytest

from alarms.care_settings import CareRulesError, save_rules
from alarms.history import AlarmFilter
from alarms.models import HeardCode, Outcome, Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from runtime.read.alarms import AlarmReads, HeardCodeLine
from runtime.read.household import Disclosure
from runtime.reads import ReadModels
from tests.alarms.site import build_site


@pytest.fixture
def site(db):
    return build_site(db)


@pytest.fixture
def context(db) -> SiteContext:
    return SiteContext(db, EventHub(), Seat("值班员小王", "seat-1"))


@pytest.fixture
def service(context) -> AlarmService:
    return AlarmService(context.db, context.hub, context.seat)


@pytest.fixture
def reads(context) -> AlarmReads:
    return ReadModels(context).alarms


def test_the_site_has_one_alarm_reader(context):
    models = ReadModels(context)
    assert models.alarms is models.alarms
    assert models.alarms.site is context


def test_find_filters_and_carries_the_address(reads, service, site):
    sos = service.raise_alarm(AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id))
    low = service.raise_alarm(AlarmDraft("low_battery", Priority.P3, "传感器电量低"))
    service.close(low, Outcome.RESOLVED, note="电池已更换")
    assert [row.alarm.id for row in reads.find(AlarmFilter())] == [low, sos]  # newest first
    (open_row,) = reads.find(AlarmFilter(state="open"))
    assert open_row.alarm.id == sos
    assert open_row.address == "郑州市二七区幸福路18号院7号楼2单元301室"
    (handled,) = reads.find(AlarmFilter(priority=3))
    assert (handled.alarm.outcome, handled.address) == (Outcome.RESOLVED, "")
    assert reads.find(AlarmFilter(text="烟雾")) == []


def test_history_lists_each_step_oldest_first(reads, service, site):
    alarm_id = service.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    service.acknowledge(alarm_id, note="已电话联系")
    service.close(alarm_id, Outcome.FALSE_ALARM, note="老人误按")
    steps = reads.history(alarm_id)
    assert [s.action for s in steps] == ["alarm.raise", "alarm.acknowledge", "alarm.handle"]
    assert steps[1].detail["note"] == "已电话联系" and steps[2].actor == "值班员小王"
    assert reads.history(alarm_id + 1) == []


def test_addresses_of_many_households_at_once(reads, site):
    assert reads.addresses(set()) == {}
    assert reads.addresses({site.household_id, site.second_household_id}) == {
        site.household_id: "郑州市二七区幸福路18号院7号楼2单元301室",
        site.second_household_id: "郑州市二七区幸福路18号院7号楼1单元102室",
    }


def test_the_card_beside_an_alarm_shows_phones_and_the_chain(reads, site):
    card = reads.card(site.household_id)
    assert card.members[0].name == "张桂芳"
    assert card.disclosure is Disclosure.PHONES  # the operator has to ring them
    assert "孙丽华" in {c.name for link in card.chain for c in link.contacts}
    assert reads.card(999_999) is None


def test_care_rules_read_what_was_saved(reads, context, site):
    rules = reads.care_rules(site.household_id)
    assert rules.inactivity_enabled and not rules.away
    save_rules(context.db, context.seat, site.household_id, replace(rules, away=True))
    assert reads.care_rules(site.household_id).away
    with pytest.raises(CareRulesError):
        reads.care_rules(999_999)


def test_heard_codes_newest_first_as_plain_values(db, reads):
    with db.session() as session:
        for n, code in enumerate(("DEAD01", "DEAD02", "DEAD03")):
            session.add(
                HeardCode(
                    protocol="rf433",
                    device_code=code,
                    last_heard_at=datetime(2026, 11, 28, 8, n),
                    times=n + 1,
                )
            )
    codes = reads.heard_codes()
    assert codes[0] == HeardCodeLine("rf433", "DEAD03", datetime(2026, 11, 28, 8, 2), 3)
    assert [c.device_code for c in codes] == ["DEAD03", "DEAD02", "DEAD01"]
    assert [c.device_code for c in reads.heard_codes(limit=2)] == ["DEAD03", "DEAD02"]
    with pytest.raises(FrozenInstanceError):
        codes[0].times = 9


def test_households_matching_address_room_or_resident(reads, site):
    assert reads.households_matching("102") == [
        (site.second_household_id, "郑州市二七区幸福路18号院7号楼1单元102室")
    ]
    assert [hid for hid, _ in reads.households_matching("张桂芳")] == [site.household_id]


def test_a_grid_worker_lists_the_alarms_of_their_subtree_only(db, site, context):
    from app.access import User
    from app.access.accounts import grid_scope

    service = AlarmService(db, EventHub(), Seat("值班员小王", "seat-1"))
    inside = service.raise_alarm(
        AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
    )
    outside = service.raise_alarm(AlarmDraft("smoke", Priority.P1, "烟感报警"))  # no place: in no subtree
    with db.session() as session:
        scope = grid_scope(session, site.micro_grid_id)
    worker = User(9, "网格员", "grid_worker", grid_id=site.micro_grid_id, grid_scope=scope)
    scoped = ReadModels(SiteContext(db, EventHub(), Seat.signed_in(worker))).alarms
    assert [r.alarm.id for r in scoped.find(AlarmFilter())] == [inside]
    everyone = ReadModels(context).alarms.find(AlarmFilter())
    assert {r.alarm.id for r in everyone} == {inside, outside}
