"""Seats of one PostgreSQL site as real processes: how soon a change reaches another seat, and how soon
a second `serve` takes the site's lead after the leading one is killed with SIGKILL.

Change → seat: this process opens tickets through a ticket desk on its own hub, relayed like any seat's
(PostgreSQL NOTIFY). A GUI seat (offscreen, `gui --trace-changes`) writes each change to its trace file
as its GUI thread receives it, after which its views refresh; this process watches that file. Each
figure is a round trip on one clock: from the moment the change is published here until its line is in
the seat's trace. Beside it, the same changes as `events tail --json` prints them (the relay alone, no
window). Targets: p99 <= 1 s; the moonshot, p99 <= 100 ms, is a figure of its own. A `serve` leads the
site meanwhile, as in an office.

Fail-over: two `serve` processes with the default claim interval; the leader is killed with SIGKILL and
the time until the other announces `leading` (heard here over the relay) is measured, several rounds.
Target: <= 30 s.

    .venv/bin/python benchmarks/seats.py [--changes 300] [--every 0.05] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from _figures import figure, percentile, print_figures
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.config import Seat  # noqa: E402
from app.events import Change, EventHub, Topic  # noqa: E402
from app.store import Database  # noqa: E402
from app.store.relay import ChangeRelay  # noqa: E402
from app.tickets.desk import TicketDesk  # noqa: E402
from app.tickets.intake import Intake  # noqa: E402
from tests.alarms.site import build_site  # noqa: E402

PG_ADMIN_URL = os.environ.get("GCC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
TARGET_P99_S = 1.0
MOONSHOT_P99_S = 0.1
TARGET_FAILOVER_S = 30.0
START_S = 90.0


class ScratchDatabase:
    """A PostgreSQL database of its own for the run, migrated, dropped at the end."""

    def __init__(self) -> None:
        self.name = f"gcc_bench_{uuid.uuid4().hex[:12]}"
        self.url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{self.name}"
        self._admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")

    def __enter__(self) -> Database:
        with self._admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{self.name}"'))
        self.db = Database(self.url)
        self.db.upgrade()
        return self.db

    def __exit__(self, *_exc) -> None:
        self.db.dispose()
        with self._admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self._admin.dispose()


def signed_in(db: Database, folder: Path) -> list[str]:
    """An operator account for the GUI seat, signed in unattended (its password in a 0600 file)."""
    from app.access.accounts import Accounts

    Accounts(db, Seat()).add("基准值班员", "operator", "bench-password-1")
    secret = folder / "seat.password"
    secret.write_text("bench-password-1\n", encoding="utf-8")
    secret.chmod(0o600)
    return ["--user", "基准值班员", "--password-file", str(secret)]


def launch(args: list[str], folder: Path, name: str, stdout=None) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1", "GCC_DATA_DIR": str(folder)}
    log = stdout if stdout is not None else (folder / f"{name}.out").open("wb")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def wait_until(condition: Callable[[], object], timeout: float, what: str, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(every)


class Arrivals:
    """Ticket ids seen in a stream of JSON change lines, with the moment (perf_counter) each was read,
    and whether a probe (a grid change from `origin`) arrived."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.seen: dict[int, float] = {}
        self.probed = False

    def take(self, line: str) -> None:
        now = time.perf_counter()
        try:
            change = json.loads(line)
        except ValueError:
            return
        if change.get("topic") == "ticket" and change.get("action") == "opened":
            for ticket_id in change["ids"]:
                self.seen.setdefault(ticket_id, now)
        elif change.get("topic") == "grid" and change.get("origin") == self.origin:
            self.probed = True


def follow_file(path: Path, arrivals: Arrivals, stopping: threading.Event) -> None:
    """Read lines as they are appended to the seat's trace file (polled every millisecond)."""
    with path.open("r", encoding="utf-8") as trace:
        pending = ""
        while not stopping.is_set():
            chunk = trace.read()
            if not chunk:
                time.sleep(0.001)
                continue
            pending += chunk
            *lines, pending = pending.split("\n")
            for line in lines:
                arrivals.take(line)


def follow_pipe(process: subprocess.Popen, arrivals: Arrivals) -> None:
    for line in process.stdout:
        arrivals.take(line.decode("utf-8", "replace"))


def measure_changes(db: Database, folder: Path, count: int, every_s: float) -> dict[str, list[float]]:
    """Seconds from publishing each ticket change here to its arrival at the GUI seat and at `events tail`."""
    site = build_site(db)
    hub = EventHub()
    published: dict[int, float] = {}
    hub.subscribe(Topic.TICKET, lambda change: published.setdefault(change.ids[0], time.perf_counter()))
    relay = ChangeRelay(db.url, hub)  # subscribed after the stamp above: the stamp is the publication
    relay.start()
    relay.wait_ready(10)
    trace = folder / "seat.trace.jsonl"
    trace.touch()
    serve = launch(["serve", "--db", db.url, "--log", str(folder / "serve.log")], folder, "serve")
    seat = launch(["gui", "--db", db.url, "--trace-changes", str(trace), *signed_in(db, folder)], folder, "seat")
    tail = launch(["events", "tail", "--json", "--db", db.url], folder, "tail", stdout=subprocess.PIPE)
    at_seat, at_tail, stopping = Arrivals(relay.origin), Arrivals(relay.origin), threading.Event()
    readers = [
        threading.Thread(target=follow_file, args=(trace, at_seat, stopping), daemon=True),
        threading.Thread(target=follow_pipe, args=(tail, at_tail), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        probe = Change(Topic.GRID)  # an empty grid change until both listeners hear this process

        def both_hear() -> bool:
            hub.publish(probe)
            return at_seat.probed and at_tail.probed

        wait_until(both_hear, START_S, "the seat and events tail to hear this process", every=0.5)
        time.sleep(2.0)  # the seat's first reads settle
        desk = TicketDesk(db, seat=Seat(operator="基准席位"), hub=hub)
        for n in range(count):
            desk.open(
                Intake(category="SR01", text=f"基准工单 {n}", household_id=site.household_id), force=True
            )
            time.sleep(every_s)
        wait_until(
            lambda: len(at_seat.seen) >= count and len(at_tail.seen) >= count, 30, "every change heard"
        )
    finally:
        stopping.set()
        for process in (seat, tail, serve):
            stop(process)
        relay.stop()
    return {
        "seat": [at_seat.seen[i] - published[i] for i in published],
        "tail": [at_tail.seen[i] - published[i] for i in published],
    }


def measure_failover(db: Database, folder: Path, rounds: int) -> list[float]:
    """Seconds from SIGKILL of the leading serve until the standing-by one announces `leading`."""
    hub = EventHub()
    heard: queue.Queue[tuple[float, Change]] = queue.Queue()
    hub.subscribe(Topic.SERVICE, lambda change: heard.put((time.perf_counter(), change)))
    relay = ChangeRelay(db.url, hub)
    relay.start()
    relay.wait_ready(10)
    roles: dict[int, str] = {}

    def update() -> None:
        while not heard.empty():
            _at, change = heard.get()
            roles[change.payload.pid] = change.payload.role

    def start_serve(n: int) -> subprocess.Popen:
        args = ["serve", "--db", db.url, "--log", str(folder / f"failover-{n}.log")]
        return launch(args, folder, f"failover-{n}")

    running = [start_serve(0)]
    times: list[float] = []
    try:
        wait_until(lambda: (update(), roles.get(running[0].pid) == "leading")[1], START_S, "a leader")
        for n in range(1, rounds + 1):
            running.append(start_serve(n))
            wait_until(lambda: (update(), roles.get(running[-1].pid) == "standby")[1], START_S, "a standby")
            leader, successor = running[-2], running[-1]
            killed = time.perf_counter()
            leader.send_signal(signal.SIGKILL)
            leader.wait(10)
            while True:
                at, change = heard.get(timeout=TARGET_FAILOVER_S * 3)
                roles[change.payload.pid] = change.payload.role
                if change.payload.pid == successor.pid and change.payload.role == "leading":
                    times.append(at - killed)
                    break
    finally:
        for process in running:
            stop(process)
        relay.stop()
    return times


def latency_figures(name: str, values: list[float], targets: bool) -> list[dict]:
    p99 = percentile(values, 0.99)
    figures = [
        figure(f"{name}_p50", percentile(values, 0.5) * 1000, "ms", digits=1),
        figure(
            f"{name}_p99",
            p99 * 1000,
            "ms",
            *((f"<= {TARGET_P99_S * 1000:g}", p99 <= TARGET_P99_S) if targets else ()),
            digits=1,
        ),
        figure(f"{name}_max", max(values) * 1000, "ms", digits=1),
    ]
    if targets:
        figures.append(
            figure(
                f"{name}_p99_moonshot",
                p99 * 1000,
                "ms",
                f"<= {MOONSHOT_P99_S * 1000:g}",
                p99 <= MOONSHOT_P99_S,
                digits=1,
            )
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--every", type=float, default=0.05, help="seconds between changes")
    parser.add_argument("--rounds", type=int, default=3, help="fail-overs to measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="seats-bench-") as folder, ScratchDatabase() as db:
        latencies = measure_changes(db, Path(folder), args.changes, args.every)
        failovers = measure_failover(db, Path(folder), args.rounds)
    worst = max(failovers)
    figures = [
        *latency_figures("change_to_gui_seat", latencies["seat"], targets=True),
        *latency_figures("change_to_events_tail", latencies["tail"], targets=False),
        figure(
            "failover_after_kill9_max",
            worst,
            "s",
            f"<= {TARGET_FAILOVER_S:g}",
            worst <= TARGET_FAILOVER_S,
            digits=2,
        ),
        figure("failover_after_kill9_median", statistics.median(failovers), "s", digits=2),
    ]
    print_figures(
        figures,
        changes=args.changes,
        every_s=args.every,
        failover_rounds=args.rounds,
        load_average=os.getloadavg(),
    )


if __name__ == "__main__":
    main()
