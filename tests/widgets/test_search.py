"""Resident search and the household card's data, on a small site in SQLite."""

from __future__ import annotations

from datetime import date

import pytest

from widgets.households.search import (
    SearchQuery,
    count_residents,
    load_household_card,
    search_residents,
)

TODAY = date(2026, 11, 1)


def names(db, text: str = "", tag: str | None = None) -> list[str]:
    with db.sessions() as session:
        return [row.name for row in search_residents(session, SearchQuery(text, tag), today=TODAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张桂兰", ["张桂兰"]),  # whole name
        ("刘", ["刘强"]),  # part of a name
        ("13900002222", ["陈静"]),  # whole phone
        ("139-0000-2222", ["陈静"]),  # phone written with dashes
        ("1111", ["刘强"]),  # phone fragment
        ("0026", ["张桂兰"]),  # last four of the ID number
        ("123x", ["刘强"]),  # ID tail with the check character X, any case
        ("41010219800101123X", ["刘强"]),  # the whole ID
        ("1单元202", ["刘强", "陈静"]),  # address: unit and room
        ("幸福里3号楼 303", ["马小军"]),  # several terms must all match
        ("不存在的人", []),
    ],
)
def test_search_finds_residents_by_name_phone_address_and_id_tail(any_site, text, expected):
    assert names(any_site.db, text) == expected


def test_empty_search_lists_everyone_in_id_order(any_site):
    assert names(any_site.db) == ["张桂兰", "刘强", "陈静", "马小军"]


def test_tag_filter(any_site):
    assert names(any_site.db, tag="disabled") == ["陈静"]
    assert names(any_site.db, "刘", tag="disabled") == []


def test_like_wildcards_in_the_search_text_are_literal(any_site):
    assert names(any_site.db, "%") == []
    assert names(any_site.db, "_") == []


def test_rows_are_masked_and_carry_age_address_and_tags(any_site):
    with any_site.db.sessions() as session:
        (row,) = search_residents(session, SearchQuery("张桂兰"), today=TODAY)
    assert row.id_masked == "410102********0026"
    assert row.phone_masked == "138****5678"
    assert row.age == 81
    assert row.address == "郑州市二七区幸福路8号幸福里3号楼1单元101室"
    assert set(row.tags) == {"elderly_alone", "party_member"}


def test_pages_follow_on_from_the_last_id_and_count_covers_all(any_site):
    with any_site.db.sessions() as session:
        first = search_residents(session, SearchQuery(), limit=3)
        rest = search_residents(session, SearchQuery(), after_id=first[-1].resident_id, limit=3)
        total = count_residents(session, SearchQuery())
    assert [r.name for r in first + rest] == ["张桂兰", "刘强", "陈静", "马小军"]
    assert len(rest) == 1
    assert total == 4


def test_card_shows_people_tags_pairing_chain_leaders_visits(any_site):
    with any_site.db.sessions() as session:
        card = load_household_card(session, any_site.households["101"], today=TODAY)
    assert card.address == "郑州市二七区幸福路8号幸福里3号楼1单元101室"
    assert card.residence_type_zh == "常住"
    (member,) = card.members
    assert (member.name, member.sex, member.age, member.relation) == ("张桂兰", "女", 81, "户主")
    assert member.tags == ("elderly_alone", "party_member")
    assert (member.id_text, member.phone_text) == ("410102********0026", "138****5678")
    assert not card.revealed
    assert [(p.name, p.phone) for p in card.pairings] == [("郑秀英", "13700000007")]
    assert [(link.level, link.name) for link in card.chain] == [
        (1, "淮河路街道"),
        (2, "建新社区"),
        (3, "幸福里小区"),
        (4, "幸福里3号楼"),
    ]
    street, community, _compound, micro = card.chain
    assert [(c.role, c.name, c.phone) for c in street.contacts] == [
        ("网格长", "王建国", "13700000001"),
        ("包联县级领导", "赵立新", "13700000002"),
    ]
    assert [(c.role, c.name) for c in community.contacts] == [("网格长", "李红梅")]
    assert [(c.role, c.name, c.phone) for c in micro.contacts] == [
        ("网格长", "周敏", "13700000005"),
        ("网格员", "吴磊", "13700000006"),
    ]
    assert (card.emergency_contact, card.emergency_phone) == ("张小明", "13611112222")
    (visit,) = card.visits
    assert (visit.visitor, visit.at.date()) == ("吴磊", date(2026, 10, 8))


def test_card_of_a_missing_household_is_none(any_site):
    with any_site.db.sessions() as session:
        assert load_household_card(session, 999_999) is None


def test_revealing_a_card_shows_full_numbers_and_is_audited(any_site):
    from sqlalchemy import select

    from app.config import Seat
    from app.models import AuditEntry
    from widgets.households.search import reveal_household

    with any_site.db.session() as session:
        card = reveal_household(session, Seat("duty", "seat-1"), any_site.households["101"])
    assert card.revealed
    assert (card.members[0].id_text, card.members[0].phone_text) == ("410102194503120026", "13812345678")
    with any_site.db.sessions() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")).one()
    assert (entry.actor, entry.seat, entry.entity, entry.entity_id) == (
        "duty",
        "duty@seat-1",
        "household",
        card.household_id,
    )
