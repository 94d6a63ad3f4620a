"""What the wall dashboard (信息展示墙) shows, in one read: the grid tree's size, today's tickets, this
month's rates, the newest tickets and the open alarms.

Nothing personal leaves here: tickets are named by their category, grid and state (never the
reporter, phone, address or text), alarms by their kind, grid and priority (never the household or
the alarm's title, which may carry a resident's name). Today's received and closed tickets are the
daily roll-up's (`app/rollups`), the rates `tickets kpi`'s (`app/tickets/kpi.kpis` over this month's
site-zone bounds), so the wall agrees with the 统计 panel and the monthly report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alarms.models import ALARM_KIND_ZH, Alarm, AlarmState
from app.context import SiteContext
from app.models import Building, Duty, DutyRole, Grid, Household, Resident
from app.rollups.series import ticket_series
from app.site_clock import SiteClock, clock_in
from app.tickets.categories import CategoryBook, load_categories
from app.tickets.kpi import kpis
from app.tickets.models import Ticket
from app.tickets.routing import GridBook
from app.tickets.states import OPEN_STATES, STATE_ZH

NEWEST_TICKETS = 21  # the newest on top, 20 more scrolling under it
OPEN_ALARMS_SHOWN = 12


@dataclass(frozen=True)
class TicketsToday:
    received: int  # 受理 today (the roll-up's)
    in_progress: int  # open now, whenever received
    overdue: int  # open now and past their limit
    closed: int  # 结案 today (the roll-up's)


@dataclass(frozen=True)
class MonthRates:
    """This month's 12345 rates (None where no ticket has the figure yet) and how many were filed."""

    response: float | None
    resolution: float | None
    satisfaction: float | None
    on_time: float | None
    filed: int


@dataclass(frozen=True)
class TicketLine:
    id: int
    at: datetime  # naive UTC
    category: str  # the category's Chinese name
    grid: str  # the level-3 grid's name (else the deepest named one)
    state: str  # the state's Chinese name
    overdue: bool


@dataclass(frozen=True)
class AlarmLine:
    id: int
    at: datetime  # naive UTC
    kind: str  # the kind in Chinese
    grid: str
    priority: int
    acknowledged: bool


@dataclass(frozen=True)
class WallFigures:
    day: date  # the site's today
    grids_by_level: Mapping[int, int]
    buildings: int
    households: int
    residents: int
    staff: int  # grid leaders and grid workers, each once
    tickets: TicketsToday
    rates: MonthRates
    newest_tickets: tuple[TicketLine, ...]
    open_alarms: tuple[AlarmLine, ...]
    open_alarm_count: int
    waiting_alarm_count: int  # nobody acknowledged them yet


class DashboardReads:
    """Each call opens and closes its own session."""

    def __init__(self, site: SiteContext, categories: CategoryBook | None = None) -> None:
        self._db = site.db
        self._categories = categories or load_categories()

    def figures(self, today: date | None = None) -> WallFigures:
        with self._db.session() as session:
            clock = clock_in(session)
            day = today or clock.today()
            grids = GridBook.load(session)
            return WallFigures(
                day=day,
                **_tree_counts(session),
                tickets=_tickets_today(session, day),
                rates=self._month_rates(session, clock, grids, day),
                newest_tickets=self._newest_tickets(session, grids),
                open_alarms=_open_alarms(session, grids),
                **_alarm_counts(session),
            )

    def _month_rates(self, session: Session, clock: SiteClock, grids: GridBook, day: date) -> MonthRates:
        start = clock.day_start(day.replace(day=1))
        end = clock.day_start(day + timedelta(days=1))
        figures = kpis(session, self._categories, grids, start=start, end=end)
        return MonthRates(
            response=figures["response_rate"],
            resolution=figures["resolution_rate"],
            satisfaction=figures["satisfaction_rate"],
            on_time=figures["on_time_rate"],
            filed=figures["counts"]["filed"],
        )

    def _newest_tickets(self, session: Session, grids: GridBook) -> tuple[TicketLine, ...]:
        query = (
            select(
                Ticket.id,
                Ticket.created_at,
                Ticket.category_code,
                Ticket.state,
                Ticket.grid_l3_id,
                Ticket.grid_l2_id,
                Ticket.overdue_since,
            )
            .order_by(Ticket.created_at.desc(), Ticket.id.desc())
            .limit(NEWEST_TICKETS)
        )
        lines = []
        for ticket_id, at, code, state, l3, l2, overdue_since in session.execute(query):
            category = self._categories.categories.get(code)
            lines.append(
                TicketLine(
                    id=ticket_id,
                    at=at,
                    category=category.name if category else code,
                    grid=grids.name(l3 if l3 is not None else l2),
                    state=STATE_ZH.get(state, state),
                    overdue=overdue_since is not None and state in OPEN_STATES,
                )
            )
        return tuple(lines)


def _tree_counts(session: Session) -> dict:
    def count(column) -> int:
        return session.scalar(select(func.count(column))) or 0

    staff = session.scalar(
        select(func.count(func.distinct(Duty.person_id))).where(
            Duty.role.in_([DutyRole.LEADER, DutyRole.MEMBER])
        )
    )
    levels = dict(session.execute(select(Grid.level, func.count()).group_by(Grid.level)).all())
    return {
        "grids_by_level": levels,
        "buildings": count(Building.id),
        "households": count(Household.id),
        "residents": count(Resident.id),
        "staff": staff or 0,
    }


def _tickets_today(session: Session, day: date) -> TicketsToday:
    (rolled,) = ticket_series(session, day, day)
    open_states = [state.value for state in OPEN_STATES]
    in_progress = session.scalar(select(func.count(Ticket.id)).where(Ticket.state.in_(open_states))) or 0
    overdue = (
        session.scalar(
            select(func.count(Ticket.id)).where(
                Ticket.state.in_(open_states), Ticket.overdue_since.is_not(None)
            )
        )
        or 0
    )
    return TicketsToday(
        received=rolled.received, in_progress=in_progress, overdue=overdue, closed=rolled.closed
    )


def _open_alarms(session: Session, grids: GridBook) -> tuple[AlarmLine, ...]:
    query = (
        select(Alarm.id, Alarm.raised_at, Alarm.kind, Alarm.grid_id, Alarm.priority, Alarm.state)
        .where(Alarm.state != AlarmState.HANDLED)
        .order_by(Alarm.raised_at.desc(), Alarm.id.desc())
        .limit(OPEN_ALARMS_SHOWN)
    )
    return tuple(
        AlarmLine(
            id=alarm_id,
            at=at,
            kind=ALARM_KIND_ZH.get(kind, kind),
            grid=grids.name(grid_id),
            priority=priority,
            acknowledged=state != AlarmState.RAISED,
        )
        for alarm_id, at, kind, grid_id, priority, state in session.execute(query)
    )


def _alarm_counts(session: Session) -> dict:
    rows = dict(
        session.execute(
            select(Alarm.state, func.count(Alarm.id))
            .where(Alarm.state != AlarmState.HANDLED)
            .group_by(Alarm.state)
        ).all()
    )
    return {"open_alarm_count": sum(rows.values()), "waiting_alarm_count": rows.get(AlarmState.RAISED, 0)}
