"""The list behind one day of the ticket chart: every ticket received (受理) that site day in a subtree, as
the chart's "received" line counts it — number, time, category, grid and state; nothing of the reporter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.context import SiteContext
from app.site_clock import clock_in
from app.tickets.categories import CategoryBook
from app.tickets.models import Ticket, TicketEvent
from app.tickets.queues import in_subtree
from app.tickets.routing import GridBook
from app.tickets.states import State
from runtime.read.seat_scope import scoped_grid_code


@dataclass(frozen=True)
class TicketOfDay:
    id: int
    received_at: datetime  # UTC, as stored
    category: str
    grid: str
    state: str  # Chinese, as State.zh (the view translates it)


def tickets_received_on(
    site: SiteContext, categories: CategoryBook, day: date, grid_code: str | None = None
) -> list[TicketOfDay]:
    """The tickets accepted on the site day `day`, in the subtree of `grid_code` (a grid worker's own
    subtree whatever is asked), oldest first."""
    with site.db.session() as session:
        clock = clock_in(session)
        grid_code = scoped_grid_code(site, session, grid_code)
        book = GridBook.load(session)
        query = (
            select(Ticket.id, TicketEvent.at, Ticket.category_code, Ticket.assigned_grid_id, Ticket.state)
            .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
            .where(
                TicketEvent.action == "accept",
                TicketEvent.at >= clock.day_start(day),
                TicketEvent.at < clock.day_start(day + timedelta(days=1)),
            )
        )
        grid = book.by_code.get(grid_code) if grid_code else None
        if grid is not None:
            query = query.where(in_subtree(grid.id))
        rows = session.execute(query.order_by(TicketEvent.at, Ticket.id)).all()
    return [
        TicketOfDay(
            id=ticket_id,
            received_at=at,
            category=categories.categories[code].name if code in categories.categories else code,
            grid=book.name(grid_id),
            state=State(state).zh,
        )
        for ticket_id, at, code, grid_id, state in rows
    ]
