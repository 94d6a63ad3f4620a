"""The window's keeper starts the window again after a crash, and only then."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runtime.launcher import RESTART_EXIT_CODE, Keeper

ROOT = Path(__file__).resolve().parents[2]


def crashing_then_closing(counter: Path, crashes: int) -> list[str]:
    """A child that aborts (as a native crash would) `crashes` times, then exits as a closed window."""
    code = (
        "import os, pathlib, sys\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) if p.exists() else 0\n"
        "p.write_text(str(n + 1))\n"
        f"os.abort() if n < {crashes} else sys.exit(0)\n"
    )
    return [sys.executable, "-c", code]


def test_a_crashed_window_is_started_again_until_it_is_closed(tmp_path):
    keeper = Keeper(crashing_then_closing(tmp_path / "n", crashes=2), first_delay_s=0.01)
    assert keeper.run() == 0
    assert keeper.starts == 3


def test_a_window_refused_for_its_arguments_is_not_started_again(tmp_path):
    keeper = Keeper([sys.executable, "-c", "import sys; sys.exit(2)"], first_delay_s=0.01)
    assert keeper.run() == 2 and keeper.starts == 1


def test_a_window_that_asks_to_start_afresh_is_started_again_at_once(tmp_path):
    counter = tmp_path / "n"
    code = (
        "import pathlib, sys\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) if p.exists() else 0\n"
        "p.write_text(str(n + 1))\n"
        f"sys.exit({RESTART_EXIT_CODE} if n < 2 else 0)\n"
    )
    keeper = Keeper([sys.executable, "-c", code], first_delay_s=60)  # a crash would wait a minute
    started = time.monotonic()
    assert keeper.run() == 0
    assert keeper.starts == 3 and time.monotonic() - started < 30


def test_a_stop_is_passed_on_to_the_window_and_nothing_starts_again(tmp_path):
    keeper = Keeper([sys.executable, "-c", "import time; time.sleep(60)"], first_delay_s=0.01)
    import threading

    result = []
    runner = threading.Thread(target=lambda: result.append(keeper.run()))
    runner.start()
    deadline = time.monotonic() + 10
    while keeper.child is None and time.monotonic() < deadline:
        time.sleep(0.02)
    keeper.stop()
    runner.join(10)
    assert result == [0] and keeper.starts == 1


def _announcements(trace: Path) -> list[dict]:
    if not trace.exists():
        return []
    lines = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if line["topic"] == "service" and line["origin"] is None]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads a process's children from /proc")
def test_the_gui_comes_back_after_its_process_is_killed(sqlite_db, tmp_path, cli_user):
    from tests.app.tickets.conftest import build_site

    build_site(sqlite_db)  # a site that exists: the window opens without the new-site wizard
    cli_user(sqlite_db.url, "值班员", "operator")  # signed in unattended (GCC_USER, GCC_PASSWORD_FILE)
    trace = tmp_path / "trace.jsonl"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GCC_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, str(ROOT / "main.py"), "gui", "--db", sqlite_db.url, "--view", "alarms"]
    keeper = subprocess.Popen([*command, "--trace-changes", str(trace)], cwd=ROOT, env=env)
    try:
        first = _wait_for(lambda: {a["pid"] for a in _announcements(trace) if a["role"] == "leading"}, 60)
        (window,) = _children(keeper.pid)
        assert first == {window}
        os.kill(window, signal.SIGKILL)  # a crash the window cannot catch
        pids = _wait_for(
            lambda: {a["pid"] for a in _announcements(trace) if a["role"] == "leading"} - first, 60
        )
        assert pids and keeper.poll() is None  # a new window leads the site again
    finally:
        keeper.send_signal(signal.SIGTERM)
        code = keeper.wait(30)
    assert code == 0  # the stop reached the window, which closed, and the keeper with it
    assert not _children(keeper.pid) if Path(f"/proc/{keeper.pid}").exists() else True


def _wait_for(probe, timeout_s: float):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"nothing within {timeout_s} s")
