"""Each grid's SLA figures for a period, for the map's colouring and the heat table: tickets received
and overdue steps from the daily roll-ups (one grouped range read, every grid of levels 1–3 at once),
and the on-time closure rate as `tickets kpi` counts it (of the period's tickets, by time of receipt:
closed on time / closed with a deadline), grouped once per level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.rollups.models import SITE, TicketDaily
from app.tickets.models import Ticket
from app.tickets.routing import GridBook

LEVEL_COLUMNS = {1: Ticket.grid_l1_id, 2: Ticket.grid_l2_id, 3: Ticket.grid_l3_id}


@dataclass(frozen=True)
class GridSla:
    code: str
    name: str
    level: int
    received: int  # tickets received in the period (roll-ups)
    overdue: int  # overdue steps in the period (roll-ups: a ticket escalated twice counts twice)
    handled: int  # of the period's tickets, those closed with a deadline (kpi's "handled")
    on_time: int  # of those, closed on time

    @property
    def on_time_rate(self) -> float | None:
        return round(self.on_time / self.handled, 4) if self.handled else None


def grid_sla(
    session: Session, first: date, last: date, bounds: tuple[datetime, datetime]
) -> dict[str, GridSla]:
    """Every grid of levels 1–3 with anything in the period, by code; `bounds` are the period's
    [start, end) in naive UTC (the site's days `first`..`last`)."""
    t = TicketDaily.__table__
    counted = session.execute(
        select(t.c.grid_id, func.sum(t.c.received), func.sum(t.c.overdue))
        .where(t.c.grid_id != SITE, t.c.day >= first, t.c.day <= last)
        .group_by(t.c.grid_id)
    ).all()
    figures: dict[int, list[int]] = {gid: [int(r or 0), int(o or 0), 0, 0] for gid, r, o in counted}
    for column in LEVEL_COLUMNS.values():
        rows = session.execute(
            select(
                column,
                func.sum(case((Ticket.closed_on_time.is_not(None), 1), else_=0)),
                func.sum(case((Ticket.closed_on_time.is_(True), 1), else_=0)),
            )
            .where(Ticket.created_at >= bounds[0], Ticket.created_at < bounds[1], column.is_not(None))
            .group_by(column)
        )
        for gid, handled, on_time in rows:
            entry = figures.setdefault(gid, [0, 0, 0, 0])
            entry[2], entry[3] = int(handled or 0), int(on_time or 0)
    book = GridBook.load(session)
    result = {}
    for gid, (received, overdue, handled, on_time) in figures.items():
        info = book.grids.get(gid)
        if info is not None:
            result[info.code] = GridSla(info.code, info.name, info.level, received, overdue, handled, on_time)
    return result
