"""Writes the wall dashboard's screenshots (resources/screenshots/dashboard_1920.png: 综合态势,
dashboard_1920_activity.png: 工单与告警) and the statistics panel's alarm and device charts
(resources/screenshots/stats_health.png) from a fresh demo site with two alarms raised minutes ago.

Run `.venv/bin/python resources/screenshots/make_dashboard_shots.py` (offscreen, about a minute: it
builds the demo site first).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from alarms.models import Priority  # noqa: E402
from alarms.service import AlarmDraft, AlarmService  # noqa: E402
from app.config import Seat  # noqa: E402
from app.events import EventHub  # noqa: E402
from app.models import Sensor  # noqa: E402
from app.store import Database  # noqa: E402

TARGET = ROOT / "resources" / "screenshots"


def settle(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def raise_recent_alarms(db: Database) -> None:
    """An SOS and a smoke alarm from the care households, a few minutes ago."""
    with db.session() as session:
        sensors = session.execute(
            select(Sensor.id, Sensor.household_id, Sensor.kind).order_by(Sensor.id)
        ).all()
    sos = next(s for s in sensors if s.kind == "sos")
    smoke = next((s for s in sensors if s.kind == "smoke"), sos)
    now = datetime.now(UTC).replace(tzinfo=None)
    for sensor, kind, priority, title, ago in (
        (smoke, "smoke", Priority.P1, "烟雾报警", timedelta(minutes=9)),
        (sos, "sos", Priority.P1, "紧急呼叫(SOS)", timedelta(minutes=2)),
    ):
        service = AlarmService(db, EventHub(), Seat("演示", "demo"), clock=lambda at=now - ago: at)
        service.raise_alarm(
            AlarmDraft(kind, priority, title, household_id=sensor.household_id, sensor_id=sensor.id)
        )


def main() -> int:
    import main as program
    from app.demo.site import ensure_demo_site
    from widgets.dashboard.wall import DashboardWall
    from widgets.i18n import LanguageSwitcher
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.stats import StatsPanel
    from widgets.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    LanguageSwitcher(app).switch("zh_CN")
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["GCC_DATA_DIR"] = scratch
        db = Database(f"sqlite:///{Path(scratch) / 'demo.sqlite'}")
        db.upgrade()
        ensure_demo_site(db, extras=program.DEMO_EXTRAS)
        raise_recent_alarms(db)
        context = build_shell_context(
            db, ShellSettings(path=Path(scratch) / "window.ini", kiosk=True), Seat()
        )
        wall = DashboardWall(context)
        wall.resize(1920, 1080)
        wall.show()
        settle(4.0)
        wall.grab().save(str(TARGET / "dashboard_1920.png"))
        wall.show_page(1)
        wall.pages[1].tickets.show_lines(wall.figures.newest_tickets)  # the list as it first comes up
        settle(0.5)
        alarms = wall.pages[1].alarms
        if not alarms.flash_on:
            alarms.flash()  # the newest alarm's row caught lit
        wall.grab().save(str(TARGET / "dashboard_1920_activity.png"))
        wall.close()
        panel = StatsPanel(build_shell_context(db, ShellSettings(path=Path(scratch) / "stats.ini")))
        panel.resize(1100, 2300)
        panel.show()
        settle(5.0)
        health = panel.health
        health.show_day(len(health.alarms.days) - 2)
        top = health.mapTo(panel.widget(), health.rect().topLeft()).y()
        panel.widget().grab().copy(0, top - 8, 1100, health.height() + 16).save(
            str(TARGET / "stats_health.png")
        )
        context.bridge.close()
        db.dispose()
    for name in ("dashboard_1920.png", "dashboard_1920_activity.png", "stats_health.png"):
        print(f"→ {TARGET / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
