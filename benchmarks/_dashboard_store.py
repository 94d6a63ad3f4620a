"""A generated store for benchmarks/dashboard.py: 10 streets x 10 communities x 8 compounds (800
level-3 grids), tickets with their timeline steps and alarms over two years, written with bulk
inserts (executemany on SQLite, COPY on PostgreSQL), then the roll-ups rebuilt from them.

Per ticket: 受理 (accept) at intake; 结案 (close) for 85% within three days; a sweep escalation
(overdue) for 4%, a manual escalation for 1%, a top-level breach for 0.5%.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from shapely import box
from sqlalchemy import insert

from app.models import Grid
from app.rollups.rebuild import rebuild_all
from app.store import Database
from app.tickets.models import Ticket, TicketEvent
from app.tickets.states import SWEEP_ACTOR

FIRST_DAY = datetime(2024, 12, 1)  # naive UTC; two years to 2026-11-30
SPAN_S = 730 * 86400
CATEGORIES = ("SR01", "SR02", "SR03", "EV01", "EV02", "PS01")
SOURCES = ("phone", "walk_in", "patrol", "camera", "home_visit")
ALARM_KINDS = ("sos", "smoke", "inactivity", "door_night", "water", "gas")
CHUNK = 50_000


def build_grids(db: Database) -> tuple[dict[int, list[int]], dict[int, int]]:
    """The grid tree; returns {level-2 id: [its level-3 ids]} and {level-2 id: its level-1 id}."""
    rows, children, street_of, next_id = [], {}, {}, 1
    shape = box(113.5, 34.6, 113.6, 34.7)

    def add(code: str, level: int, parent: int | None) -> int:
        nonlocal next_id
        rows.append(
            dict(
                id=next_id,
                code=code,
                name=code,
                level=level,
                parent_id=parent,
                geometry_wkb=shape.wkb,
                min_lon=113.5,
                min_lat=34.6,
                max_lon=113.6,
                max_lat=34.7,
                centre_lon=113.55,
                centre_lat=34.65,
            )
        )
        next_id += 1
        return next_id - 1

    for s in range(10):
        street = add(f"S{s}", 1, None)
        for c in range(10):
            community = add(f"S{s}C{c}", 2, street)
            children[community] = [add(f"S{s}C{c}G{g}", 3, community) for g in range(8)]
            street_of[community] = street
    with db.session() as session:
        session.execute(insert(Grid), rows)
    return children, street_of


def ticket_rows(
    count: int, children: dict[int, list[int]], street_of: dict[int, int], rng: random.Random
) -> Iterator[tuple[dict, list[dict]]]:
    communities = list(children)
    for ticket_id in range(1, count + 1):
        community = rng.choice(communities)
        created = FIRST_DAY + timedelta(seconds=rng.randrange(SPAN_S))
        closed = created + timedelta(seconds=rng.randrange(3 * 86400)) if rng.random() < 0.85 else None
        ticket = dict(
            id=ticket_id,
            version=1,
            state="closed" if closed else "dispatched",
            queue="done" if closed else "active",
            category_code=rng.choice(CATEGORIES),
            source=rng.choice(SOURCES),
            text="生成的工单",
            grid_l1_id=street_of[community],
            grid_l2_id=community,
            grid_l3_id=rng.choice(children[community]),
            level=3,
            created_at=created,
            updated_at=closed or created,
            extension_minutes=0.0,
            paused_minutes=0.0,
            warn_level=0,
            escalation_count=0,
            rework_count=0,
            extension_count=0,
            report_count=1,
            closed_at=closed,
        )
        events = [_event(ticket_id, created, "accept", "受理员")]
        if closed:
            events.append(_event(ticket_id, closed, "close", "受理员"))
        roll = rng.random()
        late = created + timedelta(hours=rng.randrange(4, 96))
        if roll < 0.04:
            events.append(_event(ticket_id, late, "escalate", SWEEP_ACTOR))
        elif roll < 0.05:
            events.append(_event(ticket_id, late, "escalate", "值班长"))
        elif roll < 0.055:
            events.append(_event(ticket_id, late, "breach", SWEEP_ACTOR))
        yield ticket, events


def _event(ticket_id: int, at: datetime, action: str, actor: str) -> dict:
    return dict(
        ticket_id=ticket_id,
        at=at,
        recorded_at=at,
        action=action,
        from_state=None,
        to_state="dispatched",
        actor=actor,
        seat="bench",
        note="",
        detail="{}",
    )


def alarm_rows(count: int, children: dict[int, list[int]], rng: random.Random) -> Iterator[dict]:
    grids = [g for ids in children.values() for g in ids]
    for alarm_id in range(1, count + 1):
        raised = FIRST_DAY + timedelta(seconds=rng.randrange(SPAN_S))
        acked = raised + timedelta(seconds=rng.expovariate(1 / 240)) if rng.random() < 0.95 else None
        yield dict(
            id=alarm_id,
            raised_at=raised,
            source="sensor",
            kind=rng.choice(ALARM_KINDS),
            priority=2,
            state="acknowledged" if acked else "raised",
            title="生成的告警",
            grid_id=rng.choice(grids),
            detail="",
            acknowledged_at=acked,
        )


def fill(db: Database, tickets: int, alarms: int, seed: int = 7) -> dict[int, list[int]]:
    """Write the whole store and rebuild its roll-ups; returns the grid tree's level-2 → level-3 ids."""
    rng = random.Random(seed)
    children, street_of = build_grids(db)
    batch_t, batch_e = [], []
    for ticket, events in ticket_rows(tickets, children, street_of, rng):
        batch_t.append(ticket)
        batch_e.extend(events)
        if len(batch_t) >= CHUNK:
            _write(db, Ticket.__table__, batch_t)
            _write(db, TicketEvent.__table__, batch_e)
            batch_t, batch_e = [], []
    _write(db, Ticket.__table__, batch_t)
    _write(db, TicketEvent.__table__, batch_e)
    from alarms.models import Alarm

    batch_a = []
    for alarm in alarm_rows(alarms, children, rng):
        batch_a.append(alarm)
        if len(batch_a) >= CHUNK:
            _write(db, Alarm.__table__, batch_a)
            batch_a = []
    _write(db, Alarm.__table__, batch_a)
    with db.session() as session:
        rebuild_all(session)
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    return children


def _write(db: Database, table, rows: list[dict]) -> None:
    if not rows:
        return
    if db.engine.dialect.name != "postgresql":
        with db.session() as session:
            session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    raw = db.engine.raw_connection()
    try:
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([row[c] for c in columns])
        raw.commit()
    finally:
        raw.close()
