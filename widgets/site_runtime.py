"""The site's running parts hosted by a window (or a kiosk), adapted to Qt; started with the window
and stopped with it.

- the Qt-free site runtime (`runtime.site.SiteRuntime`, on the shell context): hub relay, the site's
  lead (scheduler, alarm checks, the site's dongles), this computer's dongles, the alarm→ticket and
  AI→alarm policies — the same code `serve` runs headless;
- the status bar's word on the site's duties and dongles, and the open-alarm count;
- the AI on the AI cameras, drawn over every wall (the AI decodes from the walls' capture pool, so it
  lives in the process that shows the wall).
`stop()` ends them in the reverse order and joins their threads, the capture workers last.

Python's cyclic garbage collector is moved to the GUI thread when the application starts
(`collect_garbage_on_gui_thread`): run on a worker thread it would free Qt objects there and crash Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from runtime.leadership import Duties
from runtime.site import SiteRuntime
from video.pool import StreamPool
from video.status import StreamState
from widgets.ai_runtime import AiRuntime, Opener
from widgets.alarm_indicator import AlarmIndicator
from widgets.duty_indicator import DutyIndicator
from widgets.shell_context import ShellContext
from widgets.wiring import PanelHost, PanelWiring

log = logging.getLogger(__name__)

GC_INTERVAL_S = 1.0


def collect_garbage_on_gui_thread(interval_s: float = GC_INTERVAL_S) -> GarbageCollector:
    """Disable automatic collection and collect on a GUI-thread timer instead; keep the result alive."""
    return GarbageCollector(interval=interval_s)


class SeatRuntime(QObject):
    """Starts and stops the site's running parts for a window (or a kiosk) on one site."""

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
        self.site: SiteRuntime = context.runtime
        if not scheduler:  # a view-only run (a screenshot of one panel): the site's work is done elsewhere
            self.site.options.duties = Duties.NONE
            self.site.options.sensors = False
        self.duties = DutyIndicator(context.bridge, context.status, self)
        self.alarm_indicator = AlarmIndicator(context, self)
        self.ai: AiRuntime | None = None
        self.wirings: list[PanelWiring] = []
        self.pool: StreamPool | None = None
        self._want_ai = ai
        self._pool_for = pool
        self._ai_opener = ai_opener
        self._running = False
        self._unwatch_cameras: Callable[[], None] = lambda: None

    @property
    def relay(self):
        """The change relay to the site's other processes (PostgreSQL), while running."""
        return self.site.relay

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.pool = self._stream_pool()
        self._unwatch_cameras = self.site.camera_watch.add_probe(self._cameras_live)
        self.alarm_indicator.refresh()
        self.site.start()
        if self._want_ai:
            self.ai = self._start_ai()

    def _stream_pool(self) -> StreamPool:
        """The process's capture workers (the walls' and the AI's): this runtime closes them at the end."""
        if self._pool_for is not None:
            return self._pool_for(self.context)
        from widgets.wall.shared import stream_pool_for

        return stream_pool_for(self.context)

    def _cameras_live(self) -> dict[int, bool]:
        """The cameras this window captures (their sub-streams: the ones whose packets it keeps) and
        whether each delivers pictures now: the window's part of the cameras' availability record."""
        assert self.pool is not None
        return {
            worker.packets.camera_id: worker.status().state is StreamState.LIVE
            for worker in self.pool.workers()
            if worker.packets is not None
        }

    def _start_ai(self) -> AiRuntime:
        from widgets.wall.shared import set_overlay_source

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
        if self.ai is not None:
            self.ai.stop()
        self._unwatch_cameras()
        if self.pool is not None:
            self.pool.close()  # every capture worker of the process, the walls' included
        self.site.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is QCoreApplication.instance() and event.type() == QEvent.Type.LanguageChange:
            self.alarm_indicator.retranslate()
            self.duties.retranslate()
            if self.ai is not None:
                self.ai.retranslate()
        return False
