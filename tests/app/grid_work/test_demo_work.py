"""The demo site carries a plausible history of the grid's work: visits that met people, findings,
home-visit tickets linked to the visit that found them, a counted vote and one still open."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app.grid_work.meeting_list import list_meetings
from app.grid_work.vote_reads import list_votes
from app.grid_work.work_stats import work_stats
from app.models import Visit, VisitFinding
from app.store.base import utcnow
from app.tickets.models import Ticket


def test_the_demo_has_visits_findings_and_votes(demo_db):
    with demo_db.session() as session:
        assert session.scalar(select(func.min(Visit.people_met))) >= 1
        linked = session.execute(
            select(Ticket.source, Ticket.household_id, Visit.household_id)
            .join(VisitFinding, VisitFinding.ticket_id == Ticket.id)
            .join(Visit, Visit.id == VisitFinding.visit_id)
        ).all()
        home_visit_tickets = session.scalar(
            select(func.count()).where(Ticket.source == "home_visit", Ticket.household_id.is_not(None))
        )
        assert len(linked) == home_visit_tickets > 0
        assert all(
            source == "home_visit" and ticket_home == visit_home for source, ticket_home, visit_home in linked
        )
        votes = list_votes(session)
        closed = [v for v in votes if v.closed_at is not None]
        assert len(votes) == 2 and len(closed) == 1
        assert closed[0].result["ballots"] == closed[0].ballots > 0
        meetings = list_meetings(session, None)
        assert meetings and all(m.present for m in meetings)
        month = work_stats(session, None, utcnow() - timedelta(days=30), utcnow())
        assert month.households_visited > 500 and month.findings > 10 and month.votes_held == 1
        assert month.volunteer_activities > 0 and month.volunteer_hours > 0
