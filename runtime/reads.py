"""The read models of one site, one per area, built on first use and shared by every view of a seat.

Views hold a `ReadModels` (through the shell context) and ask it; they never open a session.
"""

from __future__ import annotations

from functools import cached_property

from app.context import SiteContext
from runtime.read.grid_chain import GridChains
from runtime.read.household import Households


class ReadModels:
    """Every area's reader for one site; an area's reader is built the first time a view asks for it."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    @cached_property
    def grid_chains(self) -> GridChains:
        """A grid's chain up to the street and who is on duty in it."""
        return GridChains(self.site)

    @cached_property
    def households(self) -> Households:
        """The roster search, the household card (roster and alarm popup) and household addresses."""
        return Households(self.site, self.grid_chains)
