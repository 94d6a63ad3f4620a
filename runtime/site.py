"""The running parts of one site in one process, with no Qt: what `serve` runs headless and what a
window hosts in-process (the same code path).

- the change hub (the site context's) and its relay to every other process of the site (PostgreSQL
  NOTIFY, or a SQLite file's change log);
- the site's lead (`Leadership`): the scheduler with the ticket sweep, the alarm checks and the
  scheduled reports (`runtime/reports/schedule.py`), and the dongles pinned to no computer, run by one process per site;
- this computer's own dongles (one reader each, `SensorStation`), their states announced on the hub;
- the alarm service with the alarm→ticket mapping, and the AI→alarm policy;
- the cameras' pre-event buffers (`packets`, filled by the capture workers this process runs) and the
  clip recorder that writes an alarm's or AI event's clip from them (`runtime/clips.py`);
- the read models the views ask for.
`stop()` ends them in the reverse order and joins their threads.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from alarms.ingest import SensorIngest
from alarms.jobs import ALARM_JOBS, AlarmSite, serve
from alarms.service import AlarmService
from alarms.station import SensorStation
from app.context import SiteContext
from app.events import SITE_RESTORED, Change, DongleState, Topic
from app.scheduler import SWEEP_INTERVAL_S, SiteScheduler
from app.store.change_log import ChangeLogRelay
from app.store.leader_lock import lock_path
from app.store.relay import ChangeRelay
from runtime.ai_alarms import AiAlarms
from runtime.alarm_tickets import wire_tickets
from runtime.clip_capture import ClipCapture
from runtime.clip_retention import ClipRetention
from runtime.clips import ClipRecorder
from runtime.device_health import CameraWatch, SensorHealth
from runtime.leadership import CLAIM_EVERY_S, STANDBY_GRACE_S, Duties, Leadership
from runtime.reads import ReadModels
from runtime.reports.schedule import REPORT_JOBS
from video.clip_writer import ClipWindow
from video.prebuffer import PacketPool

log = logging.getLogger(__name__)


@dataclass
class RuntimeOptions:
    """How this process takes part in the site (settled before `start`)."""

    duties: Duties = Duties.LEAD
    kind: str = "serve"  # "serve" or "gui": said in the hub's service announcements
    claim_every_s: float = CLAIM_EVERY_S
    standby_grace_s: float = STANDBY_GRACE_S
    sweep_every_s: int = SWEEP_INTERVAL_S
    sensors: bool = True  # open this computer's dongles (and the site's, when leading)
    # Keep every camera's last seconds here for event clips (`serve`; a window buffers its wall's cameras).
    clip_capture: bool = False
    clip_window: ClipWindow = field(default_factory=ClipWindow)
    # Prune this computer's clips every so many seconds (`serve`); None: the office runs `clips prune`.
    clip_prune_every_s: float | None = None

    @classmethod
    def for_window(cls, site: SiteContext) -> RuntimeOptions:
        """A window leads a SQLite site (nobody else will) and stands by on PostgreSQL (services lead)."""
        return cls(duties=Duties.LEAD if site.db.is_sqlite else Duties.STANDBY, kind="gui")


class SiteRuntime:
    """Starts and stops the site's running parts for one process."""

    def __init__(self, site: SiteContext, options: RuntimeOptions | None = None) -> None:
        self.site = site
        self.options = options or RuntimeOptions()
        # a grid worker's acts on alarms stay in their subtree (the site's own work acts everywhere)
        self.alarms = AlarmService(site.db, site.hub, site.seat)
        wire_tickets(self.alarms)
        self.ingest = SensorIngest(self.alarms)
        self.station = SensorStation(self.ingest, on_state=self._dongle_state, host=site.seat.host)
        self.ai_alarms = AiAlarms(site.hub, self.alarms)
        self.packets = PacketPool()
        self.clips = ClipRecorder(site, self.packets, self.alarms, window=self.options.clip_window)
        self.clip_capture = ClipCapture(site, self.packets) if self.options.clip_capture else None
        every = self.options.clip_prune_every_s
        self.clip_retention = ClipRetention(site.db, site.seat, every_s=every) if every else None
        self.camera_watch = CameraWatch(
            site
        )  # captures add their probes (serve's clip readers, a wall's workers)
        if self.clip_capture is not None:
            self.camera_watch.add_probe(self.clip_capture.states)
        self.sensor_health = SensorHealth(site)
        self.reads = ReadModels(site)
        self.relay: ChangeRelay | ChangeLogRelay | None = None
        self.leadership: Leadership | None = None
        self._withdraw_alarm_site = None
        self._running = False
        # Set when a restore replaced the site under this process: its owner starts it again on the
        # restored data (`serve` in place, a window through its keeper). Stopping here, on the relay's
        # thread that delivered the notice, would join that thread from itself.
        self.site_replaced = threading.Event()
        self._unsubscribe_site = None

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._unsubscribe_site = self.site.hub.subscribe(Topic.SITE, self._site_changed)
        self.relay = self._relay()
        if self.relay is not None:
            self.relay.start()
        self.ai_alarms.start()
        self.clips.start()
        if self.clip_capture is not None:
            self.clip_capture.start()
        if self.clip_retention is not None:
            self.clip_retention.start()
        self.camera_watch.start()
        self.sensor_health.start()
        # Before the scheduler may run them: the alarm checks work through this process's station.
        station = self.station if self.options.sensors else None
        self._withdraw_alarm_site = serve(AlarmSite(self.ingest, station))
        self.leadership = Leadership(
            self.site,
            self._make_scheduler,
            duties=self.options.duties,
            kind=self.options.kind,
            every_s=self.options.claim_every_s,
            grace_s=self.options.standby_grace_s,
            on_tick=self._tick,
        )
        self.leadership.start()

    def stop(self) -> None:
        """Stop everything started, newest first, and wait for the threads."""
        if not self._running:
            return
        self._running = False
        if self.leadership is not None:
            self.leadership.stop()  # after this no scheduler job runs here any more
        if self._withdraw_alarm_site is not None:
            self._withdraw_alarm_site()
            self._withdraw_alarm_site = None
        self.station.stop()
        if self.clip_retention is not None:
            self.clip_retention.stop()
        self.sensor_health.stop()
        self.camera_watch.stop()  # its last look and flush, while the captures still run
        if self.clip_capture is not None:
            self.clip_capture.stop()
        self.clips.stop()
        self.ai_alarms.stop()
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        if self._unsubscribe_site is not None:
            self._unsubscribe_site()
            self._unsubscribe_site = None

    def _site_changed(self, change: Change) -> None:
        if change.payload.what == SITE_RESTORED:
            log.warning(
                "the site was restored from a backup of %s: starting again on it",
                change.payload.backup_created_at,
            )
            self.site_replaced.set()

    def _relay(self) -> ChangeRelay | ChangeLogRelay | None:
        """NOTIFY on PostgreSQL, the change log on a SQLite file, none for a database in memory."""
        db = self.site.db
        if not db.is_sqlite:
            return ChangeRelay(db.url, self.site.hub)
        return ChangeLogRelay(db, self.site.hub) if lock_path(db) is not None else None

    def _make_scheduler(self) -> SiteScheduler:
        return SiteScheduler(
            self.site.db,
            interval_s=self.options.sweep_every_s,
            jobs=(*ALARM_JOBS, *REPORT_JOBS),
            site=self.site,
        )

    def _tick(self, leading: bool) -> None:
        """Each leadership round: this computer's dongles (again, those another process held), and the
        site's dongles closed when the lead was lost (the alarm job opens them where it runs)."""
        if not self.options.sensors:
            return
        self.station.start()
        if not leading:
            closed = self.station.close_site_dongles()
            if closed:
                log.info("no longer leading the site: closed %s", closed)

    def _dongle_state(self, name: str, connected: bool, detail: str) -> None:
        """A reader's state, told to every view of every seat (reader threads)."""
        state = DongleState(name, connected, detail, self.site.seat.host)
        self.site.hub.publish(Change(Topic.DONGLE, (), state))
