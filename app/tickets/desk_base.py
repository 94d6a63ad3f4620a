"""What every part of the ticket desk shares: the site's store, the seat, the hub it announces on, and the
books it reads in each unit of work (grids and leaders, the categories with the site's own limits, the
working-time clocks in the site's zone)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from app.config import Seat
from app.events import Change, EventHub, TicketChanged, Topic
from app.site_clock import clock_in
from app.store import Database
from app.tickets import notices
from app.tickets.categories import CategoryBook, load_categories
from app.tickets.clock import Clocks
from app.tickets.routing import GridBook, LeaderBook, PointLocator
from app.tickets.site_limits import apply_overrides, read_overrides
from app.tickets.workflow import Workflow


class DeskBase:
    """The desk's shared state and books; `TicketDesk` is what callers build."""

    def __init__(
        self,
        db: Database,
        *,
        seat: Seat | None = None,
        hub: EventHub | None = None,
        categories: CategoryBook | None = None,
        clocks: Clocks | None = None,
        locate: PointLocator | None = None,
        channels: Sequence[notices.Channel] = notices.DEFAULT_CHANNELS,
        simulation: bool = False,
    ) -> None:
        self.db = db
        # True only on a simulation copy (`--simulate`): actions may then be stamped at any time.
        self.simulation = simulation
        self.seat = seat or Seat()
        self.hub = hub
        self.categories = categories or load_categories()  # the file's; sessions apply the site's limits
        self._site_book: tuple[dict, CategoryBook] | None = None
        self._given_clocks = clocks
        self._zone_clocks: dict[str, Clocks] = {}  # per site zone: a calendar keeps its workday tables
        self.locate = locate
        self.channels = tuple(channels)
        self._directory: tuple[GridBook, LeaderBook] | None = None

    # --- the directory of grids and leaders ------------------------------------------------------

    def directory(self, session: Session) -> tuple[GridBook, LeaderBook]:
        """Grids and leaders, read once; call `reload_directory()` when the grid tree or duties change."""
        if self._directory is None:
            self._directory = (GridBook.load(session), LeaderBook.load(session))
        return self._directory

    def reload_directory(self) -> None:
        self._directory = None

    def book(self, session: Session) -> CategoryBook:
        """The categories with the site's own time limits (设置 → 工单分类与时限), read in `session`, so
        a limit changed at any seat counts from the next ticket on."""
        overrides = read_overrides(session)
        if self._site_book is None or self._site_book[0] != overrides:
            self._site_book = (overrides, apply_overrides(self.categories, overrides))
        return self._site_book[1]

    def clocks(self, session: Session) -> Clocks:
        """Working time in the site's time zone (its setting, read in `session`), unless given."""
        if self._given_clocks is not None:
            return self._given_clocks
        zone = clock_in(session).zone
        if zone.key not in self._zone_clocks:
            self._zone_clocks[zone.key] = Clocks.in_zone(zone)
        return self._zone_clocks[zone.key]

    def workflow(self, session: Session) -> Workflow:
        grids, leaders = self.directory(session)
        return Workflow(self.book(session), self.clocks(session), grids, leaders)

    def _publish(self, ids: tuple[int, ...], what: str) -> None:
        if self.hub is not None:
            self.hub.publish(Change(Topic.TICKET, ids, TicketChanged(what)))
