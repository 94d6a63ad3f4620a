"""Demo tickets come out in every state, with timelines the real rules produced."""

from __future__ import annotations

from sqlalchemy import func, select

from app.tickets.categories import load_categories
from app.tickets.demo import seed_demo_tickets
from app.tickets.demo_texts import TEXTS
from app.tickets.models import Ticket, TicketEvent
from app.tickets.states import State
from tests.app.tickets.conftest import at


def test_demo_tickets_cover_every_state(db, site):
    assert seed_demo_tickets(db, None, seed=3, count=240, now=at("2026-11-27T15:00")) == 240
    with db.session() as session:
        states = dict(session.execute(select(Ticket.state, func.count()).group_by(Ticket.state)).all())
        escalated = session.scalar(select(func.count()).where(Ticket.escalation_count > 0))
        reworked = session.scalar(select(func.count()).where(Ticket.rework_count > 0))
        events = session.scalar(select(func.count(TicketEvent.id)))
    assert set(states) == {s.value for s in State} - {State.ACCEPTED.value}
    assert escalated > 0 and reworked > 0 and events > 240 * 3


def test_demo_is_deterministic_for_a_seed(db, site):
    seed_demo_tickets(db, None, seed=5, count=40, now=at("2026-11-27T15:00"))
    with db.session() as session:
        first = session.execute(select(Ticket.category_code, Ticket.state).order_by(Ticket.id)).all()
        session.execute(Ticket.__table__.delete())
    seed_demo_tickets(db, None, seed=5, count=40, now=at("2026-11-27T15:00"))
    with db.session() as session:
        assert session.execute(select(Ticket.category_code, Ticket.state).order_by(Ticket.id)).all() == first


def test_every_shipped_category_has_words_of_its_own():
    """A text identifies its category: none is shared, and every category of the catalogue has some."""
    book = load_categories()
    assert {c.code for c in book} == set(TEXTS)
    texts = [text for requests, _result in TEXTS.values() for text in requests]
    assert len(texts) == len(set(texts))
    assert "物业对单元门禁故障一直不修" in TEXTS["BM04"][0]  # 物业服务, not 社保医保咨询
