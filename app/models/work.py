"""The grid's own work: what a home visit found, volunteer activities and their hours."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, String, Text
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


class VolunteerActivity(Base):
    """One volunteer team's activity (志愿活动): when, what, and each member's hours."""

    __tablename__ = "volunteer_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("volunteer_teams.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)  # naive UTC
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # the ticket whose need the activity served (e.g. 助老): linked both ways on the screens
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"), index=True)


class VolunteerHours(Base):
    __tablename__ = "volunteer_hours"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("volunteer_activities.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    hours: Mapped[float] = mapped_column(Float)
