"""Who acts on a ticket: the seat's signed-in user, checked against the permission table."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.access import Permission
from app.config import Seat
from app.models import Person
from app.tickets.errors import TransitionRefused, refuse_unless
from app.tickets.intake import Actor


def acting(
    session: Session,
    seat: Seat,
    person_id: int | None,
    permission: Permission = Permission.ACT_ON_TICKETS,
    grid_id: int | None = None,
) -> Actor:
    """The signed-in user (`permission` in `grid_id`), acting as themselves or, with RECORD_FOR_OTHERS,
    recording what staff member `person_id` decided (a leader's approval given by phone). The timeline
    and the audit name the signed-in user; the person is the approver. A seat without a user is the
    local system (the sweep, the alarm policy, imports)."""
    user = seat.user
    if user is not None:
        refuse_unless(user, permission, grid_id)
        if person_id is not None and person_id != user.person_id:
            refuse_unless(user, Permission.RECORD_FOR_OTHERS)
        person_id = user.person_id if person_id is None else person_id
    if person_id is not None and session.get(Person, person_id) is None:
        raise TransitionRefused(f"人员 {person_id} 不存在 person does not exist")
    return Actor(seat.operator, seat.label, person_id)
