"""The hash-chained audit log: what sealing costs a commit, how fast `audit verify` walks a long log, and
how many entries several seats append per second on PostgreSQL while keeping one gapless chain.

- single: commits of one entry each (an alarm acknowledged, a ticket moved), SQLite file; per commit.
- bulk: one commit of many entries (the sweep, an intake batch) through `audit.record_rows`; per entry.
- verify: the whole chain walked and every hash recomputed; entries per second.
- seats: SEATS threads, each its own engine (as separate processes would be), committing one entry at a
  time on PostgreSQL; entries per second, and the chain checked afterwards.

    .venv/bin/python benchmarks/audit.py [--single 500] [--bulk 20000] [--seats 4] [--per-seat 200]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from _figures import figure, print_figures
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import audit  # noqa: E402
from app.audit_chain import verify  # noqa: E402
from app.config import Seat  # noqa: E402
from app.store import Database  # noqa: E402
from app.store.base import utcnow  # noqa: E402

PG_ADMIN_URL = os.environ.get("GCC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
SEAT = Seat("基准席位", "bench")


def single_commits(db: Database, count: int) -> float:
    start = time.perf_counter()
    for number in range(count):
        with db.session() as session:
            audit.record(session, SEAT, "alarm.acknowledge", "alarm", number, note="已电话联系")
    return (time.perf_counter() - start) / count * 1000


def bulk_commit(db: Database, count: int) -> float:
    rows = [
        {"at": utcnow(), "actor": "scheduler", "seat": "scheduler@bench", "action": "ticket.escalate",
         "entity": "ticket", "entity_id": n, "detail": '{"level": 2}'}
        for n in range(count)
    ]  # fmt: skip
    start = time.perf_counter()
    with db.session() as session:
        audit.record_rows(session, rows)
    return (time.perf_counter() - start) / count * 1_000_000


def verify_rate(db: Database) -> tuple[float, int, bool]:
    start = time.perf_counter()
    with db.session() as session:
        report = verify(session)
    return report.checked / (time.perf_counter() - start), report.checked, report.intact


def seats_rate(url: str, seats: int, per_seat: int) -> tuple[float, bool]:
    databases = [Database(url) for _ in range(seats)]
    barrier = threading.Barrier(seats)

    def work(db: Database) -> None:
        barrier.wait()
        for number in range(per_seat):
            with db.session() as session:
                audit.record(session, SEAT, "ticket.act", "ticket", number)

    threads = [threading.Thread(target=work, args=(db,)) for db in databases]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    for db in databases:
        db.dispose()
    check = Database(url)
    with check.session() as session:
        intact = verify(session).intact
    check.dispose()
    return seats * per_seat / elapsed, intact


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--single", type=int, default=500)
    parser.add_argument("--bulk", type=int, default=20_000)
    parser.add_argument("--seats", type=int, default=4)
    parser.add_argument("--per-seat", type=int, default=200)
    args = parser.parse_args()
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{folder}/audit.sqlite")
        db.upgrade()
        figures.append(figure("sqlite: one-entry commit", single_commits(db, args.single), "ms"))
        figures.append(figure("sqlite: bulk commit, per entry", bulk_commit(db, args.bulk), "µs"))
        rate, checked, intact = verify_rate(db)
        figures.append(figure("verify", rate, "entries/s", digits=0, entries=checked, intact=intact))
        db.dispose()
    name = f"gcc_bench_audit_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        Database(url).upgrade()
        rate, intact = seats_rate(url, args.seats, args.per_seat)
        figures.append(
            figure(f"postgresql: {args.seats} seats appending", rate, "entries/s", digits=0, intact=intact)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    print_figures(figures)


if __name__ == "__main__":
    main()
