"""Writes the kiosk wall alarm screenshot (kiosk_alarm.png) from the demo site: a panic button pressed two and a
half minutes ago covers the wall, with a night-door alarm waiting behind it.

Run `.venv/bin/python resources/screenshots/make_kiosk_shot.py [WxH ...]` to regenerate it (offscreen);
the first size (default 1920x1080) is saved as kiosk_alarm.png, any further ones as kiosk_alarm_WxH.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from alarms.models import Priority  # noqa: E402
from alarms.service import AlarmService  # noqa: E402
from alarms.values import AlarmDraft  # noqa: E402
from app.config import Seat  # noqa: E402
from app.events import EventHub  # noqa: E402
from app.models import Sensor  # noqa: E402
from app.store import Database  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = ((1920, 1080),)


def raise_demo_alarms(db: Database) -> None:
    """An SOS and a night door from two flats, as their dongles would raise them, some minutes ago."""
    with db.session() as session:
        sensors = session.scalars(
            select(Sensor).where(Sensor.kind.in_(("sos", "door"))).order_by(Sensor.id)
        ).all()
        sos = next(s for s in sensors if s.kind == "sos")
        door = next(s for s in sensors if s.kind == "door" and s.household_id != sos.household_id)
        sos_at = (sos.id, sos.household_id, sos.name)
        door_at = (door.id, door.household_id, door.name)
    now = datetime.now(UTC).replace(tzinfo=None)
    for (sensor_id, household_id, name), kind, priority, title, ago in (
        (door_at, "door_night", Priority.P2, "夜间开门(重点关注老人)", timedelta(minutes=4, seconds=12)),
        (sos_at, "sos", Priority.P1, "紧急呼叫(SOS)", timedelta(minutes=2, seconds=35)),
    ):
        service = AlarmService(db, EventHub(), Seat("演示", "demo"), clock=lambda at=now - ago: at)
        service.raise_alarm(
            AlarmDraft(
                kind,
                priority,
                title,
                household_id=household_id,
                sensor_id=sensor_id,
                detail={"sensor": name},
            )
        )


def shoot(db: Database, size: tuple[int, int], target: Path) -> None:
    from app.access.kiosk_pin import KioskPin
    from widgets.alarms.sound import AlarmSound
    from widgets.kiosk import KioskWindow
    from widgets.shell_context import ShellSettings, build_shell_context

    with tempfile.TemporaryDirectory() as scratch:
        context = build_shell_context(db, ShellSettings(path=Path(scratch) / "window.ini"))
        pins = KioskPin(db, context.seat)
        pins.ensure_demo_pin()
        silent = AlarmSound(player=("silent", lambda: None, lambda: None))  # a screenshot makes no noise
        window = KioskWindow(context, view="stats", pins=pins, alarm_sound=silent)
        window.resize(*size)
        window.show()
        wait_for(window.alarm_overlay.updated)
        for _ in range(5):
            QCoreApplication.processEvents()
        image = window.grab().toImage()
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        print(f"screenshot {image.width()}x{image.height()} → {target}")
        window.alarm_overlay.stop()
        window.unlocked = True
        window.close()
        context.bridge.close()


def wait_for(signal, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def parse_sizes(args: list[str]) -> list[tuple[int, int]]:
    sizes = [tuple(int(n) for n in arg.lower().split("x")) for arg in args]
    return [(w, h) for w, h in sizes] or list(SIZES)


def main() -> None:
    from widgets.theme import apply_theme

    sizes = parse_sizes(sys.argv[1:])
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'demo.sqlite'}"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", url], check=True, cwd=ROOT)
        db = Database(url)
        try:
            raise_demo_alarms(db)
            for index, size in enumerate(sizes):
                name = "kiosk_alarm.png" if index == 0 else f"kiosk_alarm_{size[0]}x{size[1]}.png"
                shoot(db, size, HERE / name)
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
