"""Site-wide settings an office sets once (name, time zone, its own ticket time limits), and what each
seat remembers of the site (window layout, language)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class SiteSetting(Base):
    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON text: every seat reads the same value
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SeatState(Base):
    """One remembered value of one seat (a computer at the site), e.g. its window layout; not audited:
    how a desk arranges its window is no record of the site's work."""

    __tablename__ = "seat_state"

    seat: Mapped[str] = mapped_column(String(128), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON text
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
