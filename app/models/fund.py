"""爱心基金: a compound's mutual-aid fund as a ledger of entries in integer fen. An entry is never changed
or deleted; a mistake is undone by a reversing entry that names the entry it reverses."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class FundKind(StrEnum):
    INCOME = "income"  # 收入: donations, property fees returned
    SPENDING = "spending"  # 支出: e.g. paying a resident in hardship to clean the stairwells
    REVERSAL = "reversal"  # 冲销: undoes one earlier entry

    @property
    def zh(self) -> str:
        return {"income": "收入", "spending": "支出", "reversal": "冲销"}[self.value]


class FundEntry(Base):
    __tablename__ = "fund_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(32))  # 捐款, 物业费返还, 困难居民保洁 ...
    # Signed: income adds, spending takes away, a reversal is the reversed entry's amount negated; the
    # balance is the sum of the fund's entries and nothing else.
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    party: Mapped[str] = mapped_column(String(64), default="")  # who gave or who was paid
    receipt_no: Mapped[str] = mapped_column(String(32), default="")  # 收据/凭证号
    note: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime, index=True)  # naive UTC: when the money moved
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    # unique: an entry is reversed at most once (NULLs do not collide on either back end)
    reverses_id: Mapped[int | None] = mapped_column(
        ForeignKey("fund_entries.id", ondelete="RESTRICT"), unique=True
    )
