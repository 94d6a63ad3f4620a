"""Who a seat starts with in "my queue" before its operator has chosen anyone."""

from __future__ import annotations

from app.tickets.models import Ticket
from app.tickets.queues import busiest_assignee
from tests.app.tickets.conftest import IN_G1, IN_G2, open_ticket


def test_a_new_seat_starts_with_the_person_who_has_most_work(desk, db):
    with db.session() as session:
        assert busiest_assignee(session) is None
    lone = open_ticket(desk, where=IN_G1)
    busy = [open_ticket(desk, where=IN_G2, category=code) for code in ("SR02", "SR03")]
    with db.session() as session:
        assignee = {ticket_id: session.get(Ticket, ticket_id).assignee_id for ticket_id in [lone, *busy]}
        chosen = busiest_assignee(session)
    assert assignee[busy[0]] == assignee[busy[1]] != assignee[lone]
    assert chosen == assignee[busy[0]]
