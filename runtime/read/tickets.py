"""What the ticket dock shows: the queues, a ticket with its timeline, the statistics, the grids and
leaders its filters name, and the intake's place lookups.

Every call opens and closes its own session and hands back plain values; the dock runs them on its
worker. The queries themselves stay in `app.tickets` (queues, view, kpi, places), shared with the CLI.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from app.context import SiteContext
from app.site_clock import SiteClock
from app.store.base import utcnow
from app.tickets.categories import CategoryBook, load_categories
from app.tickets.kpi import kpis
from app.tickets.locating import GridLocator
from app.tickets.places import BuildingHit, find_buildings
from app.tickets.queues import QueueFilter, QueueKind, busiest_assignee, count, fetch_page
from app.tickets.routing import GridBook, GridInfo, LeaderBook
from app.tickets.view import describe_ticket, reveal_ticket
from app.tickets.visibility import refuse_outside_scope
from runtime.clip_library import list_clips
from runtime.read.resident_search import SearchQuery, search_residents
from runtime.read.seat_scope import scoped_grid_id, seat_scope

__all__ = [
    "BuildingHit",
    "HouseholdHit",
    "QueueFilter",
    "QueueKind",
    "QueueRow",
    "TicketDirectory",
    "TicketReads",
]


@dataclass(frozen=True)
class QueueRow:
    """One line of a queue, as `app.tickets.queues.ROW_COLUMNS` selects it (naive UTC instants)."""

    id: int
    version: int
    state: str
    queue: str
    category_code: str
    source: str
    text: str
    address: str | None
    level: int | None
    assigned_grid_id: int | None
    assignee_id: int | None
    created_at: datetime
    level_started_at: datetime | None
    deadline_at: datetime | None
    warn_level: int
    overdue_since: datetime | None
    escalation_count: int
    rework_count: int
    pending_request: str | None
    reporter_name: str | None


@dataclass(frozen=True)
class HouseholdHit:
    """A household found for the intake, named by its first matching resident; phone and ID masked."""

    household_id: int
    name: str
    phone_masked: str
    id_masked: str
    address: str


@dataclass(frozen=True)
class TicketDirectory:
    """The categories, grids and leaders the dock names tickets by; read once per site."""

    categories: CategoryBook
    grids: GridBook
    leaders: LeaderBook

    def grids_down_to(self, level: int) -> tuple[GridInfo, ...]:
        """The grids of levels 1..`level`, in tree order of level then code, for the scope filters."""
        shown = (g for g in self.grids.grids.values() if g.level <= level)
        return tuple(sorted(shown, key=lambda g: (g.level, g.code)))


class TicketReads:
    """The ticket dock's reads for one site."""

    def __init__(self, site: SiteContext, categories: CategoryBook | None = None) -> None:
        self.site = site
        self.categories = categories or load_categories()
        self._directory: TicketDirectory | None = None
        self._directory_lock = threading.Lock()

    @property
    def clock(self) -> SiteClock:
        """The site's clock: every time these views show is in the site's zone."""
        return self.site.clock

    def directory(self) -> TicketDirectory:
        """Grids and leaders, read on first use (~1,000 grids, a few thousand duties) and kept."""
        with self._directory_lock:
            if self._directory is None:
                with self.site.db.session() as session:
                    grids, leaders = GridBook.load(session), LeaderBook.load(session)
                self._directory = TicketDirectory(self.categories, grids, leaders)
            return self._directory

    def grid_locator(self) -> GridLocator:
        """Point → deepest grid, for the desk's dispatch (the whole grid tree, read once)."""
        with self.site.db.session() as session:
            return GridLocator.load(session)

    def now(self) -> datetime:
        """The instant the queue's countdowns count from, in the store's naive UTC."""
        return utcnow()

    # --- queues ----------------------------------------------------------------------------------

    def _scoped(self, flt: QueueFilter) -> QueueFilter:
        """The filter narrowed to the signed-in user's grid subtree (a grid worker), whatever the view
        asked for: the scope is the core's, so no view can widen it."""
        user = self.site.seat.user
        return replace(flt, within_grid=user.grid_id if user and user.grid_scope is not None else None)

    def first_page(self, flt: QueueFilter, limit: int) -> tuple[tuple[QueueRow, ...], int]:
        """The first rows of a queue and how many it holds, in one session."""
        flt = self._scoped(flt)
        with self.site.db.session() as session:
            rows = fetch_page(session, flt, 0, limit)
            return tuple(QueueRow(**row._mapping) for row in rows), count(session, flt)

    def page(self, flt: QueueFilter, offset: int, limit: int) -> tuple[QueueRow, ...]:
        """The rows of a queue from `offset` on, as the view scrolls."""
        flt = self._scoped(flt)
        with self.site.db.session() as session:
            return tuple(QueueRow(**row._mapping) for row in fetch_page(session, flt, offset, limit))

    def busiest_assignee(self) -> int | None:
        """The person with most work in their own queue: where a seat with no operator chosen starts."""
        with self.site.db.session() as session:
            return busiest_assignee(session)

    # --- one ticket ------------------------------------------------------------------------------

    def ticket(self, ticket_id: int) -> dict[str, Any]:
        """The ticket as the detail pane shows it, with its timeline; TicketNotFound if it is gone."""
        directory = self.directory()
        with self.site.db.session() as session:
            refuse_outside_scope(session, self.site.seat, ticket_id)
            ticket = describe_ticket(session, ticket_id, self.categories, directory.grids, directory.leaders)
        return self._with_clips(ticket)

    def reveal(self, ticket_id: int, reason: str) -> dict[str, Any]:
        """The ticket with the reporter's phone whole, for ringing them back: audited with `reason`."""
        directory = self.directory()
        books = (self.categories, directory.grids, directory.leaders)
        with self.site.db.session() as session:
            refuse_outside_scope(session, self.site.seat, ticket_id)
            ticket = reveal_ticket(session, self.site.seat, ticket_id, books, reason)
        return self._with_clips(ticket)

    def _with_clips(self, ticket: dict[str, Any]) -> dict[str, Any]:
        """The ticket with its video clips (its own and its alarms'), each placed on the timeline at
        its event's time (the site's zone, as the timeline's)."""
        clock = self.site.clock
        ticket["clips"] = [
            {
                "id": line.id,
                "camera": line.camera_name,
                "at": clock.iso(line.event_at),
                "seconds": line.duration_s,
            }
            for line in list_clips(self.site.db, ticket_id=ticket["id"])
        ]
        return ticket

    # --- statistics ------------------------------------------------------------------------------

    def figures(self, first_day: date, last_day: date, grid_id: int | None = None) -> dict[str, Any]:
        """The rates and closure figures for tickets filed from `first_day` through `last_day`
        (site days, both included), for the whole site or one grid's subtree (a grid worker's: their own
        subtree whatever grid is asked)."""
        grid_id = scoped_grid_id(self.site, grid_id)
        clock = self.site.clock
        start = clock.day_start(first_day)
        end = clock.day_start(last_day + timedelta(days=1))
        grids = self.directory().grids
        with self.site.db.session() as session:
            return kpis(session, self.categories, grids, start=start, end=end, grid_id=grid_id)

    # --- the intake's place lookups --------------------------------------------------------------

    def find_households(self, text: str, residents: int = 30) -> tuple[HouseholdHit, ...]:
        """Households with a resident matching `text` (name, address, phone or ID tail), among the
        first `residents` matching residents; one hit per household, named by its first match."""
        with self.site.db.session() as session:
            rows = search_residents(session, SearchQuery(text, within=seat_scope(self.site)), limit=residents)
        hits: dict[int, HouseholdHit] = {}
        for row in rows:
            if row.household_id not in hits:
                hits[row.household_id] = HouseholdHit(
                    row.household_id, row.name, row.phone_masked, row.id_masked, row.address
                )
        return tuple(hits.values())

    def find_buildings(self, text: str, limit: int = 30) -> tuple[BuildingHit, ...]:
        """Buildings whose address or name contains every term, by address."""
        with self.site.db.session() as session:
            return tuple(find_buildings(session, text, limit, within=seat_scope(self.site)))
