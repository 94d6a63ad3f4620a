"""The site's one scheduler: APScheduler 3 with its jobs kept in the site database.

With several seats on PostgreSQL only the seat holding the advisory lock runs it; the others view.
The ticket sweep is idempotent and catches up by itself, so a missed run needs no replay: APScheduler
coalesces missed runs into one. Areas above `app` (the alarm checks) hand their jobs in as
`ScheduledJob`s: `app` never imports them, and the job store keeps a job as a text reference anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import text

from app.store import Database

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "tickets.sweep"
SWEEP_INTERVAL_S = 60
JOB_TABLE = "apscheduler_jobs"
ADVISORY_LOCK_KEY = 0x6763_6373  # "gccs": the scheduler seat of this site

_desks: dict[str, object] = {}


@dataclass(frozen=True)
class ScheduledJob:
    """A periodic job of the site: `func` is "module:function", called with the site database URL.

    Text, not a callable: the job store keeps jobs by reference, and the function rebuilds whatever it
    needs from the URL (see `run_ticket_sweep`).
    """

    id: str
    func: str
    seconds: int
    name: str = ""


def run_ticket_sweep(db_url: str) -> dict:
    """The job: rebuilt from the URL alone, because jobs in the store must be importable by reference."""
    from app.tickets.desk import TicketDesk
    from app.tickets.sweep import sweep

    desk = _desks.get(db_url)
    if desk is None:
        desk = _desks[db_url] = TicketDesk(Database(db_url))
    report = sweep(desk)
    if report.tickets:
        log.info("ticket sweep: %s", report.as_dict())
    return report.as_dict()


def ticket_sweep_job(interval_s: int = SWEEP_INTERVAL_S) -> ScheduledJob:
    return ScheduledJob(SWEEP_JOB_ID, f"{__name__}:run_ticket_sweep", interval_s, "工单时限监控 ticket sweep")


class SiteScheduler:
    """Starts the scheduler if this seat may run it and keeps the site's jobs in the store.

    The jobs are the ticket sweep plus the `jobs` the caller adds; a stored job that is neither (an
    area no longer installed, a renamed job) is removed at start, so the store holds what runs.
    """

    def __init__(
        self, db: Database, *, interval_s: int = SWEEP_INTERVAL_S, jobs: Sequence[ScheduledJob] = ()
    ) -> None:
        self.db = db
        self.interval_s = interval_s
        self.jobs: tuple[ScheduledJob, ...] = (ticket_sweep_job(interval_s), *jobs)
        if len({job.id for job in self.jobs}) != len(self.jobs):
            raise ValueError(f"duplicate scheduler job ids: {[job.id for job in self.jobs]}")
        self._lock_connection = None
        self.scheduler = BackgroundScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=db.engine, tablename=JOB_TABLE)},
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone="Asia/Shanghai",
        )

    def claim(self) -> bool:
        """True when this seat is the site's scheduler (always on SQLite; the advisory lock on PostgreSQL)."""
        if self.db.is_sqlite:
            return True
        connection = self.db.engine.connect()
        got = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_LOCK_KEY}).scalar()
        connection.commit()
        if got:
            self._lock_connection = connection
        else:
            connection.close()
        return bool(got)

    def start(self) -> bool:
        """Start if this seat may; returns whether it runs. The jobs are (re)registered idempotently."""
        if not self.claim():
            log.info("another seat runs the scheduler")
            return False
        self.scheduler.start(paused=True)  # paused: the store's jobs wait until the set is settled
        now = datetime.now().astimezone()
        for job in self.jobs:
            self.scheduler.add_job(
                job.func,
                "interval",
                seconds=job.seconds,
                args=[self.db.url],
                id=job.id,
                name=job.name or job.id,
                replace_existing=True,
                next_run_time=now,
            )
        wanted = {job.id for job in self.jobs}
        for stale in [job for job in self.scheduler.get_jobs() if job.id not in wanted]:
            log.info("removing stored scheduler job %s (no seat runs it any more)", stale.id)
            stale.remove()
        self.scheduler.resume()
        return True

    @property
    def running(self) -> bool:
        return self.scheduler.running

    def stop(self) -> None:
        # Give up the seat first and explicitly: the job store disposes the engine's pool on shutdown,
        # and a pooled connection that merely goes back to a pool keeps its session's advisory lock.
        if self._lock_connection is not None:
            try:
                self._lock_connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_LOCK_KEY})
                self._lock_connection.commit()
            finally:
                self._lock_connection.invalidate()
                self._lock_connection.close()
                self._lock_connection = None
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
