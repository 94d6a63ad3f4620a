"""Clip retention on a schedule: `serve` prunes its computer's clips (`runtime/clip_library.prune`:
past the site's days, then over its disk quota oldest first, those of open alarms and tickets kept,
each deleted clip audited) soon after it starts and then every hour.

Each computer prunes the files it holds (a clip's row names its host), so this runs in every `serve`,
not as a job of the site's lead. A round that fails (the database away) is logged and tried again at
the next one; nothing is lost, the clips simply stay until then.
"""

from __future__ import annotations

import logging
import threading

from app.config import Seat
from app.store import Database
from runtime.clip_library import PruneReport, prune

log = logging.getLogger(__name__)

PRUNE_EVERY_S = 3600.0
FIRST_ROUND_AFTER_S = 60.0  # after start-up's own work (cameras connecting, the lead claimed)


class ClipRetention:
    def __init__(
        self,
        db: Database,
        seat: Seat,
        every_s: float = PRUNE_EVERY_S,
        first_after_s: float = FIRST_ROUND_AFTER_S,
    ) -> None:
        self.db, self.seat = db, seat
        self.every_s, self.first_after_s = every_s, first_after_s
        self.rounds = 0
        self.last_report: PruneReport | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="clip-retention", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        wait = self.first_after_s
        while not self._stop.wait(wait):
            self.prune_once()
            wait = self.every_s

    def prune_once(self) -> PruneReport | None:
        try:
            report = prune(self.db, self.seat, record_idle=False)
        except Exception:  # noqa: BLE001 (a failed round is retried at the next; the service goes on)
            log.exception("pruning the clips failed; trying again in %.0f s", self.every_s)
            return None
        self.rounds += 1
        self.last_report = report
        if report.removed or report.abandoned:
            log.info(
                "clips pruned: %d removed (%d bytes), %d kept for open alarms or tickets, %d unfinished",
                report.removed,
                report.freed_bytes,
                report.kept_open,
                report.abandoned,
            )
        return report

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)
            self._thread = None
