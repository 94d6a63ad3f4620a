"""Writing one step of a ticket's life: its timeline row, its roll-up count and its audit entry in the
same unit of work; and a photo row with its checksum."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy.orm import Session

from app import audit
from app.config import Seat
from app.rollups import tickets as rollup  # the module: it imports app.tickets' tables itself
from app.tickets.intake import Actor
from app.tickets.models import Ticket, TicketEvent, TicketPhoto
from app.tickets.workflow import Step


def record_step(
    session: Session, seat: Seat, ticket: Ticket, step: Step, actor: Actor, now: datetime
) -> None:
    """The step on the timeline, counted in the roll-ups, and in the audit log (as `seat`)."""
    session.add(
        TicketEvent(
            ticket_id=ticket.id,
            at=step.at,
            recorded_at=now,
            action=step.action,
            from_state=step.from_state,
            to_state=step.to_state,
            level=step.level,
            grid_id=step.grid_id,
            person_id=step.person_id,
            actor=actor.name,
            seat=actor.seat,
            note=step.note,
            detail=json.dumps(step.detail, ensure_ascii=False, default=str),
        )
    )
    rollup.count_steps(session, [rollup.CountedStep(step.at, step.action, actor.name, rollup.key_of(ticket))])
    audit.record(
        session,
        seat,
        f"ticket.{step.action}",
        "ticket",
        ticket.id,
        **{"from": step.from_state, "to": step.to_state, "at": step.at, "note": step.note, **step.detail},
    )


def photo_row(ticket_id: int, stage: str, name: str, data: bytes, at: datetime) -> TicketPhoto:
    return TicketPhoto(
        ticket_id=ticket_id,
        stage=stage,
        filename=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        data=data,
        added_at=at,
    )
