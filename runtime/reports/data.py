"""Everything a 工作报告 shows, built from the store in one read: the KPIs of the period and the
previous one (the very figures `tickets kpi --json` gives for the same bounds), the daily series from
the roll-ups, the ranking of the sub-grids (考核), the overdue and escalated tickets, the alarms and
the grid work of the period (visits, meetings, volunteers, votes: `app.grid_work.work_stats`, the figures
`work stats` prints) when the office recorded any.

The result is plain frozen data: the PDF and .xlsx renderers only lay it out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from alarms.models import ALARM_KIND_ZH
from app.calendar import WorkCalendar
from app.grid_work.work_stats import WorkStats, work_stats
from app.rollups.days import days_between, site_zone
from app.rollups.series import (
    AckTimes,
    AlarmDay,
    TicketDay,
    ack_times,
    alarm_series,
    alarms_by_kind,
    ticket_series,
)
from app.site_clock import clock_in
from app.site_settings import SITE_NAME, read_setting
from app.store import Database
from app.tickets import load_categories
from app.tickets.categories import CategoryBook
from app.tickets.kpi import kpis
from app.tickets.routing import GridBook
from app.tickets.states import LEVEL_ZH
from runtime.reports.lists import AlarmHandling, TicketList, alarm_handling, ticket_list
from runtime.reports.periods import Period

# (key in the KPI figures, Chinese, English, is a rate)
KPI_ROWS: tuple[tuple[str, str, str, bool], ...] = (
    ("total", "受理工单", "tickets received", False),
    ("open", "未办结", "still open", False),
    ("response_rate", "响应率", "response rate", True),
    ("resolution_rate", "解决率", "resolution rate", True),
    ("satisfaction_rate", "满意率", "satisfaction rate", True),
    ("on_time_rate", "按时办结率", "on-time closure rate", True),
    ("rework_rate", "返工率", "rework rate", True),
    ("extension_rate", "延期率", "extension rate", True),
    ("escalated", "升级工单", "escalated tickets", False),
)
RANKED_RATES = ("response_rate", "resolution_rate", "satisfaction_rate", "on_time_rate")


class ReportError(ValueError):
    """A report that cannot be made as asked; the message says why in Chinese and English."""


@dataclass(frozen=True)
class KpiLine:
    key: str
    zh: str
    en: str
    rate: bool
    current: float | int | None
    previous: float | int | None

    @property
    def change(self) -> float | None:
        if self.current is None or self.previous is None:
            return None
        return round(self.current - self.previous, 4)


@dataclass(frozen=True)
class RankLine:
    rank: int
    code: str
    name: str
    total: int
    rates: dict[str, float | None]
    score: float | None  # mean of the four rates that have a value, in points of 100


@dataclass(frozen=True)
class Report:
    site: str
    scope_code: str | None
    scope_name: str
    scope_level: str
    period: Period
    previous: Period
    generated: str
    time_zone: str
    kpis: tuple[KpiLine, ...]
    figures: dict[str, Any]  # the KPI figures of the period, as `tickets kpi --json` prints them
    tickets_daily: tuple[TicketDay, ...]
    rest_days: frozenset[date]  # the chart days that are not working days (weekends, 法定节假日)
    alarms_daily: tuple[AlarmDay, ...]
    ranking: tuple[RankLine, ...]
    overdue: TicketList
    escalated: TicketList
    alarm_kinds: tuple[tuple[str, int, int], ...]  # (kind in words, raised, acknowledged)
    ack: AckTimes
    handling: AlarmHandling
    work: WorkStats | None  # the grid work of the period; None when nothing was recorded


def report_for(db: Database, kind: str, at: date | None, grid_code: str | None) -> Report:
    """The report of the period of `kind` holding `at` (default: the site's today), in its own session:
    what the `report` command and the GUI ask, so no view opens a session itself."""
    with db.sessions() as session:
        day = at or clock_in(session).today()
        return build_report(session, load_categories(), Period.of(kind, day), grid_code)


def build_report(
    session: Session,
    categories: CategoryBook,
    period: Period,
    grid_code: str | None,
    calendar: WorkCalendar | None = None,
) -> Report:
    calendar = calendar or WorkCalendar()
    grids = GridBook.load(session)
    grid_id = _scope(grids, grid_code)
    zone = site_zone(session)
    bounds, before = period.bounds(zone), period.previous().bounds(zone)
    current = kpis(session, categories, grids, start=bounds[0], end=bounds[1], grid_id=grid_id)
    previous = kpis(session, categories, grids, start=before[0], end=before[1], grid_id=grid_id)
    chart_first, chart_last = period.chart_days()
    info = grids.grids.get(grid_id) if grid_id is not None else None
    return Report(
        site=str(read_setting(session, SITE_NAME, "") or "网格指挥中心"),
        scope_code=grid_code,
        scope_name=info.name if info else "全域",
        scope_level=LEVEL_ZH[info.level] if info else "全部网格",
        period=period,
        previous=period.previous(),
        generated=datetime.now(UTC).astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        time_zone=zone.key,
        kpis=tuple(KpiLine(k, zh, en, rate, current[k], previous[k]) for k, zh, en, rate in KPI_ROWS),
        figures=current,
        tickets_daily=tuple(ticket_series(session, chart_first, chart_last, grid_id)),
        rest_days=frozenset(d for d in days_between(chart_first, chart_last) if not calendar.workday(d)),
        alarms_daily=tuple(alarm_series(session, chart_first, chart_last, grid_id)),
        ranking=_ranking(current["by_grid"]),
        overdue=ticket_list(session, grids, categories, grid_id, bounds, overdue=True),
        escalated=ticket_list(session, grids, categories, grid_id, bounds, overdue=False),
        alarm_kinds=tuple(
            (ALARM_KIND_ZH.get(kind, kind), raised, acked)
            for kind, (raised, acked) in alarms_by_kind(session, period.first, period.last, grid_id).items()
        ),
        ack=ack_times(session, period.first, period.last, grid_id),
        handling=alarm_handling(session, _subtree(grids, grid_id), bounds),
        work=_work(session, grid_code, bounds),
    )


# The grid-work figures a report shows; a period where all are 0 has no grid work recorded.
WORK_ROWS: tuple[tuple[str, str, str], ...] = (
    ("visits", "入户走访", "household visits"),
    ("households_visited", "走访户数", "households visited"),
    ("people_reached", "走访人次", "people reached"),
    ("findings", "发现问题", "problems found"),
    ("findings_ticketed", "转为工单", "turned into tickets"),
    ("findings_solved", "已解决", "of those solved"),
    ("meetings", "召开会议", "meetings held"),
    ("volunteer_teams", "志愿队伍", "volunteer teams"),
    ("volunteer_activities", "志愿活动", "volunteer activities"),
    ("volunteer_hours", "志愿服务时长（小时）", "volunteer hours"),
    ("votes_held", "完成表决", "votes held"),
)


def _work(session: Session, grid_code: str | None, bounds: tuple[datetime, datetime]) -> WorkStats | None:
    stats = work_stats(session, grid_code, bounds[0], bounds[1])
    recorded = any(getattr(stats, key) for key, _zh, _en in WORK_ROWS if key != "volunteer_teams")
    return stats if recorded else None


def _scope(grids: GridBook, code: str | None) -> int | None:
    if not code:
        return None
    info = grids.by_code.get(code)
    if info is None:
        raise ReportError(f"网格编码 {code} 不存在 unknown grid code")
    if info.level > 3:
        raise ReportError(f"报告范围须为一至三级网格，{code} 是微网格 a report covers a grid of level 1 to 3")
    return info.id


def _subtree(grids: GridBook, grid_id: int | None) -> Collection[int] | None:
    if grid_id is None:
        return None
    children: dict[int, list[int]] = {}
    for info in grids.grids.values():
        if info.parent_id is not None:
            children.setdefault(info.parent_id, []).append(info.id)
    found, stack = set(), [grid_id]
    while stack:
        current = stack.pop()
        found.add(current)
        stack.extend(children.get(current, ()))
    return found


def _ranking(by_grid: list[dict[str, Any]]) -> tuple[RankLine, ...]:
    """The sub-grids by score (the mean of their rates), the busier first on a tie; grids with no
    rate yet come last."""
    lines = []
    for grid in by_grid:
        rates = {key: grid[key] for key in RANKED_RATES}
        known = [v for v in rates.values() if v is not None]
        score = round(100 * sum(known) / len(known), 1) if known else None
        lines.append((grid, rates, score))
    lines.sort(key=lambda item: (item[2] is None, -(item[2] or 0), -item[0]["total"]))
    return tuple(
        RankLine(n, str(g["grid"]), g["name"], g["total"], rates, score)
        for n, (g, rates, score) in enumerate(lines, 1)
    )
