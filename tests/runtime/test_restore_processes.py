"""Real processes of a SQLite site take up a restore made by another process (`restore` on the
command line): a `serve` hears the notice and starts its runtime again on the restored data; a window
under its keeper ends and the keeper starts a new one, which leads the restored site."""

from __future__ import annotations

import pytest

from app.events import Change, TicketChanged, Topic
from app.models import Grid
from tests.runtime.processes import LocalSeat, Seat, command, serve, wait_until

pytestmark = [pytest.mark.slow]
START_S = 60  # a process starting on a shared two-core machine
HEAR_S = 15


def test_serve_starts_again_on_a_site_restored_under_it(sqlite_db, tmp_path):
    with sqlite_db.session() as session:
        session.add(Grid(code="S1", name="东城街道", level=1))
    backup = tmp_path / "site.gccbackup"
    command(["backup", str(backup), "--db", sqlite_db.url], tmp_path)
    here = LocalSeat(sqlite_db)
    service = serve(sqlite_db.url, tmp_path)
    try:
        wait_until(lambda: here.heard("service", role="leading", pid=service.pid), START_S, "serve leading")
        for ticket in range(20):  # the live change log runs past the backup's
            here.hub.publish(Change(Topic.TICKET, (ticket,), TicketChanged("opened")))
        led_before = len(here.heard("service", role="leading", pid=service.pid))
        printed = command(["restore", str(backup), "--force", "--db", sqlite_db.url], tmp_path)
        assert "重新启动" in printed
        wait_until(lambda: here.heard("site", what="restored"), HEAR_S, "the restore's notice")
        log = tmp_path / "serve.log"
        wait_until(
            lambda: "starting again on the restored site" in log.read_text(encoding="utf-8"),
            HEAR_S,
            "serve starting again",
        )
        wait_until(
            lambda: len(here.heard("service", role="leading", pid=service.pid)) > led_before,
            START_S,
            "serve leading the restored site",
        )
        assert service.alive()
    finally:
        service.stop()
        here.stop()
        print(service.tail())


def test_a_window_under_its_keeper_starts_again_on_a_site_restored_under_it(sqlite_db, tmp_path):
    with sqlite_db.session() as session:
        session.add(Grid(code="S1", name="东城街道", level=1))
    here = LocalSeat(sqlite_db)
    seat = Seat(sqlite_db.url, tmp_path, "seat")  # `gui`: the keeper and its window, signed in
    try:
        first = wait_until(
            lambda: here.heard("service", role="leading", kind="gui"), START_S * 2, "the window"
        )
        window_pid = first[0]["pid"]
        # Backed up once the seat's account exists: the window signs in again on the restored site.
        backup = tmp_path / "site.gccbackup"
        command(["backup", str(backup), "--db", sqlite_db.url], tmp_path)
        command(["restore", str(backup), "--force", "--db", sqlite_db.url], tmp_path)
        wait_until(
            lambda: [
                line
                for line in here.heard("service", role="leading", kind="gui")
                if line["pid"] != window_pid
            ],
            START_S * 2,
            "a new window leading the restored site",
        )
        assert seat.process.alive()  # the keeper, which started the window again
        assert seat.lines("site", what="restored")  # the old window heard the notice
    finally:
        seat.process.stop()
        here.stop()
        print(seat.process.tail())
