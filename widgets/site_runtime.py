"""The site's background parts for one GUI session, started with the window and stopped with it.

- the site scheduler (ticket time limits), run by the seat that holds the site's lock (SchedulerSeat),
  and the alarm site its alarm checks raise through: on this seat's hub, so a seat without an alarm desk
  (a kiosk wall) still tells every seat at once (an alarm desk serves its own over it while it lives);
- on PostgreSQL, the change relay, so every seat's queues, map and alarm list follow the other seats;
- the AI on the AI cameras, drawn over every wall, and its urgent events raised as alarms;
- the open-alarm count in the status bar.
`stop()` ends them in the reverse order and joins their threads, the capture workers last.

Python's cyclic garbage collector is moved to the GUI thread when the application starts
(`collect_garbage_on_gui_thread`): run on a worker thread it would free Qt objects there and crash Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from alarms.ingest import SensorIngest
from alarms.jobs import AlarmSite, serve
from alarms.service import AlarmService
from alarms.station import SensorStation
from app.store.relay import ChangeRelay
from video.pool import StreamPool
from widgets.ai_alarms import AiAlarms
from widgets.ai_runtime import AiRuntime, Opener
from widgets.alarm_indicator import AlarmIndicator
from widgets.alarms.desk import dongle_reporter
from widgets.scheduler_seat import SchedulerSeat
from widgets.shell_context import ShellContext
from widgets.wiring import PanelHost, PanelWiring

log = logging.getLogger(__name__)

GC_INTERVAL_S = 1.0


def collect_garbage_on_gui_thread(interval_s: float = GC_INTERVAL_S) -> GarbageCollector:
    """Disable automatic collection and collect on a GUI-thread timer instead; keep the result alive."""
    return GarbageCollector(interval=interval_s)


class SiteRuntime(QObject):
    """Starts and stops the site's background parts for a window (or a kiosk) on one site."""

    def __init__(
        self,
        context: ShellContext,
        parent: QObject | None = None,
        *,
        scheduler: bool = True,
        ai: bool = True,
        pool: Callable[[ShellContext], StreamPool] | None = None,
        ai_opener: Opener | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.scheduler = SchedulerSeat(context.db, context.status, self) if scheduler else None
        self.alarm_indicator = AlarmIndicator(context, self)
        self.relay: ChangeRelay | None = None
        self.ai: AiRuntime | None = None
        self.ai_alarms: AiAlarms | None = None
        self.wirings: list[PanelWiring] = []
        self.pool: StreamPool | None = None
        self.alarm_station: SensorStation | None = None  # the site's dongles, opened by the alarm checks
        self._withdraw_alarm_site: Callable[[], None] | None = None
        self._want_ai = ai
        self._pool_for = pool
        self._ai_opener = ai_opener
        self._running = False

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.pool = self._stream_pool()
        self.alarm_indicator.refresh()
        if self.scheduler is not None:
            self._serve_alarm_checks()
            self.scheduler.start()
        if not self.context.db.is_sqlite:
            self.relay = ChangeRelay(self.context.db.url, self.context.hub)
            self.relay.start()
        if self._want_ai:
            site = self.context.site
            self.ai_alarms = AiAlarms(site.hub, AlarmService(site.db, site.hub, site.seat))
            self.ai_alarms.start()
            self.ai = self._start_ai()

    def _serve_alarm_checks(self) -> None:
        """Before the scheduler may run them: the alarm checks raise on this seat's hub."""
        context = self.context
        ingest = SensorIngest(AlarmService(context.db, context.hub, context.seat))
        # not started: it opens only the site's unpinned dongles, when the checks ask it to
        self.alarm_station = SensorStation(ingest, on_state=dongle_reporter(context.status))
        self._withdraw_alarm_site = serve(AlarmSite(ingest, self.alarm_station))

    def _stream_pool(self) -> StreamPool:
        """The process's capture workers (the walls' and the AI's): this runtime closes them at the end."""
        if self._pool_for is not None:
            return self._pool_for(self.context)
        from widgets.wall.panel import stream_pool_for

        return stream_pool_for(self.context)

    def _start_ai(self) -> AiRuntime:
        from widgets.wall.panel import set_overlay_source

        assert self.pool is not None
        extra = {"opener": self._ai_opener} if self._ai_opener is not None else {}
        runtime = AiRuntime(self.context, self.pool, **extra)
        runtime.start(set_overlay_source)
        return runtime

    def attach(self, window: PanelHost) -> PanelWiring:
        """Wire the panels of a window to each other (map → wall, alarm popup → map and wall)."""
        wiring = PanelWiring(window)
        self.wirings.append(wiring)
        return wiring

    def stop(self) -> None:
        """Stop everything started, newest first, and wait for the threads (the window is closing)."""
        if not self._running:
            return
        self._running = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.ai_alarms is not None:
            self.ai_alarms.stop()
        if self.ai is not None:
            self.ai.stop()
        if self.pool is not None:
            self.pool.close()  # every capture worker of the process, the walls' included
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        if self.scheduler is not None:
            self.scheduler.stop()
        if self._withdraw_alarm_site is not None:  # after the scheduler: no check runs any more
            self._withdraw_alarm_site()
            self._withdraw_alarm_site = None
        if self.alarm_station is not None:
            self.alarm_station.stop()
            self.alarm_station = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is QCoreApplication.instance() and event.type() == QEvent.Type.LanguageChange:
            self.alarm_indicator.retranslate()
            if self.scheduler is not None:
                self.scheduler.retranslate()
            if self.ai is not None:
                self.ai.retranslate()
        return False
