"""A whole minute at the desk with nobody touching the window: the demo site's wall playing, alarms
raised and acknowledged, tickets opened, clocks and counters ticking. No dock may move by a pixel.

Before the fix the side columns gained a few pixels at every relayout (Qt's dock layout without a
central widget), so the map's right edge went from ~587 to ~771 px in 45 s at 1920x1080.
These are slow tests (a minute each, one per screen size) so they can run apart from each other.
"""

from __future__ import annotations

import itertools
import shutil
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from alarms.models import Priority
from alarms.values import AlarmDraft
from app.store import Database
from app.tickets import TicketDesk
from app.tickets.intake import Intake
from video.cameras import load_cameras
from widgets.layout_report import panel_places
from widgets.main_window import MainWindow
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.site_runtime import SeatRuntime

pytestmark = [pytest.mark.gui, pytest.mark.slow]

SHIFT_S = 60.0
SETTLE_S = 4.0  # the first loads land and the first-show sharing of sizes is over
EVENT_EVERY_MS = 3000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """The demo site built once for the module; each test works on its own copy."""
    import main
    from app.demo.site import ensure_demo_site

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database(f"sqlite:///{path}")
    try:
        ensure_demo_site(db, extras=main.DEMO_EXTRAS)
    finally:
        db.dispose()
    return path


class ShiftTraffic:
    """What a shift brings with nobody at the desk: an alarm, a ticket, an acknowledgement, in turn."""

    def __init__(self, context, place: tuple[float, float]) -> None:
        self.alarms = context.runtime.alarms
        self.desk = TicketDesk(context.db, seat=context.seat, hub=context.hub)
        self.lon, self.lat = place
        self.raised: list[int] = []
        self._steps = itertools.cycle((self.raise_alarm, self.open_ticket, self.acknowledge))
        self.count = 0

    def next(self) -> None:
        next(self._steps)()
        self.count += 1

    def raise_alarm(self) -> None:
        draft = AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", lon=self.lon, lat=self.lat)
        self.raised.append(self.alarms.raise_alarm(draft))

    def open_ticket(self) -> None:
        text = f"楼道堆放杂物 第{self.count}次"
        self.desk.open(Intake(category="SR01", text=text, lon=self.lon, lat=self.lat), force=True)

    def acknowledge(self) -> None:
        if self.raised:
            self.alarms.acknowledge(self.raised.pop(0), "已电话确认")


def _places(window: MainWindow) -> dict[str, tuple[int, int, int, int]]:
    return {p.name: (p.x, p.y, p.width, p.height) for p in panel_places(window, window.docks) if p.shown}


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
def test_no_dock_moves_through_a_minute_of_live_demo(qapp, qtbot, demo_file, tmp_path, size, languages):
    db_path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, db_path)
    db = Database(f"sqlite:///{db_path}")
    context = build_shell_context(db, ShellSettings(demo=True, path=tmp_path / "window.ini"))
    seat = SeatRuntime(context, ai=False)
    seat.start()
    window = MainWindow(context, languages, remember_layout=False)
    seat.attach(window)
    camera = next(c for c in load_cameras(db) if c.lon is not None)
    traffic = ShiftTraffic(context, (camera.lon, camera.lat))
    ticker = QTimer(interval=EVENT_EVERY_MS, timeout=traffic.next)
    try:
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(int(SETTLE_S * 1000))
        before = _places(window)
        assert {"wall", "tickets", "alarms", "stats"} <= before.keys()
        ticker.start()
        changed: list[tuple[float, dict]] = []
        start = time.monotonic()
        while time.monotonic() - start < SHIFT_S:
            qtbot.wait(500)
            now = _places(window)
            if now != before:
                changed.append((round(time.monotonic() - start, 1), now))
        assert traffic.count >= SHIFT_S * 1000 // EVENT_EVERY_MS - 2  # the shift really was busy
        assert window.size().toTuple() == size
        assert changed == [], f"the layout moved: {before} then {changed[:3]}"
    finally:
        ticker.stop()
        seat.stop()
        context.bridge.close()
        window.close()
        window.deleteLater()  # now, while the parts its panels use still live
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        db.dispose()
