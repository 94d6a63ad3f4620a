"""The grid chain the views show (level 1 down to a micro-grid) and the people on duty in a grid.

Read from one GridTree per site kept in memory, so a card or a popup names the chain without a
query per grid. The chain itself is `alarms.grid_chain` (escalation reads the same from the store).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sqlalchemy.orm import Session

from alarms.grid_chain import ChainLink, Contact, chain_from_tree
from app.context import SiteContext
from app.events import Change, Topic
from app.grid_tree import GridTree

TREE_MAX_AGE_S = 300.0  # duties have no change topic: a new one shows on cards within five minutes

__all__ = ["TREE_MAX_AGE_S", "ChainLink", "Contact", "GridChains"]


class GridChains:
    """Chains and contacts of any grid, from the site's grid tree (read again after a grid import,
    or when older than `max_age_s`)."""

    def __init__(
        self,
        site: SiteContext,
        max_age_s: float = TREE_MAX_AGE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._db = site.db
        self._max_age_s = max_age_s
        self._clock = clock
        self._lock = threading.Lock()  # readers run on worker threads and on the GUI thread
        self._tree: GridTree | None = None
        self._loaded_at = 0.0
        site.hub.subscribe(Topic.GRID, self._grids_changed)

    def chain(self, grid_id: int | None) -> tuple[ChainLink, ...]:
        """The grid and the grids above it, level 1 first, each with its contacts; empty when unknown."""
        return chain_from_tree(self.tree(), grid_id)

    def contacts(self, grid_id: int) -> tuple[Contact, ...]:
        """Who is on duty in this grid to call: the leader, the backing leader, police, grid workers."""
        chain = self.chain(grid_id)
        return chain[-1].contacts if chain else ()

    def tree(self, session: Session | None = None) -> GridTree:
        """The site's grid tree, read with `session` (or a session of its own) when stale."""
        with self._lock:
            if self._tree is None or self._clock() - self._loaded_at > self._max_age_s:
                if session is not None:
                    self._tree = GridTree.load(session)
                else:
                    with self._db.sessions() as own:
                        self._tree = GridTree.load(own)
                self._loaded_at = self._clock()
            return self._tree

    def _grids_changed(self, _change: Change) -> None:
        with self._lock:
            self._tree = None
