"""The site's one scheduler: APScheduler 3 with its jobs kept in the site database.

With several seats on PostgreSQL only the seat holding the advisory lock runs it; the others view.
The ticket sweep is idempotent and catches up by itself, so a missed run needs no replay: APScheduler
coalesces missed runs into one. The store keeps a job as text, so a job finds what it works with
through its database URL: the ticket desk of the scheduler running in this process, which publishes
on the site's hub (an escalation reaches every view and, relayed, every seat). Areas above `app` (the alarm checks) hand their jobs in as
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

from app.context import SiteContext
from app.site_clock import SiteClock
from app.store import Database
from app.store.leader_lock import LeaderLock

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "tickets.sweep"
SWEEP_INTERVAL_S = 60
JOB_TABLE = "apscheduler_jobs"

# The desk each running scheduler of this process sweeps with, by database URL (see run_ticket_sweep).
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
    if desk is None:  # run by hand (a test, a command): nobody to tell but the store
        desk = TicketDesk(Database(db_url))
    report = sweep(desk)
    if report.tickets:
        log.info("ticket sweep: %s", report.as_dict())
    return report.as_dict()


def ticket_sweep_job(interval_s: int = SWEEP_INTERVAL_S) -> ScheduledJob:
    return ScheduledJob(SWEEP_JOB_ID, f"{__name__}:run_ticket_sweep", interval_s, "工单时限监控 ticket sweep")


class SiteScheduler:
    """Starts the scheduler if this process holds the site's leader lock and keeps the site's jobs in
    the store.

    The jobs are the ticket sweep plus the `jobs` the caller adds; a stored job that is neither (an
    area no longer installed, a renamed job) is removed at start, so the store holds what runs. `site`
    gives the sweep its hub and seat; without one its escalations are stored but announced to nobody.
    """

    def __init__(
        self,
        db: Database,
        *,
        interval_s: int = SWEEP_INTERVAL_S,
        jobs: Sequence[ScheduledJob] = (),
        site: SiteContext | None = None,
    ) -> None:
        self.db = db
        self.site = site
        self.interval_s = interval_s
        self.jobs: tuple[ScheduledJob, ...] = (ticket_sweep_job(interval_s), *jobs)
        if len({job.id for job in self.jobs}) != len(self.jobs):
            raise ValueError(f"duplicate scheduler job ids: {[job.id for job in self.jobs]}")
        self.lock = LeaderLock(db)
        self.scheduler = BackgroundScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=db.engine, tablename=JOB_TABLE)},
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=(site.clock if site is not None else SiteClock()).zone,  # its log lines' times
        )

    def claim(self) -> bool:
        """True when this process is the site's leader (it holds, or has now taken, the leader lock)."""
        return self.lock.try_acquire()

    def start(self) -> bool:
        """Start if this process may; returns whether it runs. The jobs are (re)registered idempotently."""
        if not self.claim():
            log.info("another process runs the site's scheduler")
            return False
        if self.site is not None:
            from app.tickets.desk import TicketDesk

            _desks[self.db.url] = TicketDesk(self.db, seat=self.site.seat, hub=self.site.hub)
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
            log.info("removing stored scheduler job %s (no process runs it any more)", stale.id)
            stale.remove()
        self.scheduler.resume()
        return True

    @property
    def running(self) -> bool:
        return self.scheduler.running

    def stop(self) -> None:
        """Wait for a job in progress, then give up the site's lock for the next process to take."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        if self.site is not None and self.lock.held:
            _desks.pop(self.db.url, None)
        self.lock.release()
