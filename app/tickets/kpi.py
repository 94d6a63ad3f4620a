"""The 12345 "three rates" and the other closure figures, per grid and level for a date range.

- response rate: dispatched tickets signed for within the category's response limit
- resolution rate: filed tickets that were closed and not rated 不满意
- satisfaction rate: evaluations rated 满意 or 基本满意
- on-time closure rate: handled tickets handled within the limit, never escalated for lateness
- rework rate and extension rate: tickets reopened after 不满意 / granted an extension
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.site_clock import clock_in
from app.tickets.categories import CategoryBook
from app.tickets.models import Ticket
from app.tickets.routing import GridBook
from app.tickets.states import Satisfaction, Source, State


def _scope(query, grid_id: int | None, grid_level: int | None, start: datetime | None, end: datetime | None):
    if grid_id is not None and grid_level is not None:
        column = {1: Ticket.grid_l1_id, 2: Ticket.grid_l2_id, 3: Ticket.grid_l3_id, 4: Ticket.grid_l4_id}[
            grid_level
        ]
        query = query.where(column == grid_id)
    if start is not None:
        query = query.where(Ticket.created_at >= start)
    if end is not None:
        query = query.where(Ticket.created_at < end)
    return query


def _count(condition):
    return func.sum(case((condition, 1), else_=0))


def _figures() -> tuple:
    filed = Ticket.state != State.DISMISSED.value
    closed = Ticket.state.in_([State.CLOSED.value, State.EVALUATED.value])
    return (
        func.count(),
        _count(filed),
        _count(Ticket.dispatched_at.is_not(None)),
        _count(Ticket.responded_on_time.is_(True)),
        _count(closed & (func.coalesce(Ticket.satisfaction, "") != Satisfaction.UNSATISFIED.value)),
        _count(Ticket.satisfaction.is_not(None)),
        _count(Ticket.satisfaction.in_([Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value])),
        _count(Ticket.closed_on_time.is_not(None)),
        _count(Ticket.closed_on_time.is_(True)),
        _count(Ticket.rework_count > 0),
        _count(Ticket.extension_count > 0),
        _count(Ticket.escalation_count > 0),
        _count(Ticket.state.not_in([State.EVALUATED.value, State.DISMISSED.value])),
    )


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _rates(row) -> dict[str, Any]:
    (
        total,
        filed,
        dispatched,
        responded,
        resolved,
        evaluated,
        satisfied,
        handled,
        on_time,
        rework,
        ext,
        esc,
        open_,
    ) = (int(v or 0) for v in row)
    return {
        "total": total,
        "open": open_,
        "response_rate": _rate(responded, dispatched),
        "resolution_rate": _rate(resolved, filed),
        "satisfaction_rate": _rate(satisfied, evaluated),
        "on_time_rate": _rate(on_time, handled),
        "rework_rate": _rate(rework, filed),
        "extension_rate": _rate(ext, filed),
        "escalated": esc,
        "counts": {
            "filed": filed,
            "dispatched": dispatched,
            "responded_on_time": responded,
            "resolved": resolved,
            "evaluated": evaluated,
            "satisfied": satisfied,
            "handled": handled,
            "handled_on_time": on_time,
            "reworked": rework,
            "extended": ext,
        },
    }


def kpis(
    session: Session,
    categories: CategoryBook,
    grids: GridBook,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    grid_id: int | None = None,
) -> dict[str, Any]:
    """Rates for the scope, then per child grid, by category group and by source."""
    level = grids.grids[grid_id].level if grid_id is not None else None
    figures = _rates(session.execute(_scope(select(*_figures()), grid_id, level, start, end)).one())
    child_level = (level or 0) + 1
    by_grid: list[dict[str, Any]] = []
    if child_level <= 3:
        column = {1: Ticket.grid_l1_id, 2: Ticket.grid_l2_id, 3: Ticket.grid_l3_id}[child_level]
        query = _scope(select(column, *_figures()), grid_id, level, start, end).group_by(column)
        for row in session.execute(query):
            if row[0] is None:
                continue
            info = grids.grids.get(row[0])
            by_grid.append(
                {"grid": info.code if info else row[0], "name": info.name if info else "", **_rates(row[1:])}
            )
        by_grid.sort(key=lambda g: -g["total"])
    by_category: dict[str, int] = {}
    query = _scope(select(Ticket.category_code, func.count()), grid_id, level, start, end).group_by(
        Ticket.category_code
    )
    for code, n in session.execute(query):
        category = categories.categories.get(code)
        group = category.group_name if category else code
        by_category[group] = by_category.get(group, 0) + n
    query = _scope(select(Ticket.source, func.count()), grid_id, level, start, end).group_by(Ticket.source)
    by_source = {
        (Source(s).zh if s in {x.value for x in Source} else s): n for s, n in session.execute(query)
    }
    return {
        "scope": {
            "grid": grids.grids[grid_id].code if grid_id is not None else None,
            "level": level,
            "from": clock_in(session).iso(start),  # in the site's zone, as the statistics tab reads it
            "to": clock_in(session).iso(end),
        },
        **figures,
        "by_grid": by_grid,
        "by_category": dict(sorted(by_category.items(), key=lambda kv: -kv[1])),
        "by_source": dict(sorted(by_source.items(), key=lambda kv: -kv[1])),
    }


def rates_per_day(
    session: Session,
    grids: GridBook,
    zone: ZoneInfo,
    *,
    start: datetime,
    end: datetime,
    grid_id: int | None = None,
) -> dict[date, dict[str, Any]]:
    """The figures of the tickets received on each site-local day (the same rates as `kpis`, one day's
    cohort each). The database groups by UTC hour; Python folds the hours into local days."""
    from app.rollups.buckets import slot_instant, utc_slot
    from app.rollups.days import local_day

    level = grids.grids[grid_id].level if grid_id is not None else None
    slot = utc_slot(session, Ticket.created_at, zone)
    query = _scope(select(slot, *_figures()), grid_id, level, start, end).group_by(slot)
    sums: dict[date, list[int]] = {}
    for at, *values in session.execute(query):
        day = sums.setdefault(local_day(slot_instant(at), zone), [0] * len(values))
        for index, value in enumerate(values):
            day[index] += int(value or 0)
    return {day: _rates(values) for day, values in sorted(sums.items())}
