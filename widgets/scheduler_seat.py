"""This seat's part in the site scheduler: run it when this seat holds the site's lock, else only view.

On PostgreSQL one seat runs the scheduler (the ticket time-limit sweep; the alarm checks and the
dongles pinned to no computer); the others keep trying the lock now and then, so when the running
seat closes another takes over within a minute. Starting and claiming talk to the database, so they
run on a short-lived worker thread, never on the GUI thread.
The status bar says which it is: 运行中 / 仅查看 / 已停止 (with the reason).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from alarms.jobs import ALARM_JOBS
from app.scheduler import SiteScheduler
from app.store import Database
from widgets.status_bar import IndicatorState, StatusBoard

log = logging.getLogger(__name__)

INDICATOR = "scheduler"
CLAIM_RETRY_MS = 30_000


def site_scheduler(db: Database) -> SiteScheduler:
    """The scheduler with every area's jobs: the ticket sweep and the alarm checks."""
    return SiteScheduler(db, jobs=ALARM_JOBS)


def tr(text: str) -> str:
    return QCoreApplication.translate("SchedulerSeat", text)


class SeatRole(StrEnum):
    STARTING = "starting"
    RUNNING = "running"  # this seat runs the site's scheduler
    VIEWING = "viewing"  # another seat runs it
    STOPPED = "stopped"  # it could not start, or the window closed


class SchedulerSeat(QObject):
    """Starts the site scheduler off the GUI thread if this seat may run it; reports it in the status bar."""

    def __init__(
        self,
        db: Database,
        board: StatusBoard,
        parent: QObject | None = None,
        *,
        make_scheduler: Callable[[Database], SiteScheduler] = site_scheduler,
        retry_ms: int = CLAIM_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.board = board
        self._make_scheduler = make_scheduler
        self.role = SeatRole.STOPPED
        self.reason = ""
        self.last_job_error = ""
        self.scheduler: SiteScheduler | None = None
        self._lock = threading.Lock()  # one attempt at a time; stop() waits for a running attempt
        self._closing = False
        self._attempt: threading.Thread | None = None
        self._retry = QTimer(self, interval=retry_ms)
        self._retry.timeout.connect(self._try_again)

    # ---- life ---------------------------------------------------------------------------------------
    def start(self) -> None:
        """Try to become the scheduler seat now and, while another seat has it, every 30 s after."""
        self._closing = False
        self._report(SeatRole.STARTING)
        self._launch()
        self._retry.start()

    def stop(self) -> None:
        """Stop the scheduler (waiting for a sweep in progress) and release the site's lock."""
        self._closing = True
        self._retry.stop()
        if self._attempt is not None:
            self._attempt.join()
            self._attempt = None
        with self._lock:
            if self.scheduler is not None:
                self.scheduler.stop()
                self.scheduler = None
        self._report(SeatRole.STOPPED, tr("程序退出"))

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the current start attempt (tests, and screenshots that show the outcome)."""
        attempt = self._attempt
        if attempt is not None:
            attempt.join(timeout)
            return not attempt.is_alive()
        return True

    # ---- attempts (worker thread) -------------------------------------------------------------------
    def _try_again(self) -> None:
        if self.role in (SeatRole.VIEWING, SeatRole.STOPPED) and not self._closing:
            self._launch()

    def _launch(self) -> None:
        if self._attempt is not None and self._attempt.is_alive():
            return
        self._attempt = threading.Thread(target=self._claim_and_start, name="scheduler-claim", daemon=True)
        self._attempt.start()

    def _claim_and_start(self) -> None:
        with self._lock:
            if self._closing or self.scheduler is not None:
                return
            scheduler: SiteScheduler | None = None
            try:
                scheduler = self._make_scheduler(self.db)
                runs = scheduler.start()
            except Exception as error:  # noqa: BLE001 (shown in the status bar, retried later)
                log.exception("the site scheduler did not start")
                if scheduler is not None:
                    scheduler.stop()
                self._report(SeatRole.STOPPED, str(error))
                return
            if not runs:
                self._report(SeatRole.VIEWING)
                return
            scheduler.scheduler.add_listener(self._job_finished, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
            self.scheduler = scheduler
            self._report(SeatRole.RUNNING)

    def _job_finished(self, event: JobExecutionEvent) -> None:
        """A failed sweep turns the indicator amber until the next one succeeds (scheduler thread)."""
        error = str(event.exception) if event.exception is not None else ""
        if error != self.last_job_error:
            self.last_job_error = error
            self._report(SeatRole.RUNNING)

    # ---- the status bar -----------------------------------------------------------------------------
    def _report(self, role: SeatRole, reason: str = "") -> None:
        self.role, self.reason = role, reason
        self.retranslate()

    def retranslate(self) -> None:
        """Say the current role again in the current language (the board may be set from any thread)."""
        role, reason = self.role, self.reason
        if role is SeatRole.RUNNING and self.last_job_error:
            text = tr("调度 运行中 · 上次扫描失败")
            self.board.set_indicator(INDICATOR, text, IndicatorState.WARN, self.last_job_error)
        elif role is SeatRole.RUNNING:
            tip = tr("本席位运行全站调度：工单时限监控与逐级升级")
            self.board.set_indicator(INDICATOR, tr("调度 运行中"), IndicatorState.OK, tip)
        elif role is SeatRole.VIEWING:
            tip = tr("另一席位正在运行全站调度；该席位退出后本席位自动接替")
            self.board.set_indicator(INDICATOR, tr("调度 仅查看"), IndicatorState.IDLE, tip)
        elif role is SeatRole.STARTING:
            self.board.set_indicator(INDICATOR, tr("调度 启动中…"), IndicatorState.IDLE)
        else:
            short = reason.splitlines()[0][:48] if reason else ""
            text = tr("调度 已停止") + (f" · {short}" if short else "")
            state = IndicatorState.IDLE if self._closing else IndicatorState.ERROR
            self.board.set_indicator(INDICATOR, text, state, reason)
