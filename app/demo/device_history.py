"""The demo's device history: what the cameras' availability and the sensors' health roll-ups would hold
after months of running (`app/rollups/health.py`), so the statistics panel's device charts have lines
to show on a fresh demo site. A real site's history begins when its processes first run this version.

Each camera is watched all day; on a few days it drops out for minutes to hours. Each sensor's battery
drains a little every day (low below 20 %, a new battery the day after it is noticed), now and then it
falls silent for a day or two, and a Zigbee one is sometimes offline; the day's snapshot is counted
under its grid's chain like the live snapshot.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Camera, Sensor
from app.rollups.alarms import GridLevels
from app.rollups.counters import write_counts
from app.rollups.health import HEALTH
from app.rollups.models import CameraDaily, SensorHealthDaily

HISTORY_DAYS = 120
DAY_SECONDS = 86400.0


def seed_device_history(session: Session, seed: int, today: date) -> None:
    rng = random.Random(seed * 17 + 5)
    levels = GridLevels.load(session)
    days = [today - timedelta(days=n) for n in range(HISTORY_DAYS - 1, -1, -1)]
    _cameras(session, rng, levels, days)
    _sensors(session, rng, levels, days)


def _cameras(session: Session, rng: random.Random, levels: GridLevels, days: list[date]) -> None:
    totals: dict[tuple, Counter] = defaultdict(Counter)
    for camera_id, grid_id in session.execute(select(Camera.id, Camera.grid_id)):
        flaky = rng.random() < 0.2  # a few cameras on a poor link account for most outages
        for day in days:
            outages = 0
            down = 0.0
            if rng.random() < (0.25 if flaky else 0.04):
                outages = rng.randint(1, 3)
                down = sum(rng.uniform(120, 5400) for _ in range(outages))
            for scope in levels.scopes(grid_id):
                key = (scope, day, camera_id)
                totals[key]["observed_seconds"] += DAY_SECONDS
                totals[key]["live_seconds"] += DAY_SECONDS - down
                totals[key]["outages"] += outages
    write_counts(session, CameraDaily.__table__, ("grid_id", "day", "camera_id"), totals)


def _sensors(session: Session, rng: random.Random, levels: GridLevels, days: list[date]) -> None:
    totals: dict[tuple, Counter] = defaultdict(Counter)
    for grid_id, protocol in session.execute(select(Sensor.grid_id, Sensor.protocol)):
        battery = rng.uniform(30, 100)
        silent_days = offline_days = 0
        for day in days:
            battery -= rng.uniform(0.1, 0.8)
            low = battery < 20
            if battery < 15:
                battery = 100.0  # the grid worker changed it
            if silent_days == 0 and rng.random() < 0.01:
                silent_days = rng.randint(1, 2)
            if offline_days == 0 and protocol == "zigbee" and rng.random() < 0.03:
                offline_days = rng.randint(1, 3)
            state = {
                "sensors": 1,
                "low_battery": int(low),
                "silent": int(silent_days > 0),
                "offline": int(offline_days > 0),
            }
            silent_days, offline_days = max(0, silent_days - 1), max(0, offline_days - 1)
            for scope in levels.scopes(grid_id):
                totals[(scope, day)].update(state)
    rows = {key: {name: counts[name] for name in HEALTH} for key, counts in totals.items()}
    write_counts(session, SensorHealthDaily.__table__, ("grid_id", "day"), rows)
