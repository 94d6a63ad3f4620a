"""The escalation sweep: warnings at 70% and 90%, escalation on breach, catch-up after downtime.

Only tickets whose stored `next_due_at` has passed are read (an indexed range), so a sweep over a
hundred thousand open tickets touches just the few that are due. Everything that should have
happened since the last run happens now, in order, stamped with the instant it should have happened:
a ticket that breached level 3 on Friday and level 2 on Monday while the app was closed gets both
escalations, the second starting from the first's instant. Running the sweep twice for the same
`now` changes nothing the second time.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress
from operator import attrgetter, itemgetter, ne
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app import audit
from app.rollups import tickets as rollup  # the module: it imports app.tickets' tables itself
from app.site_clock import SHORT, clock_in, load_clock
from app.store.base import utcnow
from app.tickets.bulk import insert_rows, update_rows
from app.tickets.clock import BREACHED, WARNINGS, Clock, pass_warning, refresh
from app.tickets.models import Ticket, TicketEvent
from app.tickets.states import LEVEL_ZH, SWEEP_ACTOR
from app.tickets.time_guard import check_not_future
from app.tickets.workflow import Workflow

# What the sweep may change: the clock, the level and handler after an escalation, the queue.
_WRITE = (
    "state",
    "level",
    "assigned_grid_id",
    "assignee_id",
    "level_started_at",
    "limit_minutes",
    "extension_minutes",
    "paused_minutes",
    "paused_at",
    "warn_level",
    "deadline_at",
    "next_due_at",
    "overdue_since",
    "escalation_count",
    "pending_request",
    "pending_minutes",
    "pending_reason",
    "queue",
    "sort_at",
    "updated_at",
)
_READ = ("id", "version", "category_code", "source", "grid_l1_id", "grid_l2_id", "grid_l3_id", *_WRITE)
_written = attrgetter(*_WRITE)
_read_written = itemgetter(*range(_READ.index(_WRITE[0]), len(_READ)))
MAX_STEPS_PER_TICKET = 16  # 2 warnings + breach per level, four levels, with room to spare


@dataclass
class SweepReport:
    now: datetime
    warnings: int = 0
    escalations: int = 0
    top_breaches: int = 0
    tickets: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "now": self.now.isoformat(),
            "warnings": self.warnings,
            "escalations": self.escalations,
            "top_level_breaches": self.top_breaches,
            "tickets": len(self.tickets),
        }


def sweep(desk, now: datetime | None = None, *, attempts: int = 3) -> SweepReport:
    """Run the sweep as of `now` (default: the current time) in one unit of work.

    If a seat moves one of the due tickets at the same moment, the version check fails and the
    whole sweep is retried: it is idempotent, so that is always safe. A sweep never stamps the future
    (`now` later than the clock), except on a simulation copy.
    """
    if now is not None and not desk.simulation:
        check_not_future(now, utcnow(), "巡检", load_clock(desk.db))
    now = now or utcnow()
    for attempt in range(attempts):
        try:
            report = _sweep_once(desk, now)
        except StaleDataError:
            if attempt == attempts - 1:
                raise
            continue
        if report.tickets:
            desk._publish(tuple(report.tickets), "sweep")
        return report
    raise AssertionError("unreachable")


def _sweep_once(desk, now: datetime) -> SweepReport:
    with desk.db.session() as session:
        return sweep_session(session, desk.workflow(session), now)


def sweep_session(
    session, workflow: Workflow, now: datetime, recorded: datetime | None = None
) -> SweepReport:
    """The sweep inside the caller's unit of work (the demo builder uses it to age its tickets)."""
    report = SweepReport(now)
    seat = f"scheduler@{socket.gethostname()}"
    recorded = recorded or utcnow()
    session.flush()  # the caller's pending ORM changes first: the sweep reads and writes rows directly
    table = Ticket.__table__
    rows = session.execute(
        select(*(table.c[name] for name in _READ))
        .where(table.c.next_due_at <= now)
        .order_by(table.c.next_due_at, table.c.id)
    ).all()
    due = [SimpleNamespace(**dict(zip(_READ, row, strict=True))) for row in rows]
    events: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    clocks: dict[str, Clock] = {}  # one lookup per category, not per ticket
    site_clock = clock_in(session)
    for ticket in due:
        clock = clocks.get(ticket.category_code)
        if clock is None:
            clock = clocks[ticket.category_code] = workflow.clock(ticket)
        for _ in range(MAX_STEPS_PER_TICKET):
            if ticket.next_due_at is None or ticket.next_due_at > now:
                break
            instant = ticket.next_due_at
            from_state = ticket.state
            action, note = _step(ticket, clock, workflow, site_clock, instant, report)
            ticket.updated_at = instant
            if action != "warn":
                refresh(ticket, clock, instant)
            event = {
                "ticket_id": ticket.id,
                "at": instant,
                "recorded_at": recorded,
                "action": action,
                "from_state": from_state,
                "to_state": ticket.state,
                "level": ticket.level,
                "grid_id": ticket.assigned_grid_id,
                "person_id": ticket.assignee_id,
                "actor": SWEEP_ACTOR,
                "seat": seat,
                "note": note,
                "detail": "{}",
            }
            events.append(event)
            if action != "warn":
                audits.append(_audit_row(ticket, action, note, instant, recorded, seat))
        report.tickets.append(ticket.id)
    _store(session, rows, due, events, audits)
    return report


def _store(
    session,
    rows: Sequence[Sequence[Any]],
    due: list[SimpleNamespace],
    events: list[dict[str, Any]],
    audits: list[dict[str, Any]],
) -> None:
    """Write the swept tickets back, then their timeline events, the roll-up counts and the audit."""
    _write_back(session, rows, due)
    session.expire_all()  # ORM copies of swept tickets are stale now
    insert_rows(session, TicketEvent.__table__, events)
    by_id = {ticket.id: ticket for ticket in due}
    rollup.count_steps(
        session,
        (
            rollup.CountedStep(e["at"], e["action"], e["actor"], rollup.key_of(by_id[e["ticket_id"]]))
            for e in events
        ),
    )
    audit.record_rows(session, audits)


def _step(
    ticket, clock: Clock, workflow: Workflow, site_clock, instant: datetime, report: SweepReport
) -> tuple[str, str]:
    """One step of a due ticket: the next warning, an escalation, or at the top level a breach;
    returns the action and the timeline's note, and counts it in the report."""
    pending = next(p for p in (*WARNINGS, BREACHED) if p > ticket.warn_level)
    if pending < BREACHED:
        pass_warning(ticket, clock, pending)
        action = "warn"
        deadline = site_clock.text(ticket.deadline_at, SHORT)
        note = f"{LEVEL_ZH[ticket.level or 0]}时限已用 {pending}%，截止 {deadline}"
        report.warnings += 1
    elif (ticket.level or 0) > 0:
        action = "escalate"
        note = "超过办理时限，" + workflow.escalate(ticket, instant, breach=True)
        report.escalations += 1
    else:
        ticket.warn_level = BREACHED
        if ticket.overdue_since is None:
            ticket.overdue_since = instant
        action = "breach"
        note = "县级领导层级仍超时，已无更高层级，列入督办"
        report.top_breaches += 1
    return action, note


def _audit_row(
    ticket, action: str, note: str, instant: datetime, recorded: datetime, seat: str
) -> dict[str, Any]:
    """The audit entry of a sweep step that changed the ticket (warnings are only in the timeline)."""
    return {
        "at": recorded,
        "actor": SWEEP_ACTOR,
        "seat": seat,
        "action": f"ticket.{action}",
        "entity": "ticket",
        "entity_id": ticket.id,
        "detail": json.dumps(
            {"at": instant.isoformat(), "level": ticket.level, "note": note},
            ensure_ascii=False,
        ),
    }


def _write_back(session, read: Sequence[Sequence[Any]], tickets: list[SimpleNamespace]) -> None:
    """UPDATE only the columns the sweep changed, one executemany per set of changed columns, each row
    guarded by the version it was read with.

    Most due tickets only pass a warning (warn level, next instant), so most rows leave the queue
    indexes alone. If a seat moved one of these tickets meanwhile, fewer rows match: StaleDataError,
    and the caller retries the whole (idempotent) sweep.
    """
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for before, ticket in zip(read, tickets, strict=True):
        old, new = _read_written(before), _written(ticket)
        mask = tuple(map(ne, old, new))
        changed, values = tuple(compress(_WRITE, mask)), tuple(compress(new, mask))
        if not changed:  # a due ticket always moves on; still take its version
            changed, values = ("updated_at",), (ticket.updated_at,)
        groups.setdefault(changed, []).append((*values, ticket.id, ticket.version))
    expected = matched = 0
    for names, rows in groups.items():
        expected += len(rows)
        matched += update_rows(session, Ticket.__table__, names, rows)
    if matched != expected:
        raise StaleDataError(f"{expected - matched} swept ticket(s) changed meanwhile")
