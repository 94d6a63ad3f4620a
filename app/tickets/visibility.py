"""Which tickets a seat may see: a grid worker only those filed in their grid subtree (a ticket carries
its grid at every level, so "in the subtree" is one column test, `queues.in_subtree`). A ticket outside
is refused as if it did not exist, so a number typed by hand tells nothing about another grid."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import Seat
from app.tickets.errors import TicketNotFound
from app.tickets.models import Ticket
from app.tickets.queues import in_subtree


def refuse_outside_scope(session: Session, seat: Seat, ticket_id: int) -> None:
    """TicketNotFound when the seat's user is a grid worker and the ticket lies outside their subtree."""
    user = seat.user
    if user is None or user.grid_scope is None or user.grid_id is None:
        return
    if session.scalar(select(Ticket.id).where(Ticket.id == ticket_id, in_subtree(user.grid_id))) is None:
        raise TicketNotFound(ticket_id)
