"""A restore tells the site's running processes: the notice travels inside the restored SQLite image,
numbered past what every follower of the change log has read (the backup's log is older and shorter),
and by NOTIFY on the PostgreSQL database restored into."""

from __future__ import annotations

import queue

import pytest

import main
from app.config import Seat
from app.events import SITE_RESTORED, Change, EventHub, TicketChanged, Topic
from app.models import Grid
from app.store import Database
from app.store.backup import back_up, restore
from app.store.change_log import ChangeLogRelay
from app.store.relay import ChangeRelay
from tests.app.test_backup import _pg_tools_missing, empty_pg  # noqa: F401 (a fixture)

SEAT = Seat(operator="tester", host="bench")
HEAR_S = 10


class Follower:
    """Another process of the site, as far as the relays can tell: its own hub and relay."""

    def __init__(self, relay_type, target, hub: EventHub) -> None:
        self.heard: queue.Queue[Change] = queue.Queue()
        hub.subscribe("*", self.heard.put)
        self.relay = relay_type(target, hub)
        self.relay.start()
        assert self.relay.wait_ready(10)

    def wait_for(self, topic: Topic) -> Change:
        while True:
            change = self.heard.get(timeout=HEAR_S)
            if change.topic == topic:
                return change


def test_a_sqlite_restore_reaches_every_follower_and_the_log_goes_on(sqlite_db, tmp_path):
    with sqlite_db.session() as session:
        session.add(Grid(code="S1", name="东城街道", level=1))
    backup = back_up(sqlite_db, tmp_path / "site.gccbackup", SEAT).path
    teller_hub, follower_hub = EventHub(), EventHub()
    teller = ChangeLogRelay(Database(sqlite_db.url), teller_hub)
    teller.start(listen=False)
    follower = Follower(ChangeLogRelay, Database(sqlite_db.url), follower_hub)
    try:
        for _ in range(30):  # the live log runs well past the backup's
            teller_hub.publish(Change(Topic.TICKET, (1,), TicketChanged("opened")))
        for _ in range(30):
            follower.wait_for(Topic.TICKET)
        assert main.main(["restore", str(backup), "--force", "--db", sqlite_db.url]) == 0
        notice = follower.wait_for(Topic.SITE)
        assert notice.payload.what == SITE_RESTORED and notice.payload.backup_created_at
        teller_hub.publish(Change(Topic.TICKET, (2,), TicketChanged("opened")))  # after the restore
        assert follower.wait_for(Topic.TICKET).ids == (2,)
    finally:
        follower.relay.stop()
        teller.stop()


@pytest.mark.pg
@pytest.mark.skipif(_pg_tools_missing() is not None, reason=f"PostgreSQL client tools: {_pg_tools_missing()}")
def test_a_postgresql_restore_is_announced_on_the_database_restored_into(pg_db, empty_pg, tmp_path):  # noqa: F811
    with pg_db.session() as session:
        session.add(Grid(code="S1", name="东城街道", level=1))
    backup = back_up(pg_db, tmp_path / "pg.gccbackup", SEAT).path
    follower = Follower(ChangeRelay, empty_pg.url, EventHub())  # a serve waiting on the new database
    try:
        restore(empty_pg, backup, SEAT)
        assert follower.wait_for(Topic.SITE).payload.what == SITE_RESTORED
    finally:
        follower.relay.stop()
