"""Writes the README's alarm popup screenshots from the demo site: one alarm with its household card and
the nearest camera live, then a panic button pressed in another flat so two alarms stack.

Run `.venv/bin/python resources/screenshots/make_popup_shots.py` to regenerate them (offscreen).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from alarms.models import Alarm, AlarmState, Priority  # noqa: E402
from alarms.service import AlarmService  # noqa: E402
from alarms.values import AlarmDraft  # noqa: E402
from app.config import Seat  # noqa: E402
from app.events import EventHub  # noqa: E402
from app.models import Sensor  # noqa: E402
from app.store import Database  # noqa: E402

HERE = Path(__file__).resolve().parent


def main_py(*args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "main.py"), *args], check=True, cwd=ROOT)


def screenshot(url: str, popup: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        window = str(Path(scratch) / "window.png")
        main_py("gui", "--db", url, "--screenshot", window, "--popup", str(popup), "--settle", "5")


def press_panic_button(url: str) -> None:
    """An SOS from a household other than the one already waiting, as its dongle would raise it."""
    db = Database(url)
    try:
        with db.session() as session:
            waiting = session.scalars(
                select(Alarm.household_id).where(Alarm.state == AlarmState.RAISED)
            ).all()
            sensor = session.scalars(
                select(Sensor)
                .where(Sensor.kind == "sos", Sensor.household_id.not_in(waiting))
                .order_by(Sensor.id)
            ).first()
            sensor_id, household_id = sensor.id, sensor.household_id
        draft = AlarmDraft(
            "sos", Priority.P1, "紧急呼叫(SOS)", household_id=household_id, sensor_id=sensor_id
        )
        AlarmService(db, EventHub(), Seat("演示", "demo")).raise_alarm(draft)
    finally:
        db.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'demo.sqlite'}"
        main_py("demo", "--db", url)
        screenshot(url, HERE / "alarm_popup.png")
        press_panic_button(url)
        screenshot(url, HERE / "alarm_popup_stacked.png")


if __name__ == "__main__":
    main()
