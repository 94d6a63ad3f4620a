"""Demo tickets: a few hundred requests in every state, with believable Chinese texts and timelines.

Each ticket is opened and moved through the real workflow with plausible delays, then the sweep ages
the open ones as of `now`, so warnings, escalations and overdue queues come out of the same rules the
site runs on. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models import Building, Grid, Household
from app.site_clock import clock_in
from app.store import Database
from app.store.base import utcnow
from app.tickets.bulk import insert_tickets
from app.tickets.categories import Category, CategoryBook, load_categories
from app.tickets.clock import Clocks
from app.tickets.demo_texts import TEXTS
from app.tickets.intake import Actor, Intake, Place, plan_ticket
from app.tickets.models import Ticket, TicketEvent
from app.tickets.routing import GridBook, LeaderBook, approvers
from app.tickets.states import Action, State
from app.tickets.sweep import sweep_session
from app.tickets.workflow import Workflow

REPORTERS = [
    "王女士",
    "李先生",
    "张阿姨",
    "刘师傅",
    "陈女士",
    "杨先生",
    "赵大爷",
    "黄女士",
    "周先生",
    "吴阿姨",
]
# The fate of each demo ticket, weighted to look like a working site.
FATES = [
    ("evaluated", 40),
    ("rework_evaluated", 4),
    ("closed", 8),
    ("verified", 3),
    ("handled", 7),
    ("in_progress", 11),
    ("dispatched", 9),
    ("waiting", 3),
    ("returned", 2),
    ("parked", 2),
    ("extension_pending", 2),
    ("extended", 3),
    ("dismissed", 2),
    ("filed", 1),
    ("rework_open", 2),
]
OPEN_FATES = {"in_progress", "dispatched", "waiting", "extension_pending", "extended", "rework_open"}


def seed_demo_tickets(
    session_or_db: Session | Database,
    tree: Any = None,
    seed: int = 7,
    count: int = 300,
    now: datetime | None = None,
    categories: CategoryBook | None = None,
) -> int:
    """Create `count` demo tickets; returns how many. `tree` is accepted for the demo builder's
    convenience and not needed: places are taken from the stored grids and households."""
    if isinstance(session_or_db, Database):
        with session_or_db.session() as session:
            return seed_demo_tickets(session, tree, seed, count, now, categories)
    session = session_or_db
    now = now or utcnow()
    rng = random.Random(seed)
    book = categories or load_categories()
    clocks = Clocks.in_zone(clock_in(session).zone)
    grids, leaders = GridBook.load(session), LeaderBook.load(session)
    workflow = Workflow(book, clocks, grids, leaders)
    compounds, households = _demo_places(session)
    if not compounds:
        return 0
    centre = Actor("指挥中心", "demo@command-centre")
    by_group: dict[str, list[str]] = {}  # the categories the demo has words for, by group
    for c in book:
        if c.code in TEXTS:
            by_group.setdefault(c.group_code, []).append(c.code)
    fates = [f for f, _ in FATES]
    weights = [w for _, w in FATES]
    plans: list[tuple[str, str, datetime]] = []
    rows: list[dict[str, Any]] = []
    first_events: list[list[dict[str, Any]]] = []
    for _ in range(count):
        category, fate, at, place, intake = _demo_intake(
            rng, book, by_group, fates, weights, households, compounds, now
        )
        row, events = plan_ticket(intake, category, place, grids, leaders, clocks.of(category), centre, at)
        rows.append(row)
        first_events.append(events)
        plans.append((fate, category.code, at))
    ids = insert_tickets(session, rows)
    events_out: list[dict[str, Any]] = []
    for ticket_id, events in zip(ids, first_events, strict=True):
        for event in events:
            events_out.append(event | {"ticket_id": ticket_id})
    tickets = {t.id: t for t in session.scalars(select(Ticket).where(Ticket.id.in_(ids)))}
    for ticket_id, (fate, code, at) in zip(ids, plans, strict=True):
        _live(workflow, tickets[ticket_id], fate, at, now, rng, TEXTS[code][1], events_out)
    session.flush()
    session.execute(insert(TicketEvent.__table__), events_out)
    sweep_session(session, workflow, now, recorded=now)
    return len(ids)


def _demo_places(session: Session) -> tuple[Sequence[Any], Sequence[Any]]:
    """Where demo tickets happen: the compounds' centres, and up to 2,000 households with their buildings."""
    compounds = session.execute(
        select(Grid.id, Grid.centre_lon, Grid.centre_lat).where(Grid.level == 3)
    ).all()
    households = session.execute(
        select(
            Household.id,
            Building.lon,
            Building.lat,
            Building.grid_id,
            Building.address,
            Household.unit,
            Household.room,
        )
        .join(Building, Building.id == Household.building_id)
        .limit(2000)
    ).all()
    return compounds, households


def _demo_intake(
    rng: random.Random,
    book: CategoryBook,
    by_group: dict[str, list[str]],
    fates: list[str],
    weights: list[int],
    households: Sequence[Any],
    compounds: Sequence[Any],
    now: datetime,
) -> tuple[Category, str, datetime, Place, Intake]:
    """One demo report: its category, fate, time and place (the random draws in the builder's order)."""
    group = rng.choice(list(by_group))
    category = book[rng.choice(by_group[group])]
    fate = rng.choices(fates, weights)[0]
    # open tickets are recent, finished ones spread over the last six weeks
    hours_ago = rng.uniform(1, 40) if fate in OPEN_FATES else rng.uniform(30, 24 * 42)
    at = now - timedelta(hours=hours_ago)
    if households and rng.random() < 0.3:
        h = rng.choice(households)
        place = Place(h.lon, h.lat, h.grid_id, f"{h.address}{h.unit}单元{h.room}室", h.id, None)
    else:
        g = rng.choice(compounds)
        place = Place(g.centre_lon, g.centre_lat, g.id, None, None, None)
    if fate in ("filed", "dismissed"):
        place = Place(place.lon, place.lat, None, place.address, place.household_id, None)
    intake = Intake(
        category=category.code,
        text=rng.choice(TEXTS[category.code][0]),
        source=rng.choice(
            ["phone", "phone", "phone", "walk_in", "home_visit", "patrol", "patrol", "camera", "sensor"]
        ),
        reporter_name=rng.choice(REPORTERS),
        reporter_phone=f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}",
        at=at,
    )
    return category, fate, at, place, intake


def _event_row(ticket: Ticket, moment: datetime, result: Any, actor: Actor) -> dict[str, Any]:
    """The timeline row of one demo step, as the workflow applied it."""
    return {
        "ticket_id": ticket.id,
        "at": moment,
        "recorded_at": moment,
        "action": result.action,
        "from_state": result.from_state,
        "to_state": result.to_state,
        "level": result.level,
        "grid_id": result.grid_id,
        "person_id": result.person_id,
        "actor": actor.name,
        "seat": actor.seat,
        "note": result.note,
        "detail": "{}",
    }


def _handle_rounds(
    step: Callable[..., bool], ticket: Ticket, fate: str, handler: Actor, centre: Actor, rng, result: str
) -> None:
    """Handled, verified, closed, called back: as far as the fate goes, twice over for a rework."""
    rounds = 2 if fate.startswith("rework") else 1
    for round_ in range(rounds):
        if not step(Action.HANDLE, handler, (60, 1800), result=result):
            return
        if fate == "handled" or not step(Action.VERIFY, centre, (30, 600)):
            return
        if fate == "verified" or not step(Action.CLOSE, centre, (10, 120)):
            return
        if fate == "closed":
            return
        unhappy = fate.startswith("rework") and round_ == 0
        rating = "不满意" if unhappy else rng.choices(["满意", "基本满意", "不满意"], [80, 16, 4])[0]
        if not step(Action.FEEDBACK, Actor("回访员", "demo@callback"), (60, 2880), satisfaction=rating):
            return
        if ticket.state != State.DISPATCHED:
            return
        if fate == "rework_open" or not step(Action.START, handler, (10, 120)):
            return


def _live(
    workflow: Workflow,
    ticket: Ticket,
    fate: str,
    at: datetime,
    now: datetime,
    rng,
    result: str,
    out: list[dict[str, Any]],
) -> None:
    """Move one ticket towards its fate, each step a plausible while after the one before."""
    handler = Actor(workflow.leaders.name(ticket.assignee_id), "demo@grid-phone", ticket.assignee_id)
    centre = Actor("指挥中心", "demo@command-centre")
    clock = at

    def step(action: Action, actor: Actor, minutes: tuple[float, float], **params: Any) -> bool:
        nonlocal clock
        moment = clock + timedelta(minutes=rng.uniform(*minutes))
        if moment >= now:
            return False
        clock = moment
        result = workflow.apply(ticket, action, moment, actor, params)
        out.append(_event_row(ticket, moment, result, actor))
        return True

    if fate in ("filed", "dispatched"):  # no step of their own: filed, or dispatched and untouched
        return
    if fate == "dismissed":
        step(Action.DISMISS, centre, (10, 60), reason="经核实不属于社区受理范围，已告知居民转相关部门")
        return
    if fate == "returned":
        step(Action.RETURN, handler, (20, 120), reason="事发地点属相邻网格管辖")
        return
    if not step(Action.START, handler, (5, 90)):
        return
    if fate == "in_progress":
        return
    if fate == "waiting":
        step(Action.WAIT, handler, (30, 240), reason="居民白天上班，约定周末上门")
        return
    if fate == "parked":
        if not step(Action.REQUEST_PARK, handler, (60, 600), reason="需纳入老旧小区改造项目统一解决"):
            return  # asked too late to be asked before now: nothing pending to approve
        approver = _approver(workflow, ticket)
        if approver is not None:
            step(Action.APPROVE, approver, (60, 600))
        return
    if fate in ("extension_pending", "extended"):
        if not step(
            Action.REQUEST_EXTENSION, handler, (30, 300), duration="2d", reason="需协调产权单位，等待维修材料"
        ):
            return
        approver = _approver(workflow, ticket)
        if fate == "extended" and approver is not None and step(Action.APPROVE, approver, (30, 300)):
            step(Action.HANDLE, handler, (600, 2400), result=result)
        return
    done = ("handled", "verified", "closed", "evaluated", "rework_evaluated", "rework_open")
    if fate in done:
        _handle_rounds(step, ticket, fate, handler, centre, rng, result)


def _approver(workflow: Workflow, ticket: Ticket) -> Actor | None:
    allowed, _ = approvers(workflow.chain_of(ticket), ticket.level or 0, workflow.leaders)
    if not allowed:
        return None
    person = min(allowed)
    return Actor(workflow.leaders.name(person), "demo@leader", person)
