"""The site keeps listening while a window waits at its sign-in.

A window its keeper starts again after a crash (or after 注销) opens on the sign-in dialog: it never
signs anybody in by itself. But on a site with no `serve` beside it (one computer, a SQLite file) the
window is what reads this computer's dongles and runs the alarm checks, and a dongle's SOS that nobody
reads is gone. So, until somebody signs in, a headless runtime of the local system (本机系统, the
seat `serve` runs as) does that work: sensor events become stored alarms, announced to the site's other
processes, exactly as `serve` would. When the dialog closes it stops (its threads joined, its dongles
released) and the window's own runtime takes over; the new window pops every unacknowledged alarm of
the signed-in user's scope from the store (`AlarmDesk` → `AlarmPopup.present_pending`).

On PostgreSQL the watch stands by like any window (`serve` leads the site) and reads only the dongles
plugged into this computer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.store import Database
from runtime.site import RuntimeOptions, SiteRuntime


@contextmanager
def keep_listening(db: Database, options: RuntimeOptions | None = None) -> Iterator[SiteRuntime]:
    """A running runtime of the local system for as long as the `with` block lasts (the sign-in)."""
    site = SiteContext(db, EventHub(), Seat())
    runtime = SiteRuntime(site, options or RuntimeOptions.for_window(site))
    runtime.start()
    try:
        yield runtime
    finally:
        runtime.stop()
