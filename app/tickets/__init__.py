"""Closed-loop tickets: intake, dispatch by grid, working-time limits, escalation, feedback to the resident."""

from app.tickets.categories import Category, CategoryBook, load_categories
from app.tickets.desk import TicketDesk
from app.tickets.errors import DuplicateReport, TicketConflict, TicketError, TicketNotFound, TransitionRefused
from app.tickets.intake import Intake
from app.tickets.models import Ticket, TicketEvent, TicketNotice, TicketPhoto
from app.tickets.states import Action, Queue, Satisfaction, Source, State
from app.tickets.sweep import SweepReport, sweep

__all__ = [
    "Action",
    "Category",
    "CategoryBook",
    "DuplicateReport",
    "Intake",
    "Queue",
    "Satisfaction",
    "Source",
    "State",
    "SweepReport",
    "Ticket",
    "TicketConflict",
    "TicketDesk",
    "TicketError",
    "TicketEvent",
    "TicketNotFound",
    "TicketNotice",
    "TicketPhoto",
    "TransitionRefused",
    "load_categories",
    "sweep",
]
