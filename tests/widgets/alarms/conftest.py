"""The alarm widget tests reuse the alarm area's quick store fixtures and its small real site."""

from __future__ import annotations

import pytest

from alarms.service import AlarmService
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from runtime.reads import ReadModels
from tests.alarms.site import build_site
from widgets.alarms.popup import AlarmPopup
from widgets.alarms.sound import AlarmSound


class CountingPlayer:
    """Stands in for the loudspeaker only: counts plays and stops so the repeat logic can be checked."""

    def __init__(self) -> None:
        self.plays = 0
        self.stops = 0

    def backend(self):
        return ("counting", self._play, self._stop)

    def _play(self) -> None:
        self.plays += 1

    def _stop(self) -> None:
        self.stops += 1


@pytest.fixture
def site(sqlite_db):
    return build_site(sqlite_db)


@pytest.fixture
def hub() -> EventHub:
    return EventHub()


@pytest.fixture
def service(sqlite_db, hub):
    return AlarmService(sqlite_db, hub, Seat("值班员小王", "seat-1"))


@pytest.fixture
def speaker() -> CountingPlayer:
    return CountingPlayer()


@pytest.fixture
def popup(qtbot, service, speaker, site):
    """The popup of a window opened on the site (it reads the site's grid tree as it starts)."""
    reads = ReadModels(SiteContext(service.db, service.hub, service.seat)).alarms
    widget = AlarmPopup(service, reads=reads, sound=AlarmSound(player=speaker.backend(), repeat_ms=50))
    qtbot.addWidget(widget)
    return widget
