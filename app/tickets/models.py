"""Tickets, their timeline, photos and the notices sent back to the resident."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.base import Base, utcnow


class Ticket(Base):
    """One request or problem, from intake to the resident's evaluation.

    The level-1/2/3 grid ids are stored on the ticket so each queue is an indexed range, and the next
    instant the sweep must look at (`next_due_at`) is computed once at each transition.
    """

    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_l1_queue", "grid_l1_id", "queue", "sort_at"),
        Index("ix_tickets_l2_queue", "grid_l2_id", "queue", "sort_at"),
        Index("ix_tickets_l3_queue", "grid_l3_id", "queue", "sort_at"),
        Index("ix_tickets_assignee_queue", "assignee_id", "queue", "sort_at"),
        Index("ix_tickets_queue_sort", "queue", "sort_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    state: Mapped[str] = mapped_column(String(16))
    queue: Mapped[str] = mapped_column(String(12))
    sort_at: Mapped[datetime | None] = mapped_column(DateTime)

    category_code: Mapped[str] = mapped_column(String(16), index=True)
    source: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    reporter_name: Mapped[str | None] = mapped_column(String(64))
    reporter_phone: Mapped[str | None] = mapped_column(String(20))
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True
    )
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id", ondelete="SET NULL"))
    lon: Mapped[float | None] = mapped_column(Float)
    lat: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(200))

    grid_l1_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"))
    grid_l2_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"))
    grid_l3_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"))
    grid_l4_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"))
    level: Mapped[int | None] = mapped_column(Integer)  # 3, 2, 1 grid leaders; 0 county-level leader
    assigned_grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="RESTRICT"))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # the period's closed tickets (work_stats)
    evaluated_at: Mapped[datetime | None] = mapped_column(DateTime)

    # The clock of the current level.
    level_started_at: Mapped[datetime | None] = mapped_column(DateTime)
    limit_minutes: Mapped[float | None] = mapped_column(Float)
    extension_minutes: Mapped[float] = mapped_column(Float, default=0.0)
    paused_minutes: Mapped[float] = mapped_column(Float, default=0.0)
    paused_at: Mapped[datetime | None] = mapped_column(DateTime)
    warn_level: Mapped[int] = mapped_column(Integer, default=0)  # 0, 70 or 90 (% of the limit warned)
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime)
    next_due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    overdue_since: Mapped[datetime | None] = mapped_column(DateTime)
    escalation_count: Mapped[int] = mapped_column(Integer, default=0)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    responded_on_time: Mapped[bool | None] = mapped_column(Boolean)
    closed_on_time: Mapped[bool | None] = mapped_column(Boolean)
    report_count: Mapped[int] = mapped_column(Integer, default=1)  # 1 + merged duplicate reports

    pending_request: Mapped[str | None] = mapped_column(String(16))  # extension / park
    pending_minutes: Mapped[float | None] = mapped_column(Float)
    pending_reason: Mapped[str | None] = mapped_column(Text)

    result: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[str | None] = mapped_column(String(8))

    events: Mapped[list[TicketEvent]] = relationship(
        back_populates="ticket", order_by="TicketEvent.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class TicketEvent(Base):
    """One step of a ticket's timeline: what happened, when it happened (or should have), who did it."""

    __tablename__ = "ticket_events"
    # The report's overdue and escalated lists: the rare actions of a period, without scanning the timeline.
    __table_args__ = (Index("ix_ticket_events_action_at", "action", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str | None] = mapped_column(String(16))
    to_state: Mapped[str] = mapped_column(String(16))
    level: Mapped[int | None] = mapped_column(Integer)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id", ondelete="SET NULL"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    seat: Mapped[str] = mapped_column(String(128))
    note: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON

    ticket: Mapped[Ticket] = relationship(back_populates="events")


class TicketPhoto(Base):
    """A photo kept in the store with its SHA-256, checked again whenever it is read."""

    __tablename__ = "ticket_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(16))  # intake / handled
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TicketNotice(Base):
    """A feedback notice to the resident and its delivery through one channel (the channel log)."""

    __tablename__ = "ticket_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    level: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16))  # print, log, sms ...
    recipient: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="queued")  # queued, delivered, failed
