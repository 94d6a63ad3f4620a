"""The site runtime without a window: one leader per site, the sweep's escalations reach every listener,
the lead moves when its holder goes, and `serve` / `events tail` run as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.config import Seat
from app.context import SiteContext
from app.events import Change, EventHub, Topic
from app.store import Database
from runtime.leadership import Duties, Role
from runtime.site import RuntimeOptions, SiteRuntime
from tests.app.tickets.conftest import IN_G1, build_site, open_ticket

ROOT = Path(__file__).resolve().parents[2]


def runtime_on(db: Database, duties: Duties = Duties.LEAD, hub: EventHub | None = None) -> SiteRuntime:
    site = SiteContext(Database(db.url), hub or EventHub(), Seat("tester", "seat-1"))  # a process of its own
    return SiteRuntime(site, RuntimeOptions(duties=duties, claim_every_s=0.1, standby_grace_s=0.5))


def leading(runtime: SiteRuntime, timeout: float = 20) -> bool:
    assert runtime.leadership is not None
    return runtime.leadership.wait_until(lambda role: role is Role.LEADING, timeout)


@pytest.fixture
def site_db(request):
    """Both back ends: a SQLite file (lock file beside it) and PostgreSQL (advisory lock)."""
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("site_db", ["sqlite_db", pytest.param("pg_db", marks=pytest.mark.pg)], indirect=True)
def test_one_process_leads_and_another_takes_over_when_it_stops(site_db):
    first, second = runtime_on(site_db), runtime_on(site_db)
    first.start()
    try:
        assert leading(first)
        second.start()
        assert second.leadership.wait_until(lambda role: role is Role.STANDBY, 10)
        time.sleep(0.5)  # several rounds: the second never leads while the first does
        assert second.leadership.role is Role.STANDBY
        first.stop()
        assert leading(second, 10)
    finally:
        first.stop()
        second.stop()
        first.site.db.dispose()
        second.site.db.dispose()


def test_the_sweeps_escalations_are_heard_by_every_listener_of_the_leader(sqlite_db):
    """The scheduler's desk publishes: an escalation reaches the views (and, relayed, the other seats)."""
    site = build_site(sqlite_db)
    from tests.app.tickets.conftest import make_desk

    ticket = open_ticket(make_desk(sqlite_db), IN_G1, when="2026-11-02T09:00")  # long overdue by now
    heard: list[Change] = []
    runtime = runtime_on(sqlite_db)
    runtime.site.hub.subscribe(Topic.TICKET, heard.append)
    runtime.start()
    try:
        assert leading(runtime)
        deadline = time.monotonic() + 20
        while not heard and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        runtime.stop()
        runtime.site.db.dispose()
    assert [(c.ids, c.payload.action) for c in heard] == [((ticket,), "sweep")]
    assert site.grids  # the site the ticket was dispatched in


def test_a_standby_window_leads_only_when_nobody_has_after_its_grace(sqlite_db):
    window = runtime_on(sqlite_db, Duties.STANDBY)
    window.start()
    try:
        assert window.leadership.wait_until(lambda role: role is Role.STANDBY, 5)
        assert leading(window, 10)  # nobody else leads this site: after the grace the window does
    finally:
        window.stop()
        window.site.db.dispose()


def test_a_view_only_process_never_leads(sqlite_db):
    viewer = runtime_on(sqlite_db, Duties.NONE)
    viewer.start()
    try:
        time.sleep(0.5)
        assert viewer.leadership.role is Role.STANDBY
    finally:
        viewer.stop()
        viewer.site.db.dispose()


def test_a_scheduler_that_cannot_start_says_why_and_is_tried_again(sqlite_db):
    heard: list[Change] = []
    runtime = runtime_on(sqlite_db)
    runtime.site.hub.subscribe(Topic.SERVICE, heard.append)
    attempts = []

    def broken():
        attempts.append(1)
        raise RuntimeError("作业表无法创建")

    runtime._make_scheduler = broken
    runtime.start()
    try:
        deadline = time.monotonic() + 10
        while len(attempts) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        runtime.stop()
        runtime.site.db.dispose()
    assert len(attempts) >= 3
    assert any(c.payload.role == "stopped" and c.payload.reason == "作业表无法创建" for c in heard)


# ---- serve and events tail, as real processes -------------------------------------------------------


def _main(*args: str, env: dict | None = None, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env or os.environ.copy(), **popen
    )


@pytest.mark.slow
def test_serve_runs_the_site_headless_and_stops_cleanly_on_sigterm(sqlite_db, tmp_path):
    url = sqlite_db.url
    sqlite_db.dispose()
    log = tmp_path / "serve.log"
    tail = _main("events", "tail", "--json", "--count", "2", "--db", url, stdout=subprocess.PIPE, text=True)
    time.sleep(1.5)  # the tail follows what is appended from its start on
    serve = _main("serve", "--db", url, "--log", str(log), "--claim-every", "0.2")
    try:
        out, _ = tail.communicate(timeout=60)
    finally:
        serve.send_signal(signal.SIGTERM)
        code = serve.wait(30)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(c["topic"], c["role"], c["kind"], c["pid"]) for c in lines] == [
        ("service", "starting", "serve", serve.pid),
        ("service", "leading", "serve", serve.pid),
    ]
    assert all(c["origin"] and c["at"] for c in lines)
    text = log.read_text(encoding="utf-8")
    assert "site service starting" in text and "site service stopped" in text
    assert "PySide6" not in text


def test_the_service_command_imports_no_qt():
    probe = (
        "import sys, main\n"
        "main.build_parser()\n"
        "import runtime.service, runtime.commands, runtime.launcher\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
