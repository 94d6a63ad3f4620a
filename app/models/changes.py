"""The change log of a SQLite site: how its processes tell each other what changed (PostgreSQL sites use
NOTIFY instead). Rows are short-lived: readers follow the newest id, and old rows are pruned."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class ChangeLogEntry(Base):
    __tablename__ = "change_log"
    # AUTOINCREMENT: ids never come back after a prune emptied the table, so readers never miss a row
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    origin: Mapped[str] = mapped_column(String(32))
    change: Mapped[str] = mapped_column(Text)  # JSON, as the PostgreSQL relay sends it
