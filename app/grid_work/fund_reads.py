"""Reading a compound's mutual-aid fund back: its ledger with each entry's reversal, the balance, and
the monthly statement (opening balance, the month's money in and out, closing balance, the receipts)
with the month's bounds in the site's time zone. Frozen rows, integer fen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.grid_work.errors import WorkError
from app.models import FundEntry, Grid, GridLevel
from app.site_clock import SiteClock


@dataclass(frozen=True)
class FundLine:
    entry_id: int
    at: datetime  # naive UTC
    kind: str  # a FundKind value
    category: str
    amount_fen: int  # signed
    party: str
    receipt_no: str
    note: str
    recorded_by: str
    reverses_id: int | None
    reversed_by: int | None  # the reversal of this entry, if any


@dataclass(frozen=True)
class FundSummary:
    grid_id: int
    grid_code: str
    grid_name: str
    entries: int
    balance_fen: int


@dataclass(frozen=True)
class FundStatement:
    fund: FundSummary  # the balance at the statement's end
    month: str  # YYYY-MM
    start: datetime  # naive UTC, the month's first instant in the site's zone
    end: datetime
    opening_fen: int
    income_fen: int  # what came in during the month (positive entries, reversals of spending included)
    spending_fen: int  # what went out, as a positive number
    closing_fen: int
    lines: tuple[FundLine, ...]  # the month's entries, oldest first


def _grid(session: Session, grid_code: str) -> Grid:
    grid = session.scalar(select(Grid).where(Grid.code == grid_code))
    if grid is None:
        raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
    if grid.level != GridLevel.COMPOUND:
        raise WorkError(
            f"爱心基金按小区（三级网格）设立，{grid.name} 不是小区 a fund belongs to a compound grid"
        )
    return grid


def _sum(session: Session, grid_id: int, before: datetime | None = None) -> int:
    query = select(func.coalesce(func.sum(FundEntry.amount_fen), 0)).where(FundEntry.grid_id == grid_id)
    if before is not None:
        query = query.where(FundEntry.at < before)
    return int(session.scalar(query))


def fund_summary(session: Session, grid_code: str) -> FundSummary:
    grid = _grid(session, grid_code)
    count = session.scalar(select(func.count()).where(FundEntry.grid_id == grid.id))
    return FundSummary(grid.id, grid.code, grid.name, int(count or 0), _sum(session, grid.id))


def funds(session: Session) -> list[FundSummary]:
    """Every compound with a fund entry, with its balance."""
    rows = session.execute(
        select(Grid.id, Grid.code, Grid.name, func.count(FundEntry.id), func.sum(FundEntry.amount_fen))
        .join(FundEntry, FundEntry.grid_id == Grid.id)
        .group_by(Grid.id, Grid.code, Grid.name)
        .order_by(Grid.code)
    )
    return [FundSummary(i, code, name, int(n), int(total or 0)) for i, code, name, n, total in rows]


def ledger(
    session: Session, grid_code: str, start: datetime | None = None, end: datetime | None = None
) -> list[FundLine]:
    """The fund's entries in [start, end) (all when not given), oldest first."""
    grid = _grid(session, grid_code)
    reversal = aliased(FundEntry)
    query = (
        select(FundEntry, reversal.id)
        .outerjoin(reversal, reversal.reverses_id == FundEntry.id)
        .where(FundEntry.grid_id == grid.id)
        .order_by(FundEntry.at, FundEntry.id)
    )
    if start is not None:
        query = query.where(FundEntry.at >= start)
    if end is not None:
        query = query.where(FundEntry.at < end)
    return [
        FundLine(
            e.id,
            e.at,
            e.kind,
            e.category,
            e.amount_fen,
            e.party,
            e.receipt_no,
            e.note,
            e.recorded_by,
            e.reverses_id,
            reversed_by,
        )  # fmt: skip
        for e, reversed_by in session.execute(query)
    ]


def month_bounds(month: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """'2026-11' -> the month's first instant and the next month's, in the site's zone, as naive UTC."""
    try:
        first = datetime.strptime(month.strip(), "%Y-%m")
    except ValueError:
        raise WorkError(f"月份格式错误 bad month {month!r}: use YYYY-MM, e.g. 2026-11") from None
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    clock = SiteClock(zone.key)
    return clock.to_utc(first), clock.to_utc(following)


def statement(session: Session, grid_code: str, month: str, zone: ZoneInfo) -> FundStatement:
    start, end = month_bounds(month, zone)
    grid = _grid(session, grid_code)
    lines = tuple(ledger(session, grid_code, start, end))
    opening = _sum(session, grid.id, start)
    income = sum(line.amount_fen for line in lines if line.amount_fen > 0)
    spending = -sum(line.amount_fen for line in lines if line.amount_fen < 0)
    count = session.scalar(select(func.count()).where(FundEntry.grid_id == grid.id, FundEntry.at < end))
    summary = FundSummary(grid.id, grid.code, grid.name, int(count or 0), opening + income - spending)
    return FundStatement(
        summary, month.strip(), start, end, opening, income, spending, opening + income - spending, lines
    )
