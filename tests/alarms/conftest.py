"""Fixtures for the alarm tests: a real site in the store and an alarm service over it."""

from __future__ import annotations

import pytest

from alarms.ingest import SensorIngest
from alarms.service import AlarmService
from app.config import Seat
from app.events import EventHub
from tests.alarms.site import build_site


@pytest.fixture
def site(db):
    return build_site(db)


@pytest.fixture
def hub() -> EventHub:
    return EventHub()


@pytest.fixture
def service(db, hub) -> AlarmService:
    return AlarmService(db, hub, Seat(operator="值班员小王", host="seat-1"))


@pytest.fixture
def ingest(service) -> SensorIngest:
    return SensorIngest(service)
