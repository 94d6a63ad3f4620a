"""The report's lists: tickets that went overdue or were escalated in the period, and how the period's
alarms were handled. Read from the raw rows (a period's worth is small); nothing personal is read: no
reporter, phone, text or household, only the category, the grid and the times."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState, Outcome
from app.site_clock import SiteClock, clock_in
from app.tickets.categories import CategoryBook
from app.tickets.models import Ticket, TicketEvent
from app.tickets.routing import GridBook
from app.tickets.states import LEVEL_ZH, SWEEP_ACTOR, State

LIST_LIMIT = 200  # rows per list; the report says how many more there were
_LEVEL_COLUMN = {1: Ticket.grid_l1_id, 2: Ticket.grid_l2_id, 3: Ticket.grid_l3_id}


@dataclass(frozen=True)
class TicketLine:
    ticket_id: int
    category: str
    grid: str
    state: str
    level: str
    received: str
    deadline: str
    escalations: int
    at: str  # when it went overdue / was escalated (the last time in the period)


@dataclass(frozen=True)
class TicketList:
    lines: tuple[TicketLine, ...]
    total: int


@dataclass(frozen=True)
class AlarmHandling:
    raised: int
    acknowledged: int
    handled: int
    by_outcome: dict[str, int]  # 误报 / 已解决 / 转工单 → count
    open_: int  # not handled at the time of the report


OUTCOME_ZH = {
    Outcome.FALSE_ALARM.value: "误报",
    Outcome.RESOLVED.value: "已解决",
    Outcome.TICKET.value: "转工单",
}


def ticket_list(
    session: Session,
    grids: GridBook,
    categories: CategoryBook,
    grid_id: int | None,
    bounds: tuple[datetime, datetime],
    *,
    overdue: bool,
) -> TicketList:
    """Tickets of the subtree with an overdue step (the sweep's escalation or breach) or, with
    overdue=False, any escalation in the period; the latest first."""
    events = TicketEvent.__table__
    if overdue:
        which = (events.c.action == "breach") | (
            (events.c.action == "escalate") & (events.c.actor == SWEEP_ACTOR)
        )
    else:
        which = events.c.action == "escalate"
    latest = (
        select(events.c.ticket_id, func.max(events.c.at).label("at"))
        .where(which, events.c.at >= bounds[0], events.c.at < bounds[1])
        .group_by(events.c.ticket_id)
        .subquery()
    )
    query = select(Ticket, latest.c.at).join(latest, latest.c.ticket_id == Ticket.id)
    if grid_id is not None:
        query = query.where(_LEVEL_COLUMN[grids.grids[grid_id].level] == grid_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(query.order_by(latest.c.at.desc(), Ticket.id).limit(LIST_LIMIT)).all()
    clock = clock_in(session)
    return TicketList(tuple(_line(t, at, grids, categories, clock) for t, at in rows), total)


def _line(
    ticket: Ticket, at: datetime, grids: GridBook, categories: CategoryBook, clock: SiteClock
) -> TicketLine:
    category = categories.categories.get(ticket.category_code)
    return TicketLine(
        ticket.id,
        category.path if category else ticket.category_code,
        grids.name(ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id),
        State(ticket.state).zh,
        LEVEL_ZH.get(ticket.level if ticket.level is not None else 3, ""),
        _minute(ticket.created_at, clock),
        _minute(ticket.deadline_at, clock),
        ticket.escalation_count,
        _minute(at, clock),
    )


def _minute(moment: datetime | None, clock: SiteClock) -> str:
    """Month, day and minute in the site's time: the report's title gives the year."""
    text = clock.iso(moment)
    return "—" if text is None else text[5:16].replace("T", " ")


def alarm_handling(
    session: Session, subtree: Collection[int] | None, bounds: tuple[datetime, datetime]
) -> AlarmHandling:
    """How the alarms raised in the period stand now."""
    query = select(Alarm.state, Alarm.outcome, Alarm.acknowledged_at.is_not(None), func.count()).where(
        Alarm.raised_at >= bounds[0], Alarm.raised_at < bounds[1]
    )
    if subtree is not None:
        query = query.where(Alarm.grid_id.in_(sorted(subtree)))
    raised = acknowledged = handled = 0
    by_outcome: dict[str, int] = {}
    for state, outcome, was_acked, n in session.execute(
        query.group_by(Alarm.state, Alarm.outcome, Alarm.acknowledged_at.is_not(None))
    ):
        raised += n
        acknowledged += n if was_acked else 0
        if state == AlarmState.HANDLED:
            handled += n
            label = OUTCOME_ZH.get(outcome or "", outcome or "—")
            by_outcome[label] = by_outcome.get(label, 0) + n
    return AlarmHandling(raised, acknowledged, handled, by_outcome, raised - handled)
