"""The time limit of a ticket's current level: deadline, 70%/90% warnings, pauses, and the queue it sits in.

Computed once at each transition and stored, so the sweep only reads tickets whose next instant is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from app.calendar import NaturalClock, WorkCalendar
from app.tickets.categories import Category
from app.tickets.states import CLOCK_RUNNING, Queue, State, queue_for

WARNINGS = (70, 90)
BREACHED = 100  # warn_level once the breach at this level has been dealt with


class Clock(Protocol):
    minutes_per_day: int

    def add(self, start: datetime, minutes: float) -> datetime: ...

    def between(self, start: datetime, end: datetime) -> float: ...


@dataclass(frozen=True)
class Clocks:
    """Working time for ordinary categories, round-the-clock time for emergencies."""

    working: WorkCalendar = WorkCalendar()
    natural: NaturalClock = NaturalClock()

    @classmethod
    def in_zone(cls, zone: ZoneInfo) -> Clocks:
        """Working time in the site's time zone."""
        return cls(working=WorkCalendar(zone=zone))

    def of(self, category: Category) -> Clock:
        return self.natural if category.natural_clock else self.working


class TicketClock(Protocol):
    """The columns the clock reads and writes (an ORM Ticket or a plain row object in the sweep)."""

    state: str
    level: int | None
    level_started_at: datetime | None
    limit_minutes: float | None
    extension_minutes: float
    paused_minutes: float
    warn_level: int
    deadline_at: datetime | None
    next_due_at: datetime | None
    overdue_since: datetime | None
    queue: str
    sort_at: datetime | None


def start_level(ticket: TicketClock, category: Category, clock: Clock, level: int, at: datetime) -> None:
    """A fresh limit for `level` starting at `at` (after dispatch, escalation or a reopening)."""
    ticket.level = level
    ticket.level_started_at = at
    ticket.limit_minutes = category.limit(level).minutes(clock.minutes_per_day)
    ticket.extension_minutes = 0.0
    ticket.paused_minutes = 0.0
    ticket.warn_level = 0


def warning_instant(ticket: TicketClock, clock: Clock, percent: int) -> datetime:
    budget = (ticket.limit_minutes or 0.0) + ticket.extension_minutes
    return clock.add(ticket.level_started_at, budget * percent / 100 + ticket.paused_minutes)


def _next_instant(ticket: TicketClock, clock: Clock) -> datetime | None:
    """The next warning or the breach (the deadline) after the warnings already given."""
    if ticket.warn_level >= BREACHED:
        return None
    pending = next(p for p in (*WARNINGS, BREACHED) if p > ticket.warn_level)
    return ticket.deadline_at if pending == BREACHED else warning_instant(ticket, clock, pending)


def pass_warning(ticket: TicketClock, clock: Clock, percent: int) -> None:
    """A 70% or 90% warning was given on a running clock: only the next instant moves.

    The deadline, the queue and its sort key stay as the last `refresh` left them.
    """
    ticket.warn_level = percent
    ticket.next_due_at = _next_instant(ticket, clock)


def refresh(ticket: TicketClock, clock: Clock, sort_fallback: datetime) -> None:
    """Recompute the deadline, the next instant the sweep must look at, the queue and its sort key."""
    state = State(ticket.state)
    running = state in CLOCK_RUNNING and ticket.level_started_at is not None and ticket.limit_minutes
    if running:
        ticket.deadline_at = warning_instant(ticket, clock, BREACHED)
        ticket.next_due_at = _next_instant(ticket, clock)
    else:
        ticket.next_due_at = None
    queue = queue_for(state, ticket.overdue_since is not None)
    ticket.queue = queue.value
    if queue == Queue.ACTIVE:
        ticket.sort_at = ticket.deadline_at
    elif queue == Queue.OVERDUE:
        ticket.sort_at = ticket.overdue_since
    else:
        ticket.sort_at = sort_fallback


def urgency(deadline: datetime | None, started: datetime | None, now: datetime) -> float | None:
    """Share of the limit used up in plain elapsed time (for colouring a countdown); None without a limit."""
    if deadline is None or started is None or deadline <= started:
        return None
    return (now - started).total_seconds() / (deadline - started).total_seconds()
