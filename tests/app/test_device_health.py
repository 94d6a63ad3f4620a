"""The devices' roll-ups (app/rollups/health.py, runtime/device_health.py) on SQLite and PostgreSQL:
camera seconds from the capture probes, counted under the grid chain; the sensors' snapshot equal to a
recount of their status rows, overwritten by a later one the same day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from alarms.models import SensorStatus
from app.context import SiteContext
from app.models import Camera, Sensor
from app.rollups.health import camera_series, sensor_series, snapshot_sensor_health
from app.site_clock import clock_in
from runtime.device_health import CameraWatch, SensorHealth
from tests.app.tickets.conftest import build_site


def _cameras(db, grids) -> tuple[int, int]:
    with db.session() as session:
        ids = []
        for name, grid in (("东门", "G1"), ("南门", "G3")):
            camera = Camera(name=name, grid_id=grids[grid], lon=113.6, lat=34.7, main_url="rtsp://x/1")
            session.add(camera)
            session.flush()
            ids.append(camera.id)
        return ids[0], ids[1]


def test_camera_seconds_follow_the_probes_and_the_grid_chain(db):
    site = build_site(db)
    east, south = _cameras(db, site.grids)
    states = {east: True, south: True}
    watch = CameraWatch(SiteContext(db), every_s=15.0)
    watch.add_probe(lambda: dict(states))
    watch.look(now=0.0)  # the first look only learns the states
    watch.look(now=15.0)  # both live for 15 s
    states[south] = False
    watch.look(now=30.0)  # south stopped: watched, not live, one outage
    watch.look(now=45.0)
    states.pop(east)  # east no longer read here: its time stops counting
    watch.look(now=60.0)
    watch.flush()
    with db.session() as session:
        today = clock_in(session).today()
        site_day = camera_series(session, today, today)[0]
        g1 = camera_series(session, today, today, site.grids["G1"])[0]
        c2 = camera_series(session, today, today, site.grids["C2"])[0]
        c1 = camera_series(session, today, today, site.grids["C1"])[0]
    assert (g1.cameras, g1.observed_seconds, g1.live_seconds, g1.outages) == (1, 45.0, 45.0, 0)
    assert (c2.cameras, c2.observed_seconds, c2.live_seconds, c2.outages) == (1, 60.0, 15.0, 1)
    assert c1 == g1.__class__(today, 1, 45.0, 45.0, 0)
    assert (site_day.cameras, site_day.observed_seconds, site_day.live_seconds) == (2, 105.0, 60.0)
    assert site_day.availability == 60.0 / 105.0

    watch.look(now=75.0)  # a second process (or a later flush) adds to the same day
    watch.flush()
    with db.session() as session:
        again = camera_series(session, today, today, site.grids["C2"])[0]
    assert again.observed_seconds == 75.0 and again.live_seconds == 15.0


def test_the_sensor_snapshot_equals_a_recount_and_is_overwritten_the_same_day(db):
    site = build_site(db)
    now = datetime.now(UTC).replace(tzinfo=None)
    with db.session() as session:
        rows = []
        for index, (grid, online, silent, low) in enumerate(
            [
                ("G1", True, None, None),
                ("G1", False, None, now),
                ("G2", True, now, None),
                ("G3", None, now, now),
            ]
        ):
            sensor = Sensor(
                name=f"s{index}",
                kind="sos",
                protocol="zigbee",
                device_code=f"d{index}",
                grid_id=site.grids[grid],
            )
            session.add(sensor)
            session.flush()
            rows.append(
                {
                    "sensor_id": sensor.id,
                    "online": online,
                    "silent_alarm_at": silent,
                    "low_battery_alarm_at": low,
                }
            )
        session.add(
            Sensor(name="新", kind="door", protocol="rf433", device_code="A1", grid_id=site.grids["G3"])
        )
        session.execute(insert(SensorStatus), rows)
    health = SensorHealth(SiteContext(db))
    health.snapshot()
    with db.session() as session:
        today = clock_in(session).today()
        whole = sensor_series(session, today, today)[0]
        c1 = sensor_series(session, today, today, site.grids["C1"])[0]
        g3 = sensor_series(session, today, today, site.grids["G3"])[0]
        two_days = sensor_series(session, today - timedelta(days=1), today)
    assert (whole.sensors, whole.low_battery, whole.silent, whole.offline) == (5, 2, 2, 1)
    assert (c1.sensors, c1.low_battery, c1.silent, c1.offline) == (3, 1, 1, 1)
    assert (g3.sensors, g3.low_battery, g3.silent, g3.offline) == (2, 1, 1, 0)
    assert not two_days[0].recorded and two_days[1] == whole  # no day before the first snapshot

    with db.session() as session:  # the G3 sensors are removed: today's snapshot says so
        session.query(SensorStatus).filter(
            SensorStatus.sensor_id.in_([r["sensor_id"] for r in rows[3:]])
        ).delete()
        session.query(Sensor).filter(Sensor.grid_id == site.grids["G3"]).delete()
    with db.session() as session:
        snapshot_sensor_health(session, today)
    with db.session() as session:
        whole = sensor_series(session, today, today)[0]
        g3 = sensor_series(session, today, today, site.grids["G3"])[0]
    assert (whole.sensors, whole.low_battery, whole.silent, whole.offline) == (3, 1, 1, 1)
    assert not g3.recorded
