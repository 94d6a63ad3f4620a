"""`serve`: the site runtime in a process of its own, with no window and no Qt.

It logs to a rotating file and to stderr (a service manager keeps the latter), writes a traceback of
every thread to a fault file if the interpreter itself crashes, logs exceptions no thread caught, and
stops cleanly on SIGTERM or Ctrl+C: the scheduler finishes the job it is running, the lead and the
dongles are given back for another process to take at once.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from pathlib import Path

from app.config import Seat, data_dir
from app.context import SiteContext
from app.store import Database
from runtime.clip_retention import PRUNE_EVERY_S
from runtime.leadership import Duties
from runtime.site import RuntimeOptions, SiteRuntime

log = logging.getLogger("runtime.service")

SERVICE_OPERATOR = "site-service"
REPLACED_POLL_S = 0.2  # how soon a restored site is taken up (the change log itself is read every 0.2 s)  # the audit's actor for what the service does on its own


def default_log_path() -> Path:
    return data_dir() / "logs" / "serve.log"


def run_service(db: Database, options: RuntimeOptions, stop: threading.Event) -> None:
    """Run the site runtime until `stop` is set; the caller owns signals and logging. A restore that
    replaced the site starts the runtime again on it, with a fresh hub and fresh caches."""
    while True:
        site = SiteContext(db, seat=Seat(operator=SERVICE_OPERATOR))
        runtime = SiteRuntime(site, options)
        log.info("site service starting: %s (pid %d, duties %s)", db.safe_url, os.getpid(), options.duties)
        runtime.start()
        try:
            while not stop.wait(REPLACED_POLL_S) and not runtime.site_replaced.is_set():
                pass
        finally:
            log.info("site service stopping")
            runtime.stop()
            log.info("site service stopped")
        if stop.is_set():
            return
        log.info("site service starting again on the restored site")


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM (the service manager) and SIGINT (Ctrl+C) end the service cleanly."""

    def handler(signum, _frame) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def service_options(duties: str, claim_every_s: float, clip_capture: bool = True) -> RuntimeOptions:
    """`serve` keeps every camera's last seconds for event clips unless told not to, and prunes this
    computer's clips every hour (retention days, disk quota)."""
    return RuntimeOptions(
        duties=Duties(duties),
        kind="serve",
        claim_every_s=claim_every_s,
        clip_capture=clip_capture,
        clip_prune_every_s=PRUNE_EVERY_S,
    )
