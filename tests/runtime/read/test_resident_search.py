"""Resident search on a small site, in SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from runtime.read.resident_search import SearchQuery, count_residents, find_households, search_residents

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


def test_households_found_by_address_or_a_residents_name(any_site):
    with any_site.db.sessions() as session:
        assert find_households(session, "陈静") == [
            (any_site.households["202"], "郑州市二七区幸福路8号幸福里3号楼1单元202室")
        ]
        found = find_households(session, "幸福里3号楼")
    assert [household_id for household_id, _ in found] == [
        any_site.households[room] for room in ("101", "202", "303")
    ]


def test_a_grid_worker_finds_the_residents_of_their_subtree_only(any_site):
    """Scoped in the core (Households), on SQLite and PostgreSQL: the view's query cannot widen it."""
    from sqlalchemy import select

    from app.access import User
    from app.access.accounts import grid_scope
    from app.config import Seat
    from app.context import SiteContext
    from app.models import Grid
    from runtime.reads import ReadModels

    def households_for(code: str):
        with any_site.db.session() as session:
            grid_id = session.scalar(select(Grid.id).where(Grid.code == code))
            scope = grid_scope(session, grid_id)
        user = User(7, "网格员", "grid_worker", grid_id=grid_id, grid_scope=scope)
        return ReadModels(SiteContext(any_site.db, seat=Seat.signed_in(user))).households

    community = households_for("G01-02")
    assert [r.name for r in community.search(SearchQuery())] == ["张桂兰", "刘强", "陈静", "马小军"]
    assert community.card(any_site.households["101"]) is not None
    street_only = households_for("G01")  # the street's subtree holds the community: everyone too
    assert street_only.count(SearchQuery()) == 4
    with any_site.db.session() as session:  # a grid of its own, holding no building
        session.add(Grid(code="G09", name="别的街道", level=1))
    try:
        elsewhere = households_for("G09")
        assert elsewhere.search(SearchQuery()) == [] and elsewhere.count(SearchQuery()) == 0
        assert elsewhere.card(any_site.households["101"]) is None
        assert elsewhere.reveal(any_site.households["101"], "核查住户身份") is None
    finally:  # the module's site is shared: leave it as it was
        with any_site.db.session() as session:
            session.delete(session.scalars(select(Grid).where(Grid.code == "G09")).one())
