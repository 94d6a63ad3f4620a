"""Killed at random moments while 1,000 alarms arrive: after a restart every alarm is there and every
unacknowledged one pops up.

The contract with the dongle: the reader writes the ACK only after the alarm is committed. So every
frame the bridge saw acknowledged must be in the store. A frame in flight when the process died is
sent again (as the sensor would repeat it), so it may be stored twice but is never lost.
"""

from __future__ import annotations

import os
import random
import select
import subprocess
import sys
import termios
import threading
import time
import tty
from pathlib import Path

import pytest
from sqlalchemy import func, insert
from sqlalchemy import select as sql_select

from alarms.models import Alarm, AlarmState
from alarms.portisch import ACK_FRAME, rf_received
from alarms.service import AlarmService
from app.config import Seat
from app.events import EventHub
from app.models import Sensor
from tests.alarms.site import build_site

ROOT = Path(__file__).resolve().parents[2]
ALARMS = 1000
KILL_CHANCE = 0.006  # per frame: about six kills over the run


def code_of(number: int) -> str:
    return f"{0xB00000 + number:06X}"


class Child:
    def __init__(self, url: str, port: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.alarms.crash_child", url, port],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        assert ready and self.process.stdout.readline().strip() == "ready"

    def kill_soon(self, delay: float) -> None:
        threading.Timer(delay, self.process.kill).start()

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)


def wait_for_ack(master: int, timeout: float) -> bool:
    received = b""
    deadline = time.monotonic() + timeout
    while len(received) < len(ACK_FRAME) and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
        if ready:
            received += os.read(master, 16)
    return received == ACK_FRAME


@pytest.mark.slow
@pytest.mark.gui
def test_killed_at_random_moments_while_1000_alarms_arrive(qtbot, sqlite_db):
    site = build_site(sqlite_db)
    with sqlite_db.session() as session:
        session.execute(
            insert(Sensor),
            [
                {
                    "name": f"SOS {n}",
                    "kind": "sos",
                    "protocol": "rf433",
                    "device_code": code_of(n),
                    "grid_id": site.micro_grid_id,
                    "household_id": site.household_id,
                }
                for n in range(ALARMS)
            ],
        )
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)
    rng = random.Random(20261128)
    kills = 0
    acked: list[int] = []
    child = Child(sqlite_db.url, port)
    try:
        number = 0
        while number < ALARMS:
            if rng.random() < KILL_CHANCE:
                child.kill_soon(rng.uniform(0.0, 0.004))  # mid-decode, mid-commit or just before the ACK
            os.write(master, rf_received(code_of(number)))
            if wait_for_ack(master, timeout=5 if child.alive() else 0.2):
                acked.append(number)
                number += 1
                continue
            # No ACK: the app died. Start it again; stale bytes on the line are thrown away, as a
            # bridge's half-sent frame would be, and the frame is sent again (the sensor repeats).
            child.kill()
            kills += 1
            termios.tcflush(slave, termios.TCIOFLUSH)
            while select.select([master], [], [], 0)[0]:
                os.read(master, 1024)
            child = Child(sqlite_db.url, port)
    finally:
        child.kill()
        os.close(master)
        os.close(slave)

    assert kills >= 3, "the test should really have killed the app a few times"
    assert acked == list(range(ALARMS))
    with sqlite_db.session() as session:
        stored = dict(
            session.execute(
                sql_select(Sensor.device_code, func.count(Alarm.id))
                .join(Alarm, Alarm.sensor_id == Sensor.id)
                .group_by(Sensor.device_code)
            ).all()
        )
        total = session.scalar(sql_select(func.count()).select_from(Alarm))
        waiting = set(session.scalars(sql_select(Alarm.id).where(Alarm.state == AlarmState.RAISED)).all())
    missing = [n for n in range(ALARMS) if stored.get(code_of(n), 0) == 0]
    assert missing == []  # every acknowledged frame is an alarm in the store
    assert total <= ALARMS + kills  # at most the frame in flight at each kill is stored twice
    assert 0 < len(waiting) < total  # the operator thread acknowledged some before the end

    from widgets.alarms.popup import AlarmPopup
    from widgets.alarms.sound import AlarmSound

    popup = AlarmPopup(
        AlarmService(sqlite_db, EventHub(), Seat("值班员", "after-restart")),
        sound=AlarmSound(player=("silent", lambda: None, lambda: None)),
    )
    qtbot.addWidget(popup)
    popup.present_pending()
    assert popup.isVisible()
    assert set(popup.alarm_ids) == waiting
