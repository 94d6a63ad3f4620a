"""What a running site hands to every part: the store, the change hub and this seat's identity.

Passed in explicitly (no singletons), so tests and the headless hub build their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.config import Seat
from app.events import EventHub
from app.store import Database


@dataclass
class SiteContext:
    db: Database
    hub: EventHub = field(default_factory=EventHub)
    seat: Seat = field(default_factory=Seat)
