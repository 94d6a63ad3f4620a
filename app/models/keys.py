"""Secrets every seat of a site needs, kept in the site's database (see app/site_keys.py for why)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class SiteKey(Base):
    __tablename__ = "site_keys"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)  # what the key protects
    secret: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
