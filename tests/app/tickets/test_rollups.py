"""The daily roll-ups stay equal to a full recount of the raw rows, whatever happens to tickets and alarms.

Hypothesis drives random sequences of intakes, workflow actions (re-dispatch to another grid and
category included), sweeps, alarms raised, acknowledged and handled, at instants around site-local
midnight; after each sequence the stored roll-ups must equal the recount. SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alarms.models import Outcome, Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft, AlarmError
from app.config import Seat
from app.events import EventHub
from app.rollups.rebuild import differences, rebuild_all
from app.rollups.tickets import stored
from app.tickets.errors import TicketError
from app.tickets.sweep import sweep
from tests.app.tickets.conftest import IN_G1, IN_G2, IN_G3, at, build_site, make_desk, open_ticket

START = at("2026-11-02T00:00")
PLACES = (IN_G1, IN_G2, IN_G3, (120.0, 30.0))  # the last one lies outside every grid
ACTIONS = {
    "start": {},
    "handle": {"result": "已清运"},
    "verify": {},
    "close": {},
    "feedback": {"satisfaction": "不满意"},
    "return": {"reason": "非本网格"},
    "dispatch": {"grid": "G3", "category": "SR02"},
    "escalate": {"reason": "群众反映强烈"},
    "dismiss": {"reason": "重复"},
    "reject": {"reason": "未处理干净"},
}

minutes = st.integers(min_value=0, max_value=6 * 24 * 60)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("open"), st.integers(0, 3), st.sampled_from(["SR01", "SR02"]), minutes),
        st.tuples(st.just("act"), st.integers(0, 3), st.sampled_from(sorted(ACTIONS)), minutes),
        st.tuples(st.just("redirect"), st.integers(0, 3), minutes),
        st.tuples(st.just("sweep"), minutes),
        st.tuples(st.just("alarm"), st.sampled_from(["G1", "G3", None]), st.sampled_from(["sos", "smoke"])),
        st.tuples(st.just("ack"), st.integers(0, 50), st.integers(0, 3000)),
        st.tuples(st.just("close_alarm"), st.integers(0, 50), st.integers(0, 3000)),
    ),
    max_size=25,
)


class Clock:
    """The alarm service's clock, set by the test."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self):
        return self.now


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_rollups_equal_a_recount_after_random_operations(backend, request):
    db = request.getfixturevalue(f"{backend}_db")
    site = build_site(db)
    desk = make_desk(db)
    clock = Clock()
    alarms = AlarmService(db, EventHub(), Seat(operator="值班员"), clock=clock)
    tickets: list[int] = []
    alarm_ids: list[int] = []

    @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
    @given(operations)
    def run(ops):
        for op in ops:
            _apply(op, desk, alarms, clock, site, tickets, alarm_ids)
        with db.session() as session:
            assert differences(session) == {}

    run()
    assert tickets, "the operations opened no ticket"
    with db.session() as session:
        before = stored(session)
        rebuild_all(session)
    with db.session() as session:
        assert stored(session) == before  # a rebuild writes what the writes had counted


def _apply(op, desk, alarms, clock, site, tickets, alarm_ids) -> None:
    kind = op[0]
    try:
        if kind == "open":
            _, place, category, offset = op
            when = (START + timedelta(minutes=offset) + timedelta(hours=8)).isoformat(timespec="minutes")
            tickets.append(
                open_ticket(desk, where=PLACES[place], category=category, when=when, source="patrol")
            )
        elif kind == "act" and tickets:
            _, pick, action, offset = op
            desk.act(_recent(tickets, pick), action, at=START + timedelta(minutes=offset), **ACTIONS[action])
        elif kind == "redirect" and tickets:  # 退回 then 重新派遣 to another grid and category
            _, pick, offset = op
            ticket_id = _recent(tickets, pick)
            desk.act(ticket_id, "return", at=START + timedelta(minutes=offset), reason="非本网格")
            desk.act(
                ticket_id, "dispatch", at=START + timedelta(minutes=offset + 5), grid="G3", category="SR02"
            )
        elif kind == "sweep":
            sweep(desk, START + timedelta(minutes=op[1]))
        elif kind == "alarm":
            clock.now += timedelta(minutes=37)
            grid = site.grids[op[1]] if op[1] else None
            alarm_ids.append(alarms.raise_alarm(AlarmDraft(op[2], Priority.P1, "测试告警", grid_id=grid)))
        elif kind in ("ack", "close_alarm") and alarm_ids:
            clock.now += timedelta(seconds=op[2])
            alarm_id = alarm_ids[op[1] % len(alarm_ids)]
            if kind == "ack":
                alarms.acknowledge(alarm_id)
            else:
                alarms.close(alarm_id, Outcome.FALSE_ALARM)
    except (TicketError, AlarmError):
        pass  # an action the ticket's or alarm's state refuses: nothing may be counted for it


def _recent(ids: list[int], pick: int) -> int:
    """One of the last few: actions land on the same tickets often enough to walk them far."""
    return ids[-1 - pick % len(ids)]


def test_a_batch_of_intakes_is_counted_like_single_ones(db, site):
    from app.tickets import Intake

    desk = make_desk(db)
    batch = [
        Intake(
            category="SR01",
            text="批量导入",
            lon=lon,
            lat=lat,
            at=at(f"2026-11-0{day}T23:50"),
            source="import",
        )
        for day, (lon, lat) in zip((2, 3, 3), (IN_G1, IN_G2, IN_G3), strict=True)
    ]
    desk.open_many(batch, locate_many=desk.locate.many)
    with db.session() as session:
        assert differences(session) == {}
        site_days = {key[0].isoformat(): c["received"] for key, c in stored(session).items() if key[1] == 0}
    assert site_days == {"2026-11-02": 1, "2026-11-03": 2}
