"""The statistics panel's charts: tickets per day from the roll-ups with rest days shaded, the three
rates, a grid filter, and the values of the day under the mouse, in Chinese and English."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyqtgraph as pg
import pytest

from app.store import Database
from tests.app.tickets.conftest import IN_G1, IN_G2, build_site, make_desk, open_ticket
from widgets.stats import StatsPanel

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def ticket_context(qapp, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context

    db = Database(f"sqlite:///{tmp_path / 'site.sqlite'}")
    db.upgrade()
    build_site(db)
    desk = make_desk(db)
    today = (datetime.now(UTC) + timedelta(hours=8)).replace(tzinfo=None)  # Asia/Shanghai, the default
    yesterday = (today - timedelta(days=1)).strftime("%Y-%m-%dT08:00")
    for place in (IN_G1, IN_G1, IN_G2):
        open_ticket(desk, where=place, when=yesterday)
    context = build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"))
    yield context
    context.bridge.close()
    db.dispose()


def test_charts_show_the_days_rest_days_and_follow_the_grid_filter(qtbot, ticket_context, languages):
    panel = StatsPanel(ticket_context)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    charts = panel.charts
    qtbot.waitUntil(lambda: charts.trend is not None and charts.grid.count() > 1)
    trend = charts.trend
    assert len(trend.days) == 30 and sum(trend.received) == 3 and trend.received[-2] == 3
    assert trend.rates["response_rate"][-2] is None or 0 <= trend.rates["response_rate"][-2] <= 1
    regions = [i for i in charts.counts_plot.plotItem.items if isinstance(i, pg.LinearRegionItem)]
    assert len(regions) >= 4  # a month holds at least four weekends (or holidays)
    received = charts.counts_plot.plotItem.listDataItems()[0].getData()[1]
    assert list(received) == list(trend.received)

    view = charts.counts_plot.plotItem.vb
    scene_point = view.mapViewToScene(pg.Point(len(trend.days) - 2, 1))
    charts.counts_plot.scene().sigMouseMoved.emit(scene_point)
    assert charts.hover.text().startswith(trend.days[-2].isoformat()) and "受理 3" in charts.hover.text()

    charts.grid.setCurrentIndex(charts.grid.findData("G2"))
    qtbot.waitUntil(lambda: sum(charts.trend.received) == 1)
    charts.period.setCurrentIndex(charts.period.findData(90))
    qtbot.waitUntil(lambda: len(charts.trend.days) == 90)

    languages.switch("en")
    qtbot.waitUntil(lambda: charts.period.itemText(0) == "Last 30 days")
    charts.show_day(len(charts.trend.days) - 2)
    assert "Received 1" in charts.hover.text()


def test_a_click_on_a_day_lists_the_tickets_received_that_day_in_the_subtree(qtbot, ticket_context):
    panel = StatsPanel(ticket_context)
    qtbot.addWidget(panel)
    panel.resize(1000, 900)
    panel.show()
    charts = panel.charts
    qtbot.waitUntil(lambda: charts.trend is not None and charts.grid.count() > 1)
    yesterday = len(charts.trend.days) - 2
    charts.drill(yesterday)
    qtbot.waitUntil(lambda: charts.dialog is not None and charts.dialog.isVisible())
    rows = charts.dialog.texts()
    assert len(rows) == charts.trend.received[yesterday] == 3  # the list is what the line counts
    assert all(row[0].startswith("#") and row[3] for row in rows)
    charts.drill(yesterday - 1)  # a day with nothing received
    qtbot.waitUntil(lambda: charts.dialog.texts() == [])

    charts.grid.setCurrentIndex(charts.grid.findData("G2"))
    qtbot.waitUntil(lambda: sum(charts.trend.received) == 1)
    charts.drill(yesterday)
    qtbot.waitUntil(lambda: len(charts.dialog.texts()) == 1)
