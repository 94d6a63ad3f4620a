"""A ticket as the seat sees it: state, level, grid chain, assignee, deadline and the timeline.

The reporter's phone (a resident's personal data) is masked, in the reporter block and in the
timeline's merge entries, unless the caller asks for it whole (`full`, after `require_reveal`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access.people_names import person_names
from app.config import Seat
from app.privacy.policy import require_reveal
from app.roster.masking import mask_phone
from app.site_clock import clock_in
from app.tickets.categories import CategoryBook
from app.tickets.errors import TicketNotFound
from app.tickets.models import Ticket, TicketEvent, TicketPhoto
from app.tickets.routing import GridBook, LeaderBook
from app.tickets.states import ACTION_ZH, LEVEL_ZH, Source, State


def describe_ticket(
    session: Session,
    ticket_id: int,
    categories: CategoryBook,
    grids: GridBook,
    leaders: LeaderBook,
    *,
    full: bool = False,
) -> dict[str, Any]:
    ticket = session.get(Ticket, ticket_id, populate_existing=True)
    iso = clock_in(session).iso
    if ticket is None:
        raise TicketNotFound(ticket_id)
    chain = grids.chain(ticket.grid_l4_id or ticket.grid_l3_id or ticket.grid_l2_id or ticket.grid_l1_id)
    phone = (lambda number: number) if full else mask_phone
    return {
        "revealed": full,
        "id": ticket.id,
        "version": ticket.version,
        "state": ticket.state,
        "state_zh": State(ticket.state).zh,
        "queue": ticket.queue,
        "category": _category(ticket, categories),
        "source": ticket.source,
        "source_zh": Source(ticket.source).zh,
        "text": ticket.text,
        "reporter": {"name": ticket.reporter_name, "phone": phone(ticket.reporter_phone) or None},
        "place": {
            "lon": ticket.lon,
            "lat": ticket.lat,
            "address": ticket.address,
            "household_id": ticket.household_id,
            "building_id": ticket.building_id,
        },
        "level": ticket.level,
        "level_zh": LEVEL_ZH.get(ticket.level) if ticket.level is not None else None,
        "grid_chain": _grid_chain(chain, leaders),
        "assigned_grid": grids.name(ticket.assigned_grid_id) if ticket.assigned_grid_id else None,
        "assignee": _assignee(ticket.assignee_id, leaders),
        "created_at": iso(ticket.created_at),
        "deadline": iso(ticket.deadline_at),
        "next_due": iso(ticket.next_due_at),
        "level_started_at": iso(ticket.level_started_at),
        "overdue_since": iso(ticket.overdue_since),
        "warn_level": ticket.warn_level,
        "escalations": ticket.escalation_count,
        "reworks": ticket.rework_count,
        "extensions": ticket.extension_count,
        "reports": ticket.report_count,
        "pending_request": ticket.pending_request,
        "result": ticket.result,
        "satisfaction": ticket.satisfaction,
        "timeline": _timeline(session, ticket_id, iso, phone),
        "photos": _photos(session, ticket_id),
    }


def _category(ticket: Ticket, categories: CategoryBook) -> dict[str, Any]:
    """The ticket's category by code, name and path (its code alone when the book no longer has it)."""
    category = categories.categories.get(ticket.category_code)
    return {
        "code": ticket.category_code,
        "name": category.name if category else ticket.category_code,
        "path": category.path if category else ticket.category_code,
        "case_type": category.case_type.value if category else None,
    }


def _assignee(person_id: int | None, leaders: LeaderBook) -> dict[str, Any] | None:
    """Who handles the ticket, with the phone to reach them (None while nobody does)."""
    if not person_id:
        return None
    return {"id": person_id, "name": leaders.name(person_id), "phone": leaders.phones.get(person_id)}


def _grid_chain(chain: dict, leaders: LeaderBook) -> list[dict[str, Any]]:
    """The ticket's grids from the top down, each with its leader."""
    return [
        {
            "level": level,
            "code": info.code,
            "name": info.name,
            "leader": leaders.name(leaders.leaders.get(info.id)),
        }
        for level, info in sorted(chain.items())
    ]


def _timeline(
    session: Session, ticket_id: int, iso: Callable, phone: Callable[[str | None], str | None]
) -> list[dict[str, Any]]:
    """Every event of the ticket, oldest first, with the reporter's phone as `phone` shows it."""
    events = session.scalars(
        select(TicketEvent).where(TicketEvent.ticket_id == ticket_id).order_by(TicketEvent.at, TicketEvent.id)
    ).all()
    names = person_names(session, {e.actor for e in events})  # the timeline names people, not accounts
    return [
        {
            "at": iso(e.at),
            "recorded_at": iso(e.recorded_at),
            "action": e.action,
            "action_zh": ACTION_NAMES.get(e.action, e.action),
            "from": e.from_state,
            "to": e.to_state,
            "level": e.level,
            "note": e.note,
            "actor": e.actor,
            "actor_name": names.get(e.actor, e.actor),
            "seat": e.seat,
            "detail": _detail(e.detail, phone),
        }
        for e in events
    ]


def _photos(session: Session, ticket_id: int) -> list[dict[str, Any]]:
    """The ticket's photos as stored (the bytes stay in the store)."""
    photos = session.execute(
        select(
            TicketPhoto.id, TicketPhoto.stage, TicketPhoto.filename, TicketPhoto.sha256, TicketPhoto.size
        ).where(TicketPhoto.ticket_id == ticket_id)
    )
    return [
        {"id": p.id, "stage": p.stage, "filename": p.filename, "sha256": p.sha256, "size": p.size}
        for p in photos
    ]


def _detail(text: str | None, phone: Callable[[str | None], str | None]) -> dict[str, Any]:
    """An event's detail, with a merged reporter's phone shown as the reporter block shows it."""
    detail = json.loads(text or "{}")
    if detail.get("phone"):
        detail["phone"] = phone(detail["phone"])
    return detail


def reveal_ticket(
    session: Session,
    seat: Seat,
    ticket_id: int,
    books: tuple[CategoryBook, GridBook, LeaderBook],
    reason: str | None,
) -> dict[str, Any]:
    """The ticket with the reporter's phone whole: refused (RevealRefused) without a reason or the
    seat's permission, audited in `session`'s transaction."""
    why = require_reveal(seat, reason)
    ticket = describe_ticket(session, ticket_id, *books, full=True)
    audit.record(session, seat, "reveal_personal_data", "ticket", ticket_id, fields=["phone"], reason=why)
    return ticket


ACTION_NAMES = {a.value: zh for a, zh in ACTION_ZH.items()} | {
    "accept": "受理",
    "merge": "合并",
    "warn": "预警",
    "breach": "超时",
}
