"""The report's data on SQLite and PostgreSQL: its figures are the KPIs of the same bounds, its daily
series add up to them, its lists hold the overdue and escalated tickets; periods and their bounds."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.tickets import load_categories
from app.tickets.kpi import kpis
from app.tickets.routing import GridBook
from app.tickets.sweep import sweep
from runtime.reports.data import ReportError, build_report
from runtime.reports.periods import Period, PeriodKind
from tests.app.tickets.conftest import IN_G1, IN_G2, IN_G3, at, build_site, make_desk, open_ticket


def test_periods_are_site_days_weeks_from_monday_and_calendar_months():
    assert Period.of("week", date(2026, 11, 4)) == Period(
        PeriodKind.WEEK, date(2026, 11, 2), date(2026, 11, 8)
    )
    assert Period.of("month", date(2026, 12, 31)).first == date(2026, 12, 1)
    assert Period.of("month", date(2026, 3, 10)).previous() == Period(
        PeriodKind.MONTH, date(2026, 2, 1), date(2026, 2, 28)
    )
    start, end = Period.of("day", date(2026, 11, 2)).bounds(ZoneInfo("Asia/Shanghai"))
    assert (start, end) == (datetime(2026, 11, 1, 16, 0), datetime(2026, 11, 2, 16, 0))


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def busy_site(request):
    """Tickets over two weeks in three compounds, one closed, some swept past their limits."""
    db = request.getfixturevalue(f"{request.param}_db")
    site = build_site(db)
    desk = make_desk(db)
    for n, place in enumerate((IN_G1, IN_G2, IN_G3, IN_G1, IN_G2) * 2):
        open_ticket(desk, where=place, when=f"2026-11-{2 + n:02d}T09:00")
    closed = open_ticket(desk, where=IN_G1, when="2026-11-03T10:00")
    for action, kw in (("start", {}), ("handle", {"result": "已清运"}), ("verify", {}), ("close", {})):
        desk.act(closed, action, at=at("2026-11-03T11:00"), **kw)
    sweep(desk, at("2026-11-12T12:00"))
    return db, site


def test_the_report_is_the_kpis_of_its_bounds_and_its_series_add_up(busy_site):
    db, site = busy_site
    period = Period.of("month", date(2026, 11, 20))
    with db.session() as session:
        report = build_report(session, load_categories(), period, "C1")
        start, end = period.bounds(ZoneInfo("Asia/Shanghai"))
        expected = kpis(
            session, load_categories(), GridBook.load(session), start=start, end=end, grid_id=site.grids["C1"]
        )
    assert report.figures == expected
    assert sum(d.received for d in report.tickets_daily) == expected["total"] == 9
    assert sum(d.closed for d in report.tickets_daily) == 1
    # the series counts overdue steps (a ticket escalated three times, three), the list tickets
    assert 0 < report.overdue.total <= sum(d.overdue for d in report.tickets_daily)
    assert report.escalated.total >= 1
    assert {line.grid for line in report.overdue.lines} <= {"幸福小区", "阳光小区"}  # C1's compounds only
    assert [r.name for r in report.ranking] and {r.name for r in report.ranking} <= {"幸福小区", "阳光小区"}
    assert report.kpis[0].previous == 0  # nothing in October
    assert report.work is None  # no visits, meetings, volunteering or votes recorded: no grid-work part
    assert date(2026, 11, 7) in report.rest_days and date(2026, 11, 9) not in report.rest_days


def test_a_micro_grid_is_refused_in_words(busy_site):
    db, _ = busy_site
    with db.session() as session, pytest.raises(ReportError, match="一至三级网格"):
        build_report(session, load_categories(), Period.of("day", date(2026, 11, 2)), "B1")


def test_ack_percentiles_are_the_bounds_of_the_buckets_that_hold_them():
    from app.rollups.alarms import ACK_BUCKETS, bucket_of, percentile_from_buckets

    counts = [0] * (len(ACK_BUCKETS) + 1)
    for seconds in (10, 20, 40, 50, 100, 100, 100, 200, 4000, 90_000):
        counts[bucket_of(seconds)] += 1
    assert percentile_from_buckets(counts, 0.5) == 120  # the 5th of 10 took 100 s: within 2 minutes
    assert percentile_from_buckets(counts, 0.9) == 7200  # the 9th took 4,000 s
    assert percentile_from_buckets(counts, 1.0) == float("inf")  # one took more than a day
    assert percentile_from_buckets([0] * len(counts), 0.5) is None
