"""The tickets' daily roll-up: kept up to date by every write that adds a timeline step, in the same
transaction, and recounted from the timeline for a rebuild or a check.

A step counts under the ticket's key as it now stands (its grids of levels 1 to 3 and the site,
category, source). When a re-dispatch moves a ticket to another grid or category, `move_ticket` moves
everything it had counted, so the roll-up always equals a recount of the timeline against today's
tickets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import case, delete, func, literal_column, select
from sqlalchemy.orm import Session

from app.rollups.buckets import SlotDays, utc_slot
from app.rollups.counters import add_counts, write_counts
from app.rollups.days import local_day, site_zone
from app.rollups.models import SITE, TicketDaily
from app.tickets.models import Ticket, TicketEvent
from app.tickets.states import SWEEP_ACTOR

KEY_COLUMNS = ("day", "grid_id", "category_code", "source")
COUNTERS = ("received", "closed", "overdue", "escalated")


class TicketKey(NamedTuple):
    grid_ids: tuple[int, ...]  # SITE, then the ticket's level-1, -2 and -3 grids it has
    category_code: str
    source: str


class CountedStep(NamedTuple):
    """A timeline step as the roll-up needs it."""

    at: datetime
    action: str
    actor: str
    key: TicketKey


def key_of(ticket: Any) -> TicketKey:
    """The roll-up key of a ticket (ORM object or namespace)."""
    grids = (SITE, *(g for g in (ticket.grid_l1_id, ticket.grid_l2_id, ticket.grid_l3_id) if g is not None))
    return TicketKey(grids, ticket.category_code, ticket.source)


def key_of_row(row: Mapping[str, Any]) -> TicketKey:
    """The roll-up key of a ticket row as inserted."""
    levels = (row.get("grid_l1_id"), row.get("grid_l2_id"), row.get("grid_l3_id"))
    return TicketKey((SITE, *(g for g in levels if g is not None)), row["category_code"], row["source"])


def counted(action: str, actor: str) -> tuple[str, ...]:
    """Which counters one step adds to."""
    if action == "accept":
        return ("received",)
    if action == "close":
        return ("closed",)
    if action == "escalate":  # the sweep escalates because a limit was missed; a person, by choice
        return ("escalated", "overdue") if actor == SWEEP_ACTOR else ("escalated",)
    if action == "breach":  # missed at the top level: nowhere to escalate, listed for supervision
        return ("overdue",)
    return ()


def count_steps(session: Session, steps: Iterable[CountedStep], sign: int = 1) -> None:
    """Add (or with sign -1 take away) the steps' counts in the caller's transaction."""
    zone: ZoneInfo | None = None
    deltas: dict[tuple, Counter] = defaultdict(Counter)
    for step in steps:
        names = counted(step.action, step.actor)
        if not names:
            continue
        zone = zone or site_zone(session)
        day = local_day(step.at, zone)
        for grid_id in step.key.grid_ids:
            counter = deltas[(day, grid_id, step.key.category_code, step.key.source)]
            for name in names:
                counter[name] += sign
    add_counts(session, TicketDaily.__table__, KEY_COLUMNS, deltas)


def move_ticket(session: Session, ticket_id: int, old: TicketKey, new: TicketKey) -> None:
    """A ticket changed grid, category or source: move what its timeline counted so far."""
    if old == new:
        return
    events = TicketEvent.__table__
    rows = session.execute(
        select(events.c.at, events.c.action, events.c.actor).where(events.c.ticket_id == ticket_id)
    ).all()
    count_steps(session, (CountedStep(r.at, r.action, r.actor, old) for r in rows), sign=-1)
    count_steps(session, (CountedStep(r.at, r.action, r.actor, new) for r in rows))


def recount(session: Session) -> dict[tuple, Counter]:
    """Every counter from the timeline, by (day, grid, category, source): the roll-up's truth.

    The database groups by UTC hour (`utc_slot`), once for the site and once per grid level, so only
    the hours, not the steps, come back to Python to be turned into site-local days.
    """
    tickets = Ticket.__table__
    zone = site_zone(session)
    totals: dict[tuple, Counter] = defaultdict(Counter)
    day_of = SlotDays(zone)
    for grid in (None, tickets.c.grid_l1_id, tickets.c.grid_l2_id, tickets.c.grid_l3_id):
        for at, grid_id, category, source, *values in session.execute(_grouped(session, zone, grid)):
            counter = totals[(day_of(at), grid_id, category, source)]
            for name, value in zip(COUNTERS, values, strict=True):
                counter[name] += int(value or 0)
    return totals


def _grouped(session: Session, zone: ZoneInfo, grid):
    """The counters per UTC hour, `grid` column (None: the whole site), category and source."""
    events, tickets = TicketEvent.__table__, Ticket.__table__
    grid_key = literal_column(str(SITE)) if grid is None else grid
    scope = () if grid is None else (grid.is_not(None),)
    grouped = () if grid is None else (grid,)
    hour = utc_slot(session, events.c.at, zone)
    escalate, sweep = events.c.action == "escalate", events.c.actor == SWEEP_ACTOR
    return (
        select(
            hour,
            grid_key,
            tickets.c.category_code,
            tickets.c.source,
            func.sum(case((events.c.action == "accept", 1), else_=0)),
            func.sum(case((events.c.action == "close", 1), else_=0)),
            func.sum(case(((escalate & sweep) | (events.c.action == "breach"), 1), else_=0)),
            func.sum(case((escalate, 1), else_=0)),
        )
        .join(tickets, tickets.c.id == events.c.ticket_id)
        .where(events.c.action.in_(("accept", "close", "escalate", "breach")), *scope)
        .group_by(hour, *grouped, tickets.c.category_code, tickets.c.source)
    )


def stored(session: Session) -> dict[tuple, Counter]:
    """The roll-up as it stands, zero rows left out (so it compares with `recount`)."""
    table = TicketDaily.__table__
    result: dict[tuple, Counter] = {}
    for row in session.execute(select(table)).mappings():
        counter = Counter({name: row[name] for name in COUNTERS if row[name]})
        if counter:
            result[(_as_date(row["day"]), row["grid_id"], row["category_code"], row["source"])] = counter
    return result


def rebuild(session: Session) -> int:
    """Replace the roll-up with a recount; returns the number of rows written."""
    session.execute(delete(TicketDaily.__table__))
    totals = {key: counter for key, counter in recount(session).items() if any(counter.values())}
    write_counts(session, TicketDaily.__table__, KEY_COLUMNS, totals)
    return len(totals)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def steps_of(events: Iterable[Mapping[str, Any]], key: TicketKey) -> list[CountedStep]:
    """Timeline rows (as inserted) of one ticket as steps to count."""
    return [CountedStep(e["at"], e["action"], e["actor"], key) for e in events]
