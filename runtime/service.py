"""`serve`: the site runtime in a process of its own, with no window and no Qt.

It logs to a rotating file and to stderr (a service manager keeps the latter), writes a traceback of
every thread to a fault file if the interpreter itself crashes, logs exceptions no thread caught, and
stops cleanly on SIGTERM or Ctrl+C: the scheduler finishes the job it is running, the lead and the
dongles are given back for another process to take at once.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import signal
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from app.config import Seat, data_dir
from app.context import SiteContext
from app.store import Database
from runtime.leadership import Duties
from runtime.site import RuntimeOptions, SiteRuntime

log = logging.getLogger("runtime.service")

LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5
SERVICE_OPERATOR = "site-service"  # the audit's actor for what the service does on its own


def default_log_path() -> Path:
    return data_dir() / "logs" / "serve.log"


def setup_logging(path: Path, verbose: bool = False) -> IO[str]:
    """Log to a rotating file and stderr; returns the fault file that `faulthandler` writes to."""
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):  # main() configured stderr already; ours replaces it
        root.removeHandler(handler)
    formatter = logging.Formatter(LOG_FORMAT)
    for handler in (
        RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"),
        logging.StreamHandler(sys.stderr),
    ):
        handler.setFormatter(formatter)
        root.addHandler(handler)
    faults = open(path.with_suffix(".faults"), "a", encoding="utf-8")  # noqa: SIM115 (kept for life)
    faulthandler.enable(file=faults, all_threads=True)
    log_uncaught_exceptions()
    return faults


def log_uncaught_exceptions() -> None:
    """An exception no thread caught is logged with its traceback instead of only printed."""

    def main_thread_hook(kind, value, traceback) -> None:
        log.critical("uncaught exception", exc_info=(kind, value, traceback))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical(
            "uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    sys.excepthook = main_thread_hook
    threading.excepthook = thread_hook


def run_service(db: Database, options: RuntimeOptions, stop: threading.Event) -> None:
    """Run the site runtime until `stop` is set; the caller owns signals and logging."""
    site = SiteContext(db, seat=Seat(operator=SERVICE_OPERATOR))
    runtime = SiteRuntime(site, options)
    log.info("site service starting: %s (pid %d, duties %s)", db.safe_url, os.getpid(), options.duties)
    runtime.start()
    try:
        stop.wait()
    finally:
        log.info("site service stopping")
        runtime.stop()
        log.info("site service stopped")


def stop_on_signals(stop: threading.Event) -> None:
    """SIGTERM (the service manager) and SIGINT (Ctrl+C) end the service cleanly."""

    def handler(signum, _frame) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def service_options(duties: str, claim_every_s: float) -> RuntimeOptions:
    return RuntimeOptions(duties=Duties(duties), kind="serve", claim_every_s=claim_every_s)
