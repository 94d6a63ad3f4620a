"""Two seats act on the same ticket at the same moment: exactly one wins, the other is told plainly."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from app.config import Seat
from app.tickets import TicketConflict
from tests.app.tickets.conftest import IN_G1, build_site, make_desk, open_ticket


def _race(db, tid, actions):
    """Both seats read version 1, then meet at a barrier just before writing, then both write."""
    barrier = threading.Barrier(len(actions), timeout=20)
    waited = threading.local()

    def hold(session, _context, _instances):
        if not getattr(waited, "done", False):
            waited.done = True
            barrier.wait()

    event.listen(db.sessions, "before_flush", hold)
    outcomes: dict[int, object] = {}

    def seat(index: int, action: str, params: dict) -> None:
        desk = make_desk(db)
        desk.seat = Seat(operator=f"席位{index}", host=f"seat{index}")
        try:
            outcomes[index] = desk.act(tid, action, expected_version=1, **params)
        except Exception as error:  # collected and checked below
            outcomes[index] = error

    threads = [threading.Thread(target=seat, args=(i, a, p)) for i, (a, p) in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    event.remove(db.sessions, "before_flush", hold)
    return outcomes


@pytest.mark.pg
def test_two_seats_racing_on_postgresql(pg_db):
    build_site(pg_db)
    tid = open_ticket(make_desk(pg_db), IN_G1)
    outcomes = _race(pg_db, tid, [("start", {}), ("return", {"reason": "不归我们管"})])
    winners = [o for o in outcomes.values() if isinstance(o, dict)]
    losers = [o for o in outcomes.values() if isinstance(o, TicketConflict)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    conflict = losers[0]
    assert "已被其他席位更新" in str(conflict) and conflict.fresh["version"] == 2
    assert conflict.fresh["state"] == winners[0]["state"]
    timeline = make_desk(pg_db).describe(tid)["timeline"]
    assert [e["action"] for e in timeline].count("start") + [e["action"] for e in timeline].count(
        "return"
    ) == 1


def test_a_stale_version_is_refused_with_the_fresh_state(desk, site):
    tid = open_ticket(desk, IN_G1)
    desk.act(tid, "start", expected_version=1)
    with pytest.raises(TicketConflict) as caught:
        desk.act(tid, "return", expected_version=1, reason="晚了一步")
    assert caught.value.fresh["state"] == "in_progress" and caught.value.fresh["version"] == 2


def test_two_seats_racing_on_sqlite(db, site):
    tid = open_ticket(make_desk(db), IN_G1)
    outcomes = _race(db, tid, [("start", {}), ("return", {"reason": "不归我们管"})])
    assert sorted(type(o).__name__ for o in outcomes.values()) == ["TicketConflict", "dict"], outcomes
