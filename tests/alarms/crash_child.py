"""The app's ingest path as a separate process for the crash test: dongle reader → rules → store.

Usage: python -m tests.alarms.crash_child DB_URL PORT. Prints "ready" once the port is open. A second
thread plays the operator and acknowledges every alarm whose id is a multiple of 5.
"""

from __future__ import annotations

import sys
import time

from sqlalchemy import select

from alarms.ingest import SensorIngest
from alarms.models import Alarm, AlarmState
from alarms.rf_bridge import RfBridgeReader
from alarms.service import AlarmService
from alarms.values import AlarmError
from app.config import Seat
from app.events import EventHub
from app.store import Database


def main(url: str, port: str) -> None:
    db = Database(url)
    service = AlarmService(db, EventHub(), Seat("值班员", "crash-test"))
    ingest = SensorIngest(service)
    reader = RfBridgeReader("rf-crash", port, ingest.handle, retry_s=0.1)
    reader.start()
    if not reader.connected.wait(10):
        sys.exit("port did not open")
    print("ready", flush=True)
    while True:
        with db.session() as session:
            waiting = session.scalars(
                select(Alarm.id).where(Alarm.state == AlarmState.RAISED, Alarm.id % 5 == 0)
            ).all()
        for alarm_id in waiting:
            try:
                service.acknowledge(alarm_id, note="crash test")
            except AlarmError:
                pass
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
