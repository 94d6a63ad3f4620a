"""The read models of one site, one per area, built on first use and shared by every view of a seat.

Views hold a `ReadModels` (through the shell context) and ask it; they never open a session.
"""

from __future__ import annotations

from functools import cached_property

from app.context import SiteContext
from runtime.read.alarm_places import AlarmPlaces


class ReadModels:
    """Every area's reader for one site; an area's reader is built the first time a view asks for it."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site

    @cached_property
    def alarm_places(self) -> AlarmPlaces:
        """Where alarms are (address, device, grids): the kiosk wall's alarm overlay."""
        return AlarmPlaces(self.site)
