"""The statistics panel's alarm and device charts: the bars per day and kind, the p50/p90 time to
acknowledge, the camera availability and the sensors' health equal a recount from the rows; the grid
filter narrows them; hovering shows a day's values; clicking a day lists its alarms."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import pyqtgraph as pg
import pytest
from sqlalchemy import insert

from alarms.models import Alarm
from app.context import SiteContext
from app.models import Camera
from app.rollups.alarms import ACK_BUCKETS, bucket_of
from app.rollups.alarms import rebuild as rebuild_alarms
from app.site_clock import SiteClock
from app.store import Database
from runtime.device_health import CameraWatch
from tests.app.tickets.conftest import build_site
from widgets.stats import StatsPanel

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]
CLOCK = SiteClock("Asia/Shanghai")
# (days ago, local hour, kind, grid, seconds to acknowledge or None)
ALARMS = [
    (1, 9, "sos", "G1", 20),
    (1, 10, "sos", "G1", 50),
    (1, 11, "smoke", "G2", 400),
    (1, 23, "inactivity", "G3", None),
    (3, 8, "sos", "G3", 10),
    (3, 8, "low_battery", "G1", 7000),
    (3, 9, "low_battery", "G1", 100000),
    (6, 0, "smoke", "G1", 25),
]


@pytest.fixture
def site_with_alarms(qapp, tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'site.sqlite'}")
    db.upgrade()
    site = build_site(db)
    today = CLOCK.today()
    rows = []
    for days_ago, hour, kind, grid, ack in ALARMS:
        local = datetime.combine(today - timedelta(days=days_ago), datetime.min.time()).replace(hour=hour)
        raised = CLOCK.to_utc(local.replace(tzinfo=CLOCK.zone))
        rows.append(
            {
                "raised_at": raised,
                "source": "sensor",
                "kind": kind,
                "priority": 1,
                "state": "raised" if ack is None else "acknowledged",
                "title": "张三家 紧急呼叫",
                "grid_id": site.grids[grid],
                "acknowledged_at": None if ack is None else raised + timedelta(seconds=ack),
            }
        )
    with db.session() as session:
        session.execute(insert(Alarm), rows)
        rebuild_alarms(session)
        camera = Camera(name="东门", grid_id=site.grids["G1"], lon=113.6, lat=34.7, main_url="rtsp://x")
        session.add(camera)
        session.flush()
        camera_id = camera.id
    watch = CameraWatch(SiteContext(db))
    live = {camera_id: True}
    watch.add_probe(lambda: dict(live))
    for step in range(5):  # 60 s watched, 30 s live (it stopped after two looks)
        live[camera_id] = step < 3
        watch.look(now=step * 15.0)
    watch.flush()
    yield db, site
    db.dispose()


def _recount(grids: set[str] | None = None):
    """Alarms per (day, kind) and the acknowledged seconds per day, from the list above."""
    raised: dict = defaultdict(Counter)
    seconds: dict = defaultdict(list)
    for days_ago, _hour, kind, grid, ack in ALARMS:
        if grids is not None and grid not in grids:
            continue
        day = CLOCK.today() - timedelta(days=days_ago)
        raised[day][kind] += 1
        if ack is not None:
            seconds[day].append(ack)
    return raised, seconds


def _bucket_percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    value = sorted(values)[math.ceil(fraction * len(values)) - 1]
    index = bucket_of(value)
    return ACK_BUCKETS[index] if index < len(ACK_BUCKETS) else math.inf


def _bar_heights(plot) -> dict[int, float]:
    heights: dict[int, float] = defaultdict(float)
    for item in plot.plotItem.items:
        if isinstance(item, pg.BarGraphItem):
            for x, h in zip(item.opts["x"], item.opts["height"], strict=True):
                heights[int(x)] += h
    return heights


def test_alarm_and_device_charts_equal_a_recount_and_drill_to_the_day(
    qtbot, qapp, site_with_alarms, tmp_path, languages
):
    from widgets.shell_context import ShellSettings, build_shell_context

    db, _site = site_with_alarms
    context = build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"))
    panel = StatsPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1000, 1800)
    panel.show()
    health = panel.health
    qtbot.waitUntil(lambda: health.alarms is not None and health.devices is not None)
    trend = health.alarms
    raised, seconds = _recount()
    assert len(trend.days) == 30
    for index, day in enumerate(trend.days):
        assert {k: trend.raised[k][index] for k in trend.kinds if trend.raised[k][index]} == dict(raised[day])
        assert trend.p50_seconds[index] == _bucket_percentile(seconds[day], 0.5)
        assert trend.p90_seconds[index] == _bucket_percentile(seconds[day], 0.9)
    heights = _bar_heights(health.alarm_plot)  # what is drawn is what was counted
    assert {i: h for i, h in heights.items() if h} == {
        trend.days.index(day): sum(c.values()) for day, c in raised.items() if c
    }
    p90_drawn = health.ack_plot.plotItem.listDataItems()[1].getData()[1]
    yesterday = len(trend.days) - 2
    assert p90_drawn[yesterday] == pytest.approx(_bucket_percentile(seconds[trend.days[yesterday]], 0.9) / 60)

    camera = health.devices.cameras[-1]
    assert (camera.observed_seconds, camera.live_seconds, camera.outages) == (60.0, 30.0, 1)
    drawn = health.camera_plot.plotItem.listDataItems()[0].getData()[1]
    assert drawn[-1] == pytest.approx(50.0)

    view = health.alarm_plot.plotItem.vb
    health.alarm_plot.scene().sigMouseMoved.emit(view.mapViewToScene(pg.Point(yesterday, 1)))
    assert (
        health.hover.text().startswith(trend.days[yesterday].isoformat()) and "告警 4" in health.hover.text()
    )

    health.drill(yesterday)
    qtbot.waitUntil(lambda: health.dialog is not None and health.dialog.isVisible())
    rows = health.dialog.texts()
    assert len(rows) == 4 and sorted(r[2] for r in rows) == ["和平里", "幸福小区", "幸福小区", "阳光小区"]
    assert all("张三" not in cell for row in rows for cell in row)  # the alarm's title is not listed
    assert [r[5] for r in rows] == ["0:20", "0:50", "6:40", "—"]

    panel.charts.grid.setCurrentIndex(panel.charts.grid.findData("G1"))
    raised_g1, _ = _recount({"G1"})
    qtbot.waitUntil(
        lambda: (
            sum(sum(c) for c in health.alarms.raised.values())
            == sum(sum(c.values()) for c in raised_g1.values())
        )
    )
    health.drill(yesterday)
    qtbot.waitUntil(lambda: health.dialog is not None and len(health.dialog.texts()) == 2)

    languages.switch("en")
    qtbot.waitUntil(lambda: "Alarms per day by kind" in health.alarm_plot.plotItem.titleLabel.text)
    health.show_day(yesterday)
    assert "Cameras available" in health.hover.text()
    context.bridge.close()
