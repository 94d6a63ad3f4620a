"""The ticket desk: every way a seat opens and moves tickets, as units of work with audit and locking.

Optimistic locking: the ticket row carries a version. A seat passes the version it was looking at;
if another seat moved the ticket first, the action is refused with the fresh state (TicketConflict).
The UPDATE itself also checks the version, so two seats racing inside the same instant cannot both
win either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.rollups import tickets as rollup  # the module: it imports app.tickets' tables itself
from app.site_clock import clock_in
from app.store.base import utcnow
from app.tickets import notices
from app.tickets.acting import acting
from app.tickets.desk_intake import IntakeDesk
from app.tickets.desk_steps import photo_row, record_step
from app.tickets.errors import TicketConflict, TicketError, TicketNotFound, TransitionRefused
from app.tickets.models import Ticket, TicketPhoto
from app.tickets.states import Action
from app.tickets.time_guard import check_action_time, last_event_at
from app.tickets.view import describe_ticket, reveal_ticket
from app.tickets.visibility import refuse_outside_scope
from app.tickets.workflow import Workflow

__all__ = ["TicketDesk", "photo_row"]


class _VersionMoved(Exception):
    pass


class TicketDesk(IntakeDesk):
    """Opens (`IntakeDesk`), moves and describes tickets for one seat."""

    # --- actions ---------------------------------------------------------------------------------

    def act(
        self,
        ticket_id: int,
        action: Action | str,
        *,
        at: datetime | None = None,
        expected_version: int | None = None,
        actor_id: int | None = None,
        photos: Sequence[tuple[str, bytes]] = (),
        **params: Any,
    ) -> dict[str, Any]:
        """Apply one action and return the ticket as it now is (see `describe`)."""
        try:
            action = Action(action)
        except ValueError:
            known = ", ".join(a.value for a in Action)
            raise TransitionRefused(f"未知操作 unknown action {action!r}; known: {known}") from None
        now = utcnow()
        given_at, at = at, at or now
        try:
            with self.db.session() as session:
                ticket = session.get(Ticket, ticket_id)
                if ticket is None:
                    raise TicketNotFound(ticket_id)
                if given_at is not None and not self.simulation:
                    check_action_time(given_at, last_event_at(session, ticket_id), now, clock_in(session))
                if expected_version is not None and ticket.version != expected_version:
                    raise _VersionMoved
                actor = acting(session, self.seat, actor_id, grid_id=ticket.assigned_grid_id)
                workflow = self.workflow(session)
                if action == Action.HANDLE:
                    params["photos"] = len(photos)
                counted_as = rollup.key_of(ticket)  # a re-dispatch may move it to another key
                step = workflow.apply(ticket, action, at, actor, params)
                rollup.move_ticket(session, ticket.id, counted_as, rollup.key_of(ticket))
                for name, data in photos:
                    session.add(photo_row(ticket.id, "handled", name, data, now))
                record_step(session, self.seat, ticket, step, actor, now)
                if action == Action.CLOSE:
                    self._send_notice(session, workflow, ticket, at)
                session.flush()
        except (_VersionMoved, StaleDataError):
            raise TicketConflict(ticket_id, self.describe(ticket_id)) from None
        self._publish((ticket_id,), action.value)
        return self.describe(ticket_id)

    def _send_notice(self, session: Session, workflow: Workflow, ticket: Ticket, at: datetime) -> None:
        from app.tickets.states import LEVEL_ZH

        facts = notices.NoticeFacts(
            ticket,
            workflow.category(ticket).path,
            workflow.grids.name(ticket.assigned_grid_id),
            workflow.leaders.name(ticket.assignee_id),
            LEVEL_ZH.get(ticket.level if ticket.level is not None else 3, ""),
            clock_in(session),
        )
        notices.send(session, facts, notices.compose(notices.load_template(), facts), at, self.channels)

    # --- reading ---------------------------------------------------------------------------------

    def describe(self, ticket_id: int, *, reveal_reason: str | None = None) -> dict[str, Any]:
        """The ticket with the reporter's phone masked; whole with a reason (`reveal_ticket`); a ticket
        outside a grid worker's subtree is not found."""
        with self.db.session() as session:
            refuse_outside_scope(session, self.seat, ticket_id)
            grids, leaders = self.directory(session)
            if reveal_reason is not None:
                return reveal_ticket(
                    session, self.seat, ticket_id, (self.book(session), grids, leaders), reveal_reason
                )
            return describe_ticket(session, ticket_id, self.book(session), grids, leaders)

    def photo(self, photo_id: int) -> tuple[str, bytes]:
        """A stored photo, refused if its bytes no longer match the checksum taken at intake."""
        with self.db.session() as session:
            photo = session.get(TicketPhoto, photo_id)
            if photo is not None:
                try:
                    refuse_outside_scope(session, self.seat, photo.ticket_id)
                except TicketNotFound:
                    photo = None  # another grid's photo: as if it were not there
            if photo is None:
                raise TicketError(f"照片 {photo_id} 不存在 photo does not exist")
            if hashlib.sha256(photo.data).hexdigest() != photo.sha256:
                raise TicketError(
                    f"照片 {photo_id} 校验失败，文件已损坏 checksum mismatch: the photo is damaged"
                )
            return photo.filename, photo.data
