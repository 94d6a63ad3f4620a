"""Where a site process writes what happened: a rotating log file and stderr, a fault file for crashes
of the interpreter itself (a native library), and every exception no thread caught."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

log = logging.getLogger("runtime")

LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"
LOG_BYTES = 5 * 1024 * 1024
LOG_BACKUPS = 5


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
