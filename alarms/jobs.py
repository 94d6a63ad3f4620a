"""The alarm area's site-wide duties, run only by the process that leads the site.

Every minute: read the dongles pinned to no host (one process must, and only one), run the silence
rules (inactivity, silent sensors) and escalate alarms nobody acknowledged in time. The scheduler
keeps the job as the text `alarms.jobs:run_checks` and calls it with the site's database URL only,
so the job finds this process's alarm site through `serve()`: the process's runtime serves one on its
own hub when it starts (`runtime/site.py`), so what the checks raise reaches its views and, relayed,
every other process at once. Only a process that served nothing (a command line tool) runs the checks
on a hub of their own: the alarms are stored, and seats see them when they next read.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from alarms.escalation import DEFAULT_ESCALATE_AFTER_MIN
from alarms.ingest import SensorIngest
from alarms.service import AlarmService
from alarms.station import SensorStation
from app.config import Seat
from app.events import EventHub
from app.scheduler import ScheduledJob
from app.store import Database

log = logging.getLogger(__name__)

CHECKS_JOB_ID = "alarms.checks"
CHECK_EVERY_S = 60
ALARM_JOBS = (ScheduledJob(CHECKS_JOB_ID, f"{__name__}:run_checks", CHECK_EVERY_S, "告警检查 alarm checks"),)


@dataclass(frozen=True)
class AlarmSite:
    """What the job works through in this process: the ingest (its hub and seat) and the station."""

    ingest: SensorIngest
    station: SensorStation | None = None
    escalate_after_min: float = DEFAULT_ESCALATE_AFTER_MIN


_served: dict[str, list[AlarmSite]] = {}  # per database URL; the newest served is the one used
_unserved: dict[str, AlarmSite] = {}
_sites_lock = threading.Lock()


def serve(site: AlarmSite) -> Callable[[], None]:
    """Let the scheduler job of this process work through `site` (until a newer one is served, or
    after that one is withdrawn); returns the function that withdraws it."""
    url = site.ingest.db.url
    with _sites_lock:
        _served.setdefault(url, []).append(site)

    def withdraw() -> None:
        with _sites_lock:
            remaining = [served for served in _served.get(url, []) if served is not site]
            if remaining:
                _served[url] = remaining
            else:
                _served.pop(url, None)

    return withdraw


def _site_for(db_url: str) -> AlarmSite:
    with _sites_lock:
        served = _served.get(db_url)
        if served:
            return served[-1]
        site = _unserved.get(db_url)
        if site is None:
            ingest = SensorIngest(AlarmService(Database(db_url), EventHub(), Seat()))
            site = _unserved[db_url] = AlarmSite(ingest)
        return site


def run_checks(db_url: str) -> dict:
    """The job: site-wide dongles, silence rules, overdue escalation; returns what it did."""
    site = _site_for(db_url)
    opened = site.station.open_site_dongles() if site.station is not None else []
    raised = site.ingest.sweep()
    escalated = site.ingest.alarms.escalate_overdue(site.escalate_after_min)
    report = {"opened": opened, "raised": raised, "escalated": escalated}
    if opened or raised or escalated:
        log.info("alarm checks: %s", report)
    return report
