"""Two seats on one PostgreSQL site hear each other's changes, and never echo them back."""

from __future__ import annotations

import threading

import pytest

from app.events import Change, EventHub, RosterChanged, TicketChanged
from app.store.relay import MAX_PAYLOAD, ChangeRelay, decode, encode

pytestmark = pytest.mark.pg


class Inbox:
    def __init__(self, hub: EventHub) -> None:
        self.changes: list[Change] = []
        self.arrived = threading.Event()
        hub.subscribe("*", self._hear)

    def _hear(self, change: Change) -> None:
        self.changes.append(change)
        self.arrived.set()


@pytest.fixture
def two_seats(pg_db):
    hubs = EventHub(), EventHub()
    relays = [ChangeRelay(pg_db.url, hub) for hub in hubs]
    for relay in relays:
        relay.start()
        assert relay.wait_ready()
    yield hubs
    for relay in relays:
        relay.stop()


def test_a_change_at_one_seat_reaches_the_other(two_seats):
    desk, wall = two_seats
    wall_inbox, desk_inbox = Inbox(wall), Inbox(desk)
    desk.publish(Change("ticket", (41, 42), TicketChanged("dispatch")))
    assert wall_inbox.arrived.wait(5)
    heard = wall_inbox.changes[0]
    assert (heard.topic, heard.ids, heard.payload) == ("ticket", (41, 42), TicketChanged("dispatch"))
    assert heard.origin is not None
    # the desk heard only its own local change, never an echo from the relay
    threading.Event().wait(0.5)
    assert [c.origin for c in desk_inbox.changes] == [None]


def test_oversized_changes_go_out_without_their_ids():
    change = Change("resident", tuple(range(5000)), RosterChanged("roster_import"))
    payload = encode(change, "seat")
    assert len(payload.encode()) < MAX_PAYLOAD
    received = decode(payload)
    assert received.topic == "resident" and received.ids == () and received.payload == RosterChanged("roster_import")
