"""The window's keeper: `gui` runs the window as a child process and starts it again if it crashes.

A wall or a desk must come back by itself after a crash in a video decoder or an inference library
(native code the window cannot catch): the keeper, which imports neither Qt nor those libraries, waits
for the window and starts it again, sooner the first times and then at most every `MAX_DELAY_S`. The
new window pops up again every alarm nobody acknowledged, because it reads them from the store. A
window the operator closed (exit 0), or one refused for its arguments or database (exit 2), is not
restarted. A window that asks to be started afresh (exit `RESTART_EXIT_CODE`, e.g. after it restored
the site from a backup) is started again at once, without counting as a crash. SIGTERM and SIGINT are passed on to the window, and the keeper ends with it.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

log = logging.getLogger("runtime.launcher")

CHILD_FLAG = "--supervised"  # the window the keeper started: it runs, it does not keep
NOT_RESTARTED = frozenset({0, 2, 130})  # closed, refused (bad arguments or database), Ctrl+C
RESTART_EXIT_CODE = 75  # EX_TEMPFAIL: "start me again now" (the site under the window was replaced)
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 30.0
STABLE_AFTER_S = 120.0  # a window that ran this long crashed afresh: start again quickly


@dataclass
class Keeper:
    """Runs `command` until it ends of its own accord; `starts` counts the windows started."""

    command: Sequence[str]
    first_delay_s: float = FIRST_DELAY_S
    max_delay_s: float = MAX_DELAY_S
    starts: int = 0
    child: subprocess.Popen | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> int:
        delay = self.first_delay_s
        while True:
            started = time.monotonic()
            code = self._run_once()
            if self._stop.is_set() or code in NOT_RESTARTED:
                return 0 if self._stop.is_set() else code
            if code == RESTART_EXIT_CODE:
                log.info("the window asked to be started again")
                delay = self.first_delay_s
                continue
            ran_s = time.monotonic() - started
            delay = self.first_delay_s if ran_s >= STABLE_AFTER_S else delay
            log.error(
                "the window ended with %s after %.0f s; starting it again in %.0f s",
                _said(code),
                ran_s,
                delay,
            )
            if self._stop.wait(delay):
                return 0
            delay = min(delay * 2, self.max_delay_s)

    def stop(self, signum: int = signal.SIGTERM) -> None:
        """Pass a stop on to the window and do not start it again."""
        self._stop.set()
        child = self.child
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    def _run_once(self) -> int:
        self.child = subprocess.Popen(list(self.command))
        self.starts += 1
        log.info("window started: pid %d (start %d)", self.child.pid, self.starts)
        return self.child.wait()


def _said(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def child_command(argv: Sequence[str]) -> list[str]:
    """The command that starts the window itself: the program's `main` module again, with the child
    flag (by module, not by `sys.argv[0]`, which is another program's when `main.main` is called)."""
    return [sys.executable, "-m", "main", *argv, CHILD_FLAG]


def keep_window(argv: Sequence[str]) -> int:
    """Run the window given by `argv` (the `gui` arguments) under a keeper; returns its last exit code."""
    from app.config import data_dir
    from runtime.logs import setup_logging

    setup_logging(data_dir() / "logs" / "gui-keeper.log")
    keeper = Keeper(child_command(argv))
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda number, _frame: keeper.stop(number))
    return keeper.run()
