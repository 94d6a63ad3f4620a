"""Pairings: a party member pairs households (one member per household at a time, a move ends the old
pairing and keeps it), leaders and cadres back grids, ending keeps the row; the board puts the unpaired
households needing care first and says how evenly the households are shared."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.pairing import PairingBook
from app.grid_work.pairing_reads import (
    BoardHousehold,
    BoardMember,
    balance_of,
    list_pairings,
    pairing_board,
)
from app.models import AuditEntry, PairingKind, PartyPairing, Person

T0 = datetime(2026, 10, 1, 2, 0)
T1 = datetime(2026, 11, 1, 2, 0)


def _person(work, name: str, party: bool = True) -> int:
    with work.context.db.session() as session:
        person = Person(name=name, phone="13912345678", party_member=party)
        session.add(person)
        session.flush()
        return person.id


def test_a_move_ends_the_old_pairing_and_keeps_it(work):
    book = PairingBook(work.context)
    a, b = _person(work, "党员甲"), _person(work, "党员乙")
    first = book.pair_household(a, work.elderly, now=T0)
    with pytest.raises(WorkError, match="已由 党员甲 联系"):
        book.pair_household(b, work.elderly, now=T1)
    with pytest.raises(WorkError, match="已由此党员联系"):
        book.pair_household(a, work.elderly, now=T1)
    moved = book.pair_household(b, work.elderly, move=True, now=T1)
    assert moved.ended_id == first.pairing_id
    with work.context.db.session() as session:
        history = list_pairings(session, None, include_ended=True)
        current = list_pairings(session, None)
        assert [(p.person, p.ended_at) for p in history if p.kind == "household"] == [
            ("党员乙", None),
            ("党员甲", T1),
        ]
        assert [p.person for p in current] == ["党员乙"]
        assert history[1].end_note == "改由 党员乙 联系"
        assert session.scalar(select(func.count()).where(AuditEntry.action == "pairing.add")) == 2
    assert [c.payload.action for c in work.heard if c.topic == Topic.PAIRING] == ["paired", "paired"]


def test_only_party_members_pair_households_and_ending_twice_is_refused(work):
    book = PairingBook(work.context)
    plain = _person(work, "群众丙", party=False)
    with pytest.raises(WorkError, match="不是党员"):
        book.pair_household(plain, work.plain)
    member = _person(work, "党员丁")
    pairing = book.pair_household(member, work.plain).pairing_id
    book.end(pairing, "党员迁出", now=T1)
    with pytest.raises(WorkError, match="已于此前解除"):
        book.end(pairing)
    with work.context.db.session() as session:
        row = session.get(PartyPairing, pairing)
        assert (row.ended_at, row.end_note) == (T1, "党员迁出")  # kept, not deleted
    book.pair_household(member, work.plain)  # paired again after the end: a new row
    with work.context.db.session() as session:
        assert session.scalar(select(func.count()).select_from(PartyPairing)) == 2


def test_leaders_back_grids_and_cadres_cover_compounds_or_buildings(work):
    book = PairingBook(work.context)
    leader, cadre = _person(work, "包保领导", party=False), _person(work, "包片干部")
    book.back_grid(leader, "G1", PairingKind.LEADER)
    with pytest.raises(WorkError, match="已有此包保关系"):
        book.back_grid(leader, "G1", PairingKind.LEADER)
    with pytest.raises(WorkError, match="小区或楼栋"):
        book.back_grid(cadre, "C1", PairingKind.CADRE)
    book.back_grid(cadre, "B1", PairingKind.CADRE)
    with pytest.raises(WorkError, match="不存在"):
        book.back_grid(cadre, "NOPE", PairingKind.CADRE)
    with work.context.db.session() as session:
        lines = list_pairings(session, {work.site.grids["G1"]})
        assert [(p.kind, p.person, p.target) for p in lines] == [("leader", "包保领导", "幸福小区")]
        board = pairing_board(session, "G1")
        assert [b.person for b in board.backers] == ["包保领导"]


def test_the_board_lists_unpaired_households_needing_care_first(work):
    member = _person(work, "党员戊")
    PairingBook(work.context).pair_household(member, work.plain)
    with work.context.db.session() as session:
        board = pairing_board(session, "G1")
    assert [h.household_id for h in board.households] == [work.elderly, work.third, work.plain]
    assert board.households[0].care == ("elderly_alone",)
    assert [(m.name, m.households) for m in board.members] == [("党员戊", 1)]
    assert (board.balance.households, board.balance.paired, board.balance.unpaired) == (3, 1, 2)


def _homes(counts: dict[int, int], unpaired: int = 0) -> list[BoardHousehold]:
    homes = [BoardHousehold(0, "", 1, (), m, 0) for m, n in counts.items() for _ in range(n)]
    return homes + [BoardHousehold(0, "", 1, (), None, None)] * unpaired


def test_balance_names_who_carries_too_many_and_who_has_room():
    members = (BoardMember(1, "甲", 35), BoardMember(2, "乙", 3), BoardMember(3, "丙", 20))
    balance = balance_of(_homes({1: 35, 2: 3, 3: 20}), members)
    assert (balance.fair_share, balance.members_needed, balance.over, balance.under) == (
        20,
        2,
        ("甲",),
        ("乙",),
    )
    even = (BoardMember(1, "甲", 15), BoardMember(2, "乙", 15))
    assert balance_of(_homes({1: 15, 2: 15}), even).under == ()
    assert balance_of(_homes({}, unpaired=5), ()).fair_share == 0
