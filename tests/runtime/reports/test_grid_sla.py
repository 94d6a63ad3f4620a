"""Each grid's SLA figures for a period, on SQLite and PostgreSQL: the on-time rate is `tickets kpi`'s
for the same bounds and grid, the overdue steps and receipts are the roll-ups' daily series summed."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from app.rollups.grid_sla import grid_sla
from app.rollups.series import ticket_series
from app.tickets import load_categories
from app.tickets.kpi import kpis
from app.tickets.routing import GridBook
from app.tickets.sweep import sweep
from runtime.reports.periods import Period
from tests.app.tickets.conftest import IN_G1, IN_G2, at, build_site, make_desk, open_ticket


def busy(db):
    """G1: two tickets, one closed at once (on time), one left open; G2: three left to run overdue."""
    site = build_site(db)
    desk = make_desk(db)
    closed = open_ticket(desk, where=IN_G1, when="2026-11-03T09:00")
    for action, kw in (("start", {}), ("handle", {"result": "已清运"}), ("verify", {}), ("close", {})):
        desk.act(closed, action, at=at("2026-11-03T10:00"), **kw)
    open_ticket(desk, where=IN_G1, when="2026-11-04T09:00")
    for day in (5, 6, 9):
        open_ticket(desk, where=IN_G2, when=f"2026-11-{day:02d}T09:00")
    sweep(desk, at("2026-11-20T12:00"))
    return site


def test_grid_sla_is_the_kpis_and_the_roll_ups_of_the_period(db):
    site = busy(db)
    period = Period.of("month", date(2026, 11, 15))
    bounds = period.bounds(ZoneInfo("Asia/Shanghai"))
    with db.session() as session:
        figures = grid_sla(session, period.first, period.last, bounds)
        book = GridBook.load(session)
        by_grid = {
            g["grid"]: g
            for g in kpis(
                session, load_categories(), book, start=bounds[0], end=bounds[1], grid_id=site.grids["C1"]
            )["by_grid"]
        }
        for code in ("S1", "C1", "G1", "G2"):
            series = ticket_series(session, period.first, period.last, site.grids[code])
            assert figures[code].overdue == sum(d.overdue for d in series), code
            assert figures[code].received == sum(d.received for d in series), code
    assert figures["G1"].on_time_rate == by_grid["G1"]["on_time_rate"] == 1.0
    assert figures["G2"].on_time_rate == by_grid["G2"]["on_time_rate"]
    assert figures["G2"].overdue >= 3 and figures["G1"].received == 2 and figures["S1"].received == 5
    assert figures["G1"].level == 3 and figures["G1"].name == "幸福小区"
    with db.session() as session:  # October: nothing
        october = Period.of("month", date(2026, 10, 1))
        assert grid_sla(session, october.first, october.last, october.bounds(ZoneInfo("Asia/Shanghai"))) == {}
