"""The wall dashboard's and the alarm charts' reads on SQLite and PostgreSQL: today's tickets from the
roll-up, the month's rates as `tickets kpi` gives them, the newest tickets and open alarms without
anything personal, the alarms of a day in a subtree."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlalchemy import insert

from alarms.models import Alarm
from app.context import SiteContext
from app.rollups.alarms import rebuild as rebuild_alarms
from app.site_clock import clock_in
from app.tickets import load_categories
from app.tickets.kpi import kpis
from app.tickets.routing import GridBook
from runtime.read.dashboard import DashboardReads
from runtime.read.health import HealthReads
from tests.app.tickets.conftest import IN_G1, IN_G3, both_db, build_site, make_desk, open_ticket  # noqa: F401


def test_the_walls_figures_and_a_days_alarms(both_db):  # noqa: F811 (the imported fixture)
    db = both_db
    site = build_site(db)
    clock = clock_in_db(db)
    now = clock.utcnow()
    local = clock.to_local(now - timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M")
    desk = make_desk(db)
    first = open_ticket(desk, where=IN_G1, when=local)
    second = open_ticket(desk, where=IN_G3, when=local, category="SR01")
    with db.session() as session:
        session.execute(
            insert(Alarm),
            [
                {
                    "raised_at": now - timedelta(minutes=m),
                    "source": "sensor",
                    "kind": kind,
                    "priority": 1,
                    "state": state,
                    "title": "李四家 紧急呼叫",
                    "grid_id": site.grids[grid],
                }
                for m, kind, state, grid in (
                    (5, "sos", "raised", "G1"),
                    (9, "smoke", "acknowledged", "G3"),
                    (12, "sos", "handled", "G1"),
                )
            ],
        )
        rebuild_alarms(session)

    figures = DashboardReads(SiteContext(db)).figures()
    assert figures.tickets.received == 2 and figures.tickets.in_progress == 2 and figures.tickets.closed == 0
    assert {line.id for line in figures.newest_tickets} == {first, second}
    assert [a.kind for a in figures.open_alarms] == ["紧急呼叫", "烟雾报警"]
    assert (figures.open_alarm_count, figures.waiting_alarm_count) == (2, 1)
    assert figures.grids_by_level == {1: 1, 2: 2, 3: 3, 4: 1} and figures.households == 1
    shown = repr([dataclasses.astuple(line) for line in (*figures.newest_tickets, *figures.open_alarms)])
    assert "13912345678" not in shown and "刘女士" not in shown and "李四" not in shown
    with db.session() as session:
        month = kpis(
            session,
            load_categories(),
            GridBook.load(session),
            start=clock.day_start(figures.day.replace(day=1)),
            end=clock.day_start(figures.day + timedelta(days=1)),
        )
    assert (
        figures.rates.response == month["response_rate"] and figures.rates.filed == month["counts"]["filed"]
    )

    health = HealthReads(SiteContext(db))
    trend = health.alarm_trend(7)
    assert {k: trend.raised[k][-1] for k in trend.kinds} == {"sos": 2, "smoke": 1}
    today = clock.to_local(now).date()
    assert [a.kind for a in health.alarms_of_day(today)] == ["sos", "smoke", "sos"]
    assert [a.grid for a in health.alarms_of_day(today, "C1")] == ["幸福小区", "幸福小区"]
    assert [a.kind for a in health.alarms_of_day(today, None, "smoke")] == ["smoke"]


def clock_in_db(db):
    with db.session() as session:
        return clock_in(session)
