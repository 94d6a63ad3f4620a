"""One process per site leads: it runs the scheduler (ticket time limits, alarm checks) and reads the
dongles pinned to no computer. Every other process of the site stands by and takes over when the
leader goes (its lock is released by the database or the operating system the moment it dies).

How eagerly a process claims the lead is its `Duties`: a `serve` process and the only window on a
SQLite file claim at once and keep trying every few seconds; a window on a PostgreSQL site is a
fallback that claims only after a grace period, so a site's services win the lead and a window
closing does not move the site's work around; a view-only seat never claims.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from enum import StrEnum

from app.context import SiteContext
from app.events import Change, ServiceState, Topic
from app.scheduler import SiteScheduler

log = logging.getLogger(__name__)

CLAIM_EVERY_S = 3.0
STANDBY_GRACE_S = 90.0


class Duties(StrEnum):
    LEAD = "lead"  # claim at once, keep trying (serve; a window on SQLite)
    STANDBY = "standby"  # claim only after a grace period (a window on PostgreSQL)
    NONE = "none"  # never claim (a view-only seat)


class Role(StrEnum):
    STARTING = "starting"
    LEADING = "leading"  # this process runs the site's duties
    STANDBY = "standby"  # another process runs them; this one takes over when it goes
    STOPPED = "stopped"  # it could not start (see `reason`), or the process is closing


class Leadership:
    """Claims the site's lead on a thread of its own and runs the scheduler while it holds it.

    `on_tick` runs on that thread every round, led or not (the runtime opens this computer's own
    dongles there, retrying those another process on this computer still holds). `on_role` hears each
    change of role.
    """

    def __init__(
        self,
        site: SiteContext,
        make_scheduler: Callable[[], SiteScheduler],
        *,
        duties: Duties = Duties.LEAD,
        kind: str = "serve",
        every_s: float = CLAIM_EVERY_S,
        grace_s: float = STANDBY_GRACE_S,
        on_tick: Callable[[bool], None] | None = None,
        on_role: Callable[[Role, str], None] | None = None,
    ) -> None:
        self.site = site
        self.duties = duties
        self.kind = kind
        self.every_s = every_s
        self.grace_s = grace_s
        self.role = Role.STOPPED
        self.reason = ""
        self.scheduler: SiteScheduler | None = None
        self._make_scheduler = make_scheduler
        self._on_tick = on_tick or (lambda _leading: None)
        self._on_role = on_role or (lambda _role, _reason: None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._started_at = 0.0

    @property
    def leading(self) -> bool:
        return self.role is Role.LEADING

    def start(self) -> None:
        self._stop.clear()
        self._started_at = time.monotonic()
        self._set_role(Role.STARTING if self.duties is not Duties.NONE else Role.STANDBY)
        self._thread = threading.Thread(target=self._run, name="site-leadership", daemon=True)
        self._thread.start()

    def wait_until(self, wanted: Callable[[Role], bool], timeout: float) -> bool:
        """For tests and start-up checks: wait until the role satisfies `wanted`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if wanted(self.role):
                return True
            time.sleep(0.02)
        return wanted(self.role)

    def stop(self) -> None:
        """Stop claiming, stop the scheduler (waiting for a job in progress) and give the lead back."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._resign()
        self._set_role(Role.STOPPED, "closing")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._round()
            except Exception as error:  # noqa: BLE001 (a database outage: said, and tried again)
                log.exception("site leadership round failed")
                self._resign()
                self._set_role(Role.STOPPED, str(error))
            self._stop.wait(self.every_s)

    def _round(self) -> None:
        if self.scheduler is not None and not self.scheduler.lock.still_held():
            self._resign()  # the database restarted: the lock is gone, someone else may hold it now
        if self.scheduler is None and self._may_claim():
            self._claim()
        if self.scheduler is None and self.role is not Role.STANDBY:
            self._set_role(Role.STANDBY)
        self._on_tick(self.scheduler is not None)

    def _may_claim(self) -> bool:
        if self.duties is Duties.NONE:
            return False
        if self.duties is Duties.STANDBY:
            return time.monotonic() - self._started_at >= self.grace_s
        return True

    def _claim(self) -> None:
        scheduler = self._make_scheduler()
        try:
            runs = scheduler.start()
        except Exception:
            scheduler.stop()
            raise
        if runs:
            self.scheduler = scheduler
            self._set_role(Role.LEADING)

    def _resign(self) -> None:
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.stop()

    def _set_role(self, role: Role, reason: str = "") -> None:
        if (role, reason) == (self.role, self.reason):
            return
        self.role, self.reason = role, reason
        log.info("site duties: %s %s", role, reason)
        self._on_role(role, reason)
        state = ServiceState(role.value, self.site.seat.host, os.getpid(), self.kind, reason)
        self.site.hub.publish(Change(Topic.SERVICE, (), state))
