"""What a running site hands to every part: the store, the change hub, this seat's identity and the
site's clock.

Passed in explicitly (no singletons), so tests and the headless hub build their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.config import Seat
from app.events import EventHub
from app.site_clock import SiteClock, load_clock
from app.site_settings import SiteProfile, load_profile
from app.store import Database


@dataclass
class SiteContext:
    db: Database
    hub: EventHub = field(default_factory=EventHub)
    seat: Seat = field(default_factory=Seat)
    _clock: SiteClock | None = field(default=None, repr=False)
    _profile: SiteProfile | None = field(default=None, repr=False)

    @property
    def clock(self) -> SiteClock:
        """The site's time zone as its settings say, read on first use."""
        if self._clock is None:
            self._clock = load_clock(self.db)
        return self._clock

    @property
    def profile(self) -> SiteProfile:
        """The site's name, time zone and language as its settings say, read on first use."""
        if self._profile is None:
            self._profile = load_profile(self.db)
        return self._profile

    @property
    def name(self) -> str:
        """The site's name ("" before the office named it)."""
        return self.profile.name

    @property
    def language(self) -> str:
        """The language a seat starts in until it chooses its own."""
        return self.profile.language

    def reload_profile(self) -> None:
        """Read the settings again (after the new-site wizard or 设置 changed them)."""
        self._clock = self._profile = None
