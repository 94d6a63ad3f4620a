"""The report as a workbook: one formatted sheet per part, each chart's data beside its chart.

Every text cell is written as a string (never a formula, whatever it begins with), so a grid named
"=…" cannot run anything when the workbook is opened.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.rollups.alarms import ACK_BUCKETS
from runtime.reports.data import WORK_ROWS, Report
from runtime.reports.lists import TicketList

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
TITLE_FONT = Font(bold=True, size=16)
PERCENT = "0.0%"


def write_xlsx(report: Report, path: Path) -> None:
    book = Workbook()
    _cover(book.active, report)
    _daily_tickets(book.create_sheet("每日工单"), report)
    _daily_alarms(book.create_sheet("每日告警"), report)
    _ranking(book.create_sheet("考核排名"), report)
    _tickets(book.create_sheet("超期工单"), report.overdue)
    _tickets(book.create_sheet("升级工单"), report.escalated)
    _alarms(book.create_sheet("告警处置"), report)
    if report.work is not None:
        _work(book.create_sheet("网格工作"), report)
    book.save(path)


def _put(sheet: Worksheet, row: int, column: int, value: Any, number_format: str | None = None):
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # stays text even if it starts with "="
    if number_format:
        cell.number_format = number_format
    return cell


def _table(
    sheet: Worksheet, top: int, headers: Sequence[str], rows: Sequence[Sequence[Any]], formats=()
) -> int:
    """A header row and its rows from `top`; returns the last row written."""
    for column, name in enumerate(headers, 1):
        cell = _put(sheet, top, column, name)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[get_column_letter(column)].width = max(12, len(name) * 2 + 4)
    for offset, values in enumerate(rows, 1):
        for column, value in enumerate(values, 1):
            fmt = formats[column - 1] if column - 1 < len(formats) else None
            _put(sheet, top + offset, column, value, fmt)
    sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    return top + len(rows)


def _cover(sheet: Worksheet, report: Report) -> None:
    sheet.title = "封面与指标"
    _put(sheet, 1, 1, f"{report.site} {report.scope_name} 工作{report.period.kind.zh}").font = TITLE_FONT
    _put(sheet, 2, 1, f"报告期 period: {report.period.label}；对比 previous: {report.previous.label}")
    _put(
        sheet,
        3,
        1,
        f"范围 scope: {report.scope_level} {report.scope_name}；生成 generated: {report.generated} ({report.time_zone})",
    )
    rows = []
    for line in report.kpis:
        rows.append((f"{line.zh} {line.en}", line.current, line.previous, line.change))
    last = _table(sheet, 5, ("指标 KPI", "本期 this period", "上期 previous", "变化 change"), rows)
    for row, line in zip(range(6, last + 1), report.kpis, strict=True):
        if line.rate:
            for column in (2, 3, 4):
                sheet.cell(row=row, column=column).number_format = PERCENT
    sheet.column_dimensions["A"].width = 34


def _daily_tickets(sheet: Worksheet, report: Report) -> None:
    rows = [(d.day.isoformat(), d.received, d.closed, d.overdue, d.escalated) for d in report.tickets_daily]
    headers = ("日期 day", "受理 received", "结案 closed", "超期 overdue", "升级 escalated")
    _daily(sheet, headers, rows, LineChart(), "每日工单 tickets per day", series=4)


def _daily_alarms(sheet: Worksheet, report: Report) -> None:
    rows = [
        (
            d.day.isoformat(),
            d.raised,
            d.acknowledged,
            round(d.ack_seconds / d.acknowledged, 1) if d.acknowledged else None,
        )
        for d in report.alarms_daily
    ]
    headers = ("日期 day", "告警 raised", "已确认 acknowledged", "平均确认秒 mean ack s")
    _daily(sheet, headers, rows, BarChart(), "每日告警 alarms per day", series=2)


def _daily(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    chart: BarChart | LineChart,
    title: str,
    series: int,
) -> None:
    """A day per row, and beside the table a chart of the `series` columns after the day."""
    last = _table(sheet, 1, headers, rows)
    chart.title, chart.height, chart.width = title, 9, 22
    data = Reference(sheet, min_col=2, max_col=1 + series, min_row=1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
    sheet.add_chart(chart, f"{get_column_letter(len(headers) + 2)}2")  # one empty column after the table


def _ranking(sheet: Worksheet, report: Report) -> None:
    headers = (
        "名次 rank",
        "网格编码 code",
        "网格 grid",
        "工单 tickets",
        "响应率",
        "解决率",
        "满意率",
        "按时办结率",
        "得分 score",
    )
    rows = [
        (
            r.rank,
            r.code,
            r.name,
            r.total,
            *(r.rates[k] for k in ("response_rate", "resolution_rate", "satisfaction_rate", "on_time_rate")),
            r.score,
        )
        for r in report.ranking
    ]
    _table(sheet, 1, headers, rows, (None, None, None, None, PERCENT, PERCENT, PERCENT, PERCENT, "0.0"))


def _tickets(sheet: Worksheet, tickets: TicketList) -> None:
    headers = (
        "工单号 ticket",
        "分类 category",
        "网格 grid",
        "状态 state",
        "层级 level",
        "受理 received",
        "时限 deadline",
        "升级次数 escalations",
        "发生 at",
    )
    rows = [
        (t.ticket_id, t.category, t.grid, t.state, t.level, t.received, t.deadline, t.escalations, t.at)
        for t in tickets.lines
    ]
    last = _table(sheet, 1, headers, rows)
    if tickets.total > len(tickets.lines):
        _put(sheet, last + 2, 1, f"另有 {tickets.total - len(tickets.lines)} 件未列出 more not listed")


def _alarms(sheet: Worksheet, report: Report) -> None:
    last = _table(sheet, 1, ("告警类型 kind", "告警 raised", "已确认 acknowledged"), list(report.alarm_kinds))
    h, ack = report.handling, report.ack
    summary = [
        ("本期告警 raised", h.raised),
        ("已确认 acknowledged", h.acknowledged),
        ("已处置 handled", h.handled),
        *((f"处置结果 {label}", n) for label, n in h.by_outcome.items()),
        ("未处置 still open", h.open_),
        (
            "平均确认用时（秒） mean seconds to acknowledge",
            None if ack.mean_seconds is None else round(ack.mean_seconds, 1),
        ),
        ("确认用时中位数上限（秒） p50 within", _bound(ack.p50_seconds)),
        ("确认用时90%上限（秒） p90 within", _bound(ack.p90_seconds)),
    ]
    _table(sheet, last + 3, ("告警处置 handling", "数值 value"), summary)
    sheet.column_dimensions["A"].width = 44


def _work(sheet: Worksheet, report: Report) -> None:
    work = report.work
    rows = [(f"{zh} {en}", getattr(work, key)) for key, zh, en in WORK_ROWS]
    last = _table(sheet, 1, ("网格工作 grid work", "本期 this period"), rows)
    if work.volunteer_hours_note:
        _put(sheet, last + 2, 1, work.volunteer_hours_note)
    sheet.column_dimensions["A"].width = 40


def _bound(seconds: float | None) -> float | str | None:
    """A percentile's bucket bound; past the last bucket it is "more than a day" (a cell holds no inf)."""
    if seconds is not None and math.isinf(seconds):
        return f"> {int(ACK_BUCKETS[-1])}"
    return seconds
