"""The grid's own work: what a home visit found."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base


class VisitFinding(Base):
    """One thing a visit found (a dispute, a hazard, a request); linked to the ticket it became."""

    __tablename__ = "visit_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    tag: Mapped[str] = mapped_column(String(16))  # a FindingTag value
    text: Mapped[str] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"), index=True)
