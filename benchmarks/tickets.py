"""Ticket figures on SQLite, each with a naive baseline measured in the same run.

- dispatch throughput: batch locate (STRtree) + executemany insert of tickets, timeline and audit,
  against opening tickets one by one with a plain loop over the polygons;
- escalation sweep over 100,000 open tickets (about 1,000 asked for; ~5,000 due in practice, as warnings
  of tickets received over a weekend fall on the same instants): the indexed `next_due_at` range, against
  recomputing every open ticket's working-time deadline;
- first page of the overdue queue of one level-2 grid with 1,000,000 tickets stored: the
  (grid, queue, sort instant) index, against the same query with indexes disabled.

Prints one JSON object: {"figures": [{"name", "value", "unit", "target", "met"}, ...]}.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from shapely import box
from shapely.geometry import Point
from sqlalchemy import insert, select, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _figures import figure, print_figures  # noqa: E402

from app.config import Seat  # noqa: E402
from app.models import Duty, Grid, Person  # noqa: E402
from app.store import Database  # noqa: E402
from app.tickets import Intake, TicketDesk, load_categories  # noqa: E402
from app.tickets.locating import GridLocator  # noqa: E402
from app.tickets.models import Ticket  # noqa: E402
from app.tickets.queues import QueueFilter, QueueKind, fetch_page  # noqa: E402
from app.tickets.sweep import sweep  # noqa: E402

LON0, LAT0 = 113.50, 34.60
NOW = datetime(2026, 11, 10, 2, 0)  # Tuesday 10:00 Beijing time; the desks are simulations (time_guard.py)
RNG = random.Random(7)


def build_site(db: Database) -> dict[str, list[int]]:
    """18 streets x 10 communities x 5 compounds (900 level-3 grids), a leader on every grid."""
    levels: dict[str, list[int]] = {"l1": [], "l2": [], "l3": []}
    with db.session() as session:
        grid_rows, duties = [], []
        next_id = 1

        def add(code, name, level, parent, bounds):
            nonlocal next_id
            shape = box(*bounds)
            grid_rows.append(
                dict(
                    id=next_id,
                    code=code,
                    name=name,
                    level=level,
                    parent_id=parent,
                    geometry_wkb=shape.wkb,
                    min_lon=bounds[0],
                    min_lat=bounds[1],
                    max_lon=bounds[2],
                    max_lat=bounds[3],
                    centre_lon=shape.centroid.x,
                    centre_lat=shape.centroid.y,
                )
            )
            next_id += 1
            return next_id - 1

        for i in range(18):
            x0, y0 = LON0 + (i % 6) * 0.05, LAT0 + (i // 6) * 0.05
            s = add(f"S{i:02d}", f"街道{i}", 1, None, (x0, y0, x0 + 0.05, y0 + 0.05))
            levels["l1"].append(s)
            for j in range(10):
                cx, cy = x0 + (j % 5) * 0.01, y0 + (j // 5) * 0.025
                c = add(f"S{i:02d}C{j}", f"社区{i}-{j}", 2, s, (cx, cy, cx + 0.01, cy + 0.025))
                levels["l2"].append(c)
                for k in range(5):
                    g = add(
                        f"S{i:02d}C{j}G{k}",
                        f"小区{i}-{j}-{k}",
                        3,
                        c,
                        (cx, cy + k * 0.005, cx + 0.01, cy + (k + 1) * 0.005),
                    )
                    levels["l3"].append(g)
        session.execute(insert(Grid), grid_rows)
        people = [{"id": n + 1, "name": f"网格长{n}"} for n in range(len(grid_rows) + 18)]
        session.execute(insert(Person), people)
        duties = [{"person_id": r["id"], "grid_id": r["id"], "role": "leader"} for r in grid_rows]
        duties += [
            {"person_id": len(grid_rows) + n + 1, "grid_id": s, "role": "county_leader"}
            for n, s in enumerate(levels["l1"])
        ]
        session.execute(insert(Duty), duties)
    return levels


def random_intakes(n: int, categories: list[str], at: datetime, spread_hours: float = 0) -> list[Intake]:
    out = []
    for _ in range(n):
        when = at - timedelta(hours=RNG.random() * spread_hours) if spread_hours else at
        out.append(
            Intake(
                category=RNG.choice(categories),
                text="楼道堆放杂物影响通行",
                source="patrol",
                lon=LON0 + RNG.random() * 0.3,
                lat=LAT0 + RNG.random() * 0.15,
                at=when,
            )
        )
    return out


class PolygonLoop:
    """The naive lookup: test every grid polygon, deepest level first."""

    def __init__(self, db: Database) -> None:
        from shapely import from_wkb

        with db.session() as session:
            rows = session.execute(select(Grid.id, Grid.level, Grid.geometry_wkb)).all()
        self.cells = sorted(((r.level, r.id, from_wkb(r.geometry_wkb)) for r in rows), reverse=True)

    def __call__(self, lon: float, lat: float) -> int | None:
        point = Point(lon, lat)
        for _level, grid_id, shape in self.cells:
            if shape.covers(point):
                return grid_id
        return None


def bench_dispatch(db: Database, categories: list[str]) -> list[dict]:
    with db.session() as session:
        locator = GridLocator.load(session)
    desk = TicketDesk(db, seat=Seat("bench", "bench"), locate=locator, simulation=True)
    batch = random_intakes(20_000, categories, NOW)
    started, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(batch), 5_000):
        desk.open_many(batch[i : i + 5_000], locate_many=locator.many, now=NOW)
    fast = len(batch) / (time.perf_counter() - started)
    fast_cpu = len(batch) / (time.process_time() - cpu)

    naive_desk = TicketDesk(db, seat=Seat("bench", "bench"), locate=PolygonLoop(db), simulation=True)
    singles = random_intakes(200, categories, NOW)
    started = time.perf_counter()
    for intake in singles:
        naive_desk.open(intake, force=True, now=NOW)
    naive = len(singles) / (time.perf_counter() - started)
    return [
        figure(
            "dispatch_throughput_sqlite",
            fast,
            "tickets/s",
            ">= 2000",
            fast >= 2000,
            digits=4,
            baseline_one_by_one_polygon_loop=round(naive, 1),
            tickets=len(batch),
            per_cpu_second=round(fast_cpu, 1),
            load_average=round(os.getloadavg()[0], 1),
        ),
    ]


def bench_sweep(db: Database, categories: list[str]) -> list[dict]:
    with db.session() as session:
        locator = GridLocator.load(session)
        session.execute(text("DELETE FROM ticket_events"))
        session.execute(text("DELETE FROM tickets"))
    desk = TicketDesk(db, seat=Seat("bench", "bench"), locate=locator, simulation=True)
    intakes = random_intakes(100_000, categories, NOW, spread_hours=24 * 10)
    for i in range(0, len(intakes), 10_000):
        desk.open_many(intakes[i : i + 10_000], locate_many=locator.many, now=NOW)
    with db.session() as session:
        open_count = session.scalar(
            select(text("count(*)")).select_from(Ticket).where(Ticket.next_due_at.is_not(None))
        )
        # choose "now" so that about 1% of the open tickets have something due (a sweep after a short outage)
        # (warnings of tickets received over a weekend fall on the same instants, so cut between instants)
        instants = session.scalars(
            select(Ticket.next_due_at).order_by(Ticket.next_due_at).limit(20_000)
        ).all()
        bounds = [i for i in range(1, len(instants)) if instants[i] != instants[i - 1]] or [len(instants)]
        cut = min(bounds, key=lambda i: abs(i - 1_000))
        now = instants[cut - 1]
    started, cpu = time.perf_counter(), time.process_time()
    report = sweep(desk, now)
    fast = time.perf_counter() - started
    fast_cpu = time.process_time() - cpu
    started = time.perf_counter()
    again = sweep(desk, now)
    idle = time.perf_counter() - started

    # naive: read every open ticket and recompute its working-time deadline to see whether it is due
    started = time.perf_counter()
    due = 0
    with db.session() as session:
        workflow = desk.workflow(session)
        for ticket in session.scalars(select(Ticket).where(Ticket.state.in_(["dispatched", "in_progress"]))):
            clock = workflow.clock(ticket)
            budget = (ticket.limit_minutes or 0) + ticket.extension_minutes
            if clock.add(ticket.level_started_at, budget * 0.7 + ticket.paused_minutes) <= now:
                due += 1
    naive = time.perf_counter() - started
    return [
        figure(
            "escalation_sweep_100k_open",
            fast,
            "s",
            "<= 0.5",
            fast <= 0.5,
            digits=4,
            open_tickets=open_count,
            tickets_due=len(report.tickets),
            warnings=report.warnings,
            escalations=report.escalations,
            baseline_recompute_all_s=round(naive, 3),
            cpu_s=round(fast_cpu, 3),
            load_average=round(os.getloadavg()[0], 1),
        ),
        figure(
            "escalation_sweep_100k_open_nothing_due",
            idle,
            "s",
            "<= 0.5",
            idle <= 0.5,
            digits=4,
            changed=len(again.tickets),
        ),
    ]


def bench_queue(db: Database, levels: dict[str, list[int]], categories: list[str]) -> list[dict]:
    """Store 1,000,000 tickets (executemany in chunks) and read the first overdue page of one community."""
    l3_parent: dict[int, tuple[int, int]] = {}
    with db.session() as session:
        for gid, parent in session.execute(select(Grid.id, Grid.parent_id).where(Grid.level == 3)):
            l3_parent[gid] = parent
        street_of = dict(session.execute(select(Grid.id, Grid.parent_id).where(Grid.level == 2)).all())
    l3s = list(l3_parent)
    total = 1_000_000
    existing = 0
    with db.session() as session:
        existing = session.scalar(select(text("count(*)")).select_from(Ticket))
    started = time.perf_counter()
    queues = ["done"] * 90 + ["active"] * 5 + ["overdue"] * 2 + ["verify", "feedback", "paused"]
    state_of = {
        "done": "evaluated",
        "active": "in_progress",
        "overdue": "in_progress",
        "verify": "handled",
        "feedback": "closed",
        "paused": "waiting",
    }
    columns = (
        "version",
        "state",
        "queue",
        "sort_at",
        "category_code",
        "source",
        "text",
        "grid_l1_id",
        "grid_l2_id",
        "grid_l3_id",
        "level",
        "created_at",
        "updated_at",
        "deadline_at",
        "overdue_since",
        "extension_minutes",
        "paused_minutes",
        "warn_level",
        "escalation_count",
        "rework_count",
        "extension_count",
        "report_count",
    )
    stamp = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's SQLite DateTime format
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        # bulk-load pattern: drop the secondary indexes, load, build them once
        indexes = cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='tickets' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {name}")
        placeholders = ",".join("?" * len(columns))
        sql = f"INSERT INTO tickets ({','.join(columns)}) VALUES ({placeholders})"
        base = NOW - timedelta(days=365)
        for start in range(existing, total, 100_000):
            rows = []
            for _ in range(min(100_000, total - start)):
                g3 = RNG.choice(l3s)
                g2 = l3_parent[g3]
                queue = RNG.choice(queues)
                created = base + timedelta(minutes=RNG.randrange(0, 60 * 24 * 365))
                due = (created + timedelta(days=1)).strftime(stamp)
                rows.append(
                    (
                        1,
                        state_of[queue],
                        queue,
                        due,
                        RNG.choice(categories),
                        "phone",
                        "小区路灯不亮",
                        street_of[g2],
                        g2,
                        g3,
                        3,
                        created.strftime(stamp),
                        created.strftime(stamp),
                        due,
                        due if queue == "overdue" else None,
                        0.0,
                        0.0,
                        0,
                        0,
                        0,
                        0,
                        1,
                    )
                )
            cursor.executemany(sql, rows)
        for _name, index_sql in indexes:
            cursor.execute(index_sql)
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    fill = time.perf_counter() - started
    community = levels["l2"][len(levels["l2"]) // 2]
    flt = QueueFilter(QueueKind.OVERDUE, grid_id=community, grid_level=2)
    with db.session() as session:
        fetch_page(session, flt, 0, 50)  # warm the page cache as a seat that has been open a while would be
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            page = fetch_page(session, flt, 0, 50)
            timings.append(time.perf_counter() - started)
        fast = sorted(timings)[len(timings) // 2]
        started = time.perf_counter()
        naive_rows = session.execute(
            text(
                "SELECT id FROM tickets NOT INDEXED WHERE grid_l2_id = :g AND state IN ('dispatched','in_progress')"
                " AND (overdue_since IS NOT NULL OR deadline_at < :now) ORDER BY deadline_at LIMIT 50"
            ),
            {"g": community, "now": NOW},
        ).all()
        naive = time.perf_counter() - started
    return [
        figure(
            "overdue_queue_first_page_1m",
            fast * 1000,
            "ms",
            "<= 100",
            fast * 1000 <= 100,
            digits=4,
            rows=len(page),
            stored=total,
            baseline_full_scan_ms=round(naive * 1000, 1),
            baseline_rows=len(naive_rows),
            fixture_fill_s=round(fill, 1),
        ),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        db.upgrade()
        levels = build_site(db)
        categories = [c.code for c in load_categories() if not c.natural_clock]
        figures = bench_dispatch(db, categories)
        figures += bench_sweep(db, categories)
        figures += bench_queue(db, levels, categories)
        db.dispose()
    print_figures(figures)


if __name__ == "__main__":
    main()
