"""The household card both the roster and the alarm popup show, and the reader that hands it out."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.grid_tree import GridTree
from app.models import AuditEntry
from app.privacy.policy import RevealRefused
from runtime.read.household import Disclosure, load_household_card
from runtime.reads import ReadModels

TODAY = date(2026, 11, 1)


def card_of(db, household_id: int, disclosure: Disclosure = Disclosure.MASKED, today: date = TODAY):
    with db.sessions() as session:
        return load_household_card(session, household_id, GridTree.load(session), today, disclosure)


def test_card_shows_people_tags_pairing_chain_leaders_visits(any_site):
    card = card_of(any_site.db, any_site.households["101"])
    assert card.address == "郑州市二七区幸福路8号幸福里3号楼1单元101室"
    assert (card.building, card.residence_type_zh) == ("3号楼", "常住")
    (member,) = card.members
    assert (member.name, member.sex, member.age, member.relation) == ("张桂兰", "女", 81, "户主")
    assert member.tags == ("elderly_alone", "party_member")
    assert (member.id_text, member.phone_text) == ("410102********0026", "138****5678")
    assert not card.revealed
    assert [(p.name, p.phone, p.role_zh) for p in card.pairings] == [("郑秀英", "13700000007", "联户党员")]
    assert [(link.level, link.name) for link in card.chain] == [
        (1, "淮河路街道"),
        (2, "建新社区"),
        (3, "幸福里小区"),
        (4, "幸福里3号楼"),
    ]
    street, community, _compound, micro = card.chain
    assert [(c.role_zh, c.name, c.phone) for c in street.contacts] == [
        ("网格长", "王建国", "13700000001"),
        ("包联县级领导", "赵立新", "13700000002"),
    ]
    assert [(c.role_zh, c.name) for c in community.contacts] == [("网格长", "李红梅")]
    assert [(c.role_zh, c.name, c.phone) for c in micro.contacts] == [
        ("网格长", "周敏", "13700000005"),
        ("网格员", "吴磊", "13700000006"),
    ]
    # the emergency contact's phone is a third person's: masked like the residents' own
    assert (card.emergency_contact, card.emergency_phone) == ("张小明", "136****2222")
    (visit,) = card.visits
    assert (visit.visitor, visit.at.date()) == ("吴磊", date(2026, 10, 8))


def test_the_head_of_the_household_comes_first(any_site):
    card = card_of(any_site.db, any_site.households["202"])
    assert [(m.name, m.relation) for m in card.members] == [("刘强", "户主"), ("陈静", "配偶")]


def test_an_alarms_card_has_health_volunteers_and_phones_to_ring(db, alarm_site):
    card = card_of(db, alarm_site.household_id, Disclosure.PHONES, today=date(2026, 11, 28))
    (elder,) = card.members
    assert (elder.name, elder.age, elder.tags, elder.health_note) == (
        "张桂芳",
        84,
        ("elderly_alone",),
        "高血压、行动不便",
    )
    assert elder.is_elderly and elder.phone_text == "0371-66001234"
    assert [c.name for c in card.pairings] == ["王志刚"]
    assert [c.name for c in card.volunteers] == [
        "郑海燕",
        "冯桂兰",
    ]  # the building's first, then the compound's
    assert (card.lon, card.lat) == (113.64, 34.72)
    assert [link.level for link in card.chain] == [1, 2, 3, 4]


def test_card_of_a_missing_household_is_none(any_site):
    assert card_of(any_site.db, 999_999) is None


def test_revealing_a_card_shows_full_numbers_and_is_audited(db, alarm_site):
    site = SiteContext(db, EventHub(), Seat("duty", "seat-1"))
    households = ReadModels(site).households
    with pytest.raises(RevealRefused, match="理由"):
        households.reveal(alarm_site.household_id, "")
    card = households.reveal(alarm_site.household_id, "走访核对")
    assert card.revealed and card.members[0].phone_text == "0371-66001234"
    assert card.emergency_phone == "13900001111"
    with db.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")).one()
    assert (entry.actor, entry.seat, entry.entity, entry.entity_id) == (
        "duty",
        "duty@seat-1",
        "household",
        card.household_id,
    )
    assert json.loads(entry.detail)["reason"] == "走访核对"
    with pytest.raises(ValueError, match="reveal"):
        households.card(alarm_site.household_id, Disclosure.FULL)  # a full card unaudited: never


def test_the_reader_masks_by_default_and_gives_phones_for_an_alarm(any_site):
    households = ReadModels(SiteContext(any_site.db, EventHub())).households
    masked = households.card(any_site.households["101"])
    for_alarm = households.card(any_site.households["101"], Disclosure.PHONES)
    assert masked.members[0].phone_text == "138****5678"
    assert for_alarm.members[0].phone_text == "13812345678"
    assert for_alarm.members[0].id_text == "410102********0026"  # an alarm needs no ID number


def test_the_reader_searches_counts_and_finds_addresses(any_site):
    from runtime.read.household import SearchQuery

    households = ReadModels(SiteContext(any_site.db, EventHub())).households
    assert [row.name for row in households.search(SearchQuery("1单元202"))] == ["刘强", "陈静"]
    assert households.count(SearchQuery()) == 4
    assert [row.name for row in households.search(SearchQuery(), after_id=any_site.residents["陈静"])] == [
        "马小军"
    ]
    assert households.addresses({any_site.households["303"]}) == {
        any_site.households["303"]: "郑州市二七区幸福路8号幸福里3号楼1单元303室"
    }
    assert households.find("马小军") == [
        (any_site.households["303"], "郑州市二七区幸福路8号幸福里3号楼1单元303室")
    ]


def test_a_user_without_reveal_permission_is_refused_and_nothing_is_audited(sqlite_db, alarm_site):
    from app.access import PermissionDenied, User

    for role in ("operator", "wall"):
        site = SiteContext(sqlite_db, EventHub(), Seat.signed_in(User(3, "小王", role)))
        with pytest.raises(PermissionDenied, match="reveal_personal_data") as refused:
            ReadModels(site).households.reveal(alarm_site.household_id, "核查住户身份")
        assert isinstance(refused.value, RevealRefused)  # what the card's and exports' callers catch
    with sqlite_db.sessions() as session:
        assert not session.scalars(
            select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")
        ).all()
    police = SiteContext(sqlite_db, EventHub(), Seat.signed_in(User(4, "民警老李", "police")))
    assert ReadModels(police).households.reveal(alarm_site.household_id, "协查走失老人").revealed
