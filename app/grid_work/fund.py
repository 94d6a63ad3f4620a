"""爱心基金: a compound's mutual-aid fund. Income (donations, property fees returned) and spending (e.g.
paying a resident in hardship to clean the stairwells) are entries in integer fen; the balance is the
sum of the entries and nothing else. An entry is never changed or deleted: a mistake is undone by a
reversing entry naming it (an entry is reversed at most once, a reversal never). The fund never pays
out what it does not hold. Every entry is audited and published (Topic.FUND)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import audit
from app.access import Permission, PermissionDenied, can
from app.context import SiteContext
from app.events import Change, FundChanged, Topic
from app.grid_work.errors import WorkError
from app.models import FundEntry, FundKind, Grid, GridLevel

__all__ = ["FundBook", "FundDraft", "FundKind", "balance_fen", "parse_yuan", "yuan"]
from app.store.base import utcnow

INCOME_CATEGORIES = ("捐款", "物业费返还", "其他收入")
SPENDING_CATEGORIES = ("困难居民保洁", "困难帮扶", "慰问", "活动支出", "其他支出")
MAX_FEN = 100_000_000  # one entry of a compound's fund: over a million yuan is a typing slip
TEXT_MAX = {"party": 64, "receipt_no": 32, "note": 500, "category": 32}


@dataclass(frozen=True)
class FundDraft:
    grid_code: str  # the compound (三级网格) whose fund it is
    kind: FundKind  # INCOME or SPENDING
    category: str
    amount_fen: int  # > 0; the sign comes from the kind
    at: datetime  # naive UTC, not in the future
    party: str = ""  # who gave, or who was paid
    receipt_no: str = ""
    note: str = ""


def parse_yuan(text: str) -> int:
    """ "12.5" or "12.50" yuan as 1250 fen; refuses more than two decimals, zero, negatives, nonsense."""
    try:
        value = Decimal(text.strip().replace(",", "").removeprefix("¥"))
    except InvalidOperation:
        raise WorkError(
            f"金额格式错误 bad amount {text!r}: yuan with at most two decimals, e.g. 120.50"
        ) from None
    fen = value * 100
    if not value.is_finite() or fen != fen.to_integral_value():
        raise WorkError(f"金额最多两位小数 an amount has at most two decimals: {text!r}")
    if fen <= 0 or fen > MAX_FEN:
        raise WorkError(
            f"金额应大于 0 且不超过 {MAX_FEN // 100} 元 the amount must be over 0 and at most {MAX_FEN // 100} yuan"
        )
    return int(fen)


def yuan(fen: int) -> str:
    """1250 -> "12.50"; -1250 -> "-12.50" (exact: integer arithmetic only)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def balance_fen(session: Session, grid_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(FundEntry.amount_fen), 0)).where(FundEntry.grid_id == grid_id)
        )
    )


class FundBook:
    """Records entries and reversals for one seat: checked, audited, published."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    def add(self, draft: FundDraft, *, now: datetime | None = None) -> int:
        _check(draft, now or utcnow())
        signed = draft.amount_fen if draft.kind == FundKind.INCOME else -draft.amount_fen
        with self.site.db.session() as session:
            grid = _compound(session, draft.grid_code)
            self._may(grid.id)
            _refuse_overdraw(session, grid.id, signed)
            entry = FundEntry(
                grid_id=grid.id,
                kind=FundKind(draft.kind).value,
                category=draft.category.strip(),
                amount_fen=signed,
                party=draft.party.strip(),
                receipt_no=draft.receipt_no.strip(),
                note=draft.note.strip(),
                at=draft.at,
                recorded_at=utcnow(),
                recorded_by=self.site.seat.operator,
            )
            session.add(entry)
            session.flush()
            audit.record(
                session, self.site.seat, "fund.add", "fund_entry", entry.id,
                grid=draft.grid_code, kind=entry.kind, category=entry.category, amount_fen=signed,
                party=entry.party, receipt_no=entry.receipt_no, at=draft.at.isoformat(),
            )  # fmt: skip
            entry_id = entry.id
        self._publish((entry_id,), "entry")
        return entry_id

    def reverse(self, entry_id: int, reason: str, *, now: datetime | None = None) -> int:
        """A reversing entry for `entry_id` (its amount negated, dated now); the reason is required."""
        reason = reason.strip()
        if not reason or len(reason) > TEXT_MAX["note"]:
            raise WorkError(f"冲销须填写原因 (1–{TEXT_MAX['note']} 字) a reversal needs a reason")
        try:
            with self.site.db.session() as session:
                original = session.get(FundEntry, entry_id)
                if original is None:
                    raise WorkError(f"账目 {entry_id} 不存在 fund entry {entry_id} does not exist")
                _refuse_second_reversal(session, original)
                grid = session.get(Grid, original.grid_id, with_for_update=True)
                self._may(grid.id)
                _refuse_overdraw(session, grid.id, -original.amount_fen)
                reversal = FundEntry(
                    grid_id=original.grid_id, kind=FundKind.REVERSAL.value, category=original.category,
                    amount_fen=-original.amount_fen, party=original.party, receipt_no=original.receipt_no,
                    note=reason, at=now or utcnow(), recorded_at=utcnow(),
                    recorded_by=self.site.seat.operator, reverses_id=original.id,
                )  # fmt: skip
                session.add(reversal)
                session.flush()
                audit.record(
                    session, self.site.seat, "fund.reverse", "fund_entry", reversal.id,
                    reverses=original.id, amount_fen=reversal.amount_fen, reason=reason,
                )  # fmt: skip
                reversal_id = reversal.id
        except IntegrityError:  # another seat reversed it between our check and our write
            raise WorkError(f"账目 {entry_id} 已被冲销 entry {entry_id} has already been reversed") from None
        self._publish((reversal_id, entry_id), "reversal")
        return reversal_id

    def _may(self, grid_id: int) -> None:
        """A signed-in user keeps the fund of a compound in their scope only; the local system (the demo
        build, maintenance) has no user and no scope."""
        user = self.site.seat.user
        if user is not None and not can(user, Permission.KEEP_FUND, grid_id):
            raise PermissionDenied(user, Permission.KEEP_FUND)

    def _publish(self, ids: tuple[int, ...], action: str) -> None:
        self.site.hub.publish(Change(Topic.FUND, ids, FundChanged(action)))


def _compound(session: Session, grid_code: str) -> Grid:
    grid = session.scalar(select(Grid).where(Grid.code == grid_code).with_for_update())
    if grid is None:
        raise WorkError(f"网格 {grid_code} 不存在 no grid with code {grid_code!r}")
    if grid.level != GridLevel.COMPOUND:
        raise WorkError(
            f"爱心基金按小区（三级网格）设立，{grid.name} 不是小区 a fund belongs to a compound grid"
        )
    return grid


def _refuse_second_reversal(session: Session, original: FundEntry) -> None:
    if original.kind == FundKind.REVERSAL:
        raise WorkError(
            "冲销记录不能再冲销，请重新登记 a reversal cannot be reversed: record the entry again"
        )
    done = session.scalar(select(FundEntry.id).where(FundEntry.reverses_id == original.id))
    if done is not None:
        raise WorkError(
            f"账目 {original.id} 已由 {done} 冲销 entry {original.id} has already been reversed by {done}"
        )


def _refuse_overdraw(session: Session, grid_id: int, signed_fen: int) -> None:
    balance = balance_fen(session, grid_id)
    if balance + signed_fen < 0:
        raise WorkError(
            f"余额不足：现有 {yuan(balance)} 元 the fund holds {yuan(balance)} yuan, not enough for {yuan(-signed_fen)}"
        )


def _check(draft: FundDraft, now: datetime) -> None:
    if draft.kind not in (FundKind.INCOME, FundKind.SPENDING):
        raise WorkError("冲销请用冲销功能 a reversal is made by reversing an entry")
    if not isinstance(draft.amount_fen, int) or not 0 < draft.amount_fen <= MAX_FEN:
        raise WorkError(
            f"金额应大于 0 且不超过 {MAX_FEN // 100} 元 the amount must be over 0 and at most {MAX_FEN // 100} yuan"
        )
    if draft.at > now:
        raise WorkError("日期不能晚于现在 the entry cannot be in the future")
    if not draft.category.strip():
        raise WorkError("请填写类别 the entry needs a category")
    for field, limit in TEXT_MAX.items():
        if len(getattr(draft, field).strip()) > limit:
            raise WorkError(f"{field} 过长 (最多 {limit} 字) {field} is longer than {limit} characters")
