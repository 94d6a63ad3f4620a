"""The mutual-aid fund: amounts in integer fen, the balance is the sum of the entries and changes only
by an entry, the fund never pays out what it does not hold, an entry is reversed at most once and a
reversal never; every entry is audited; the monthly statement's bounds are the site's months."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.events import Topic
from app.grid_work.errors import WorkError
from app.grid_work.fund import FundBook, FundDraft, balance_fen, parse_yuan, yuan
from app.grid_work.fund_reads import fund_summary, ledger, month_bounds, statement
from app.models import AuditEntry, FundEntry, FundKind

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
NOW = datetime(2026, 11, 20, 6, 0)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _draft(kind: FundKind, fen: int, at: datetime = NOW, **more) -> FundDraft:
    category = "捐款" if kind == FundKind.INCOME else "困难居民保洁"
    return FundDraft("G1", kind, category, fen, at, **more)


def _state(work) -> tuple[int, int]:
    with work.context.db.session() as session:
        grid_id = work.site.grids["G1"]
        entries = session.scalar(select(func.count()).where(FundEntry.grid_id == grid_id))
        return balance_fen(session, grid_id), entries


# An operation: (0, fen) income, (1, fen) spending, (2, k) reverse the k-th entry made in this example
# (modulo), (3, k) reverse a reversal made in this example.
OPERATIONS = st.lists(st.tuples(st.integers(0, 3), st.integers(1, 50_000)), min_size=1, max_size=12)


@given(operations=OPERATIONS)
@FUZZ
def test_the_balance_changes_only_by_an_entry(work, operations):
    book = FundBook(work.context)
    made: list[int] = []
    reversals: list[int] = []
    for op, value in operations:
        before_balance, before_entries = _state(work)
        try:
            if op == 0:
                made.append(book.add(_draft(FundKind.INCOME, value), now=NOW))
            elif op == 1:
                made.append(book.add(_draft(FundKind.SPENDING, value), now=NOW))
            elif op == 2 and made:
                reversals.append(book.reverse(made[value % len(made)], "录入错误", now=NOW))
            elif op == 3 and reversals:
                book.reverse(reversals[value % len(reversals)], "再冲销")
        except WorkError:
            assert _state(work) == (before_balance, before_entries)  # a refusal writes nothing
            continue
        balance, entries = _state(work)
        assert balance >= 0
        if entries == before_entries:
            assert balance == before_balance
        else:
            assert entries == before_entries + 1
            with work.context.db.session() as session:
                newest = session.scalar(select(FundEntry).order_by(FundEntry.id.desc()).limit(1))
                assert balance == before_balance + newest.amount_fen
    with work.context.db.session() as session:
        total = session.scalar(select(func.coalesce(func.sum(FundEntry.amount_fen), 0)))
        assert fund_summary(session, "G1").balance_fen == total
        reversed_ids = list(
            session.scalars(select(FundEntry.reverses_id).where(FundEntry.reverses_id.is_not(None)))
        )
        assert len(reversed_ids) == len(set(reversed_ids))  # at most one reversal per entry


def test_a_reversal_twice_and_a_reversal_of_a_reversal_are_refused(work):
    book = FundBook(work.context)
    gift = book.add(_draft(FundKind.INCOME, 50_000, party="爱心企业", receipt_no="JZ-001"), now=NOW)
    pay = book.add(_draft(FundKind.SPENDING, 12_000, party="困难居民王某"), now=NOW)
    undo = book.reverse(pay, "重复登记", now=NOW)
    with pytest.raises(WorkError, match="已由 .* 冲销"):
        book.reverse(pay, "again")
    with pytest.raises(WorkError, match="冲销记录不能再冲销"):
        book.reverse(undo, "again")
    with pytest.raises(WorkError, match="须填写原因"):
        book.reverse(gift, "  ")
    with pytest.raises(WorkError, match="余额不足"):
        book.add(_draft(FundKind.SPENDING, 50_001), now=NOW)
    with work.context.db.session() as session:
        lines = ledger(session, "G1")
        assert [(line.kind, line.amount_fen, line.reversed_by) for line in lines] == [
            ("income", 50_000, None),
            ("spending", -12_000, undo),
            ("reversal", 12_000, None),
        ]
        assert fund_summary(session, "G1").balance_fen == 50_000
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("fund.%"))))
        assert actions == ["fund.add", "fund.add", "fund.reverse"]
    assert [c.payload.action for c in work.heard if c.topic == Topic.FUND] == ["entry", "entry", "reversal"]


def test_a_fund_belongs_to_a_compound_and_bad_entries_are_refused(work):
    book = FundBook(work.context)
    with pytest.raises(WorkError, match="不是小区"):
        book.add(FundDraft("C1", FundKind.INCOME, "捐款", 100, NOW), now=NOW)
    with pytest.raises(WorkError, match="晚于现在"):
        book.add(_draft(FundKind.INCOME, 100, at=datetime(2026, 12, 1)), now=NOW)
    with pytest.raises(WorkError, match="冲销功能"):
        book.add(_draft(FundKind.REVERSAL, 100), now=NOW)
    with pytest.raises(WorkError, match="金额"):
        book.add(_draft(FundKind.INCOME, 0), now=NOW)
    assert _state(work) == (0, 0)


@pytest.mark.parametrize(("text", "fen"), [("12.5", 1250), ("12.50", 1250), ("¥1,000", 100_000), ("0.01", 1)])
def test_yuan_are_read_exactly(text, fen):
    assert parse_yuan(text) == fen
    assert parse_yuan(yuan(fen)) == fen


@pytest.mark.parametrize("text", ["0", "-5", "1.005", "abc", "nan", "inf", "2000000"])
def test_bad_amounts_are_refused(text):
    with pytest.raises(WorkError):
        parse_yuan(text)


def test_the_statement_takes_the_sites_month(work):
    book = FundBook(work.context)
    book.add(_draft(FundKind.INCOME, 30_000, at=datetime(2026, 10, 31, 15, 59)), now=NOW)  # Oct 31 23:59
    book.add(_draft(FundKind.INCOME, 20_000, at=datetime(2026, 10, 31, 16, 0)), now=NOW)  # Nov 1 00:00
    book.add(_draft(FundKind.SPENDING, 5_000, at=datetime(2026, 11, 10)), now=NOW)
    assert month_bounds("2026-12", SHANGHAI) == (datetime(2026, 11, 30, 16), datetime(2026, 12, 31, 16))
    with work.context.db.session() as session:
        november = statement(session, "G1", "2026-11", SHANGHAI)
    assert (november.opening_fen, november.income_fen, november.spending_fen, november.closing_fen) == (
        30_000,
        20_000,
        5_000,
        45_000,
    )
    assert len(november.lines) == 2
    with pytest.raises(WorkError, match="YYYY-MM"):
        month_bounds("2026/11", SHANGHAI)
