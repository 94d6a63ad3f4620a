"""The work report as a PDF (QPdfWriter), or as page images for the export dialog's preview: cover with
the KPIs against the previous period and the grid work (when recorded), the daily charts, the ranking of
the sub-grids, the overdue and escalated tickets, the alarms and their handling."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from runtime.reports.data import WORK_ROWS, KpiLine, Report
from runtime.reports.lists import TicketList
from widgets.reports.charts import daily_chart
from widgets.reports.page import ImageSheets, PdfPage, PdfSheets

PREVIEW_DPI = 110  # the export dialog's page images: an A4 page about 910 pixels wide


def title_of(report: Report) -> str:
    return f"{report.site} {report.scope_name} 工作{report.period.kind.zh}"


def write_pdf(report: Report, path: Path) -> None:
    footer = f"{title_of(report)} · {report.period.label}"
    _draw(report, PdfPage(PdfSheets(str(path), footer), footer))


def render_pages(report: Report, dpi: float = PREVIEW_DPI) -> list[QImage]:
    """The report's pages as images, laid out exactly as `write_pdf` lays out the file."""
    sheets = ImageSheets(dpi)
    _draw(report, PdfPage(sheets, f"{title_of(report)} · {report.period.label}"))
    return sheets.images


def _draw(report: Report, page: PdfPage) -> None:
    title = title_of(report)
    _cover(page, report, title)
    _work(page, report)  # on the cover, under the KPIs: the month's work at a glance
    _charts(page, report)
    _ranking(page, report)
    _tickets(page, "超期工单 Overdue tickets", report.overdue)
    _tickets(page, "升级工单 Escalated tickets", report.escalated)
    _alarms(page, report)
    page.finish()


def _value(line: KpiLine, value: float | int | None) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.1f}%" if line.rate else f"{value:g}"


def _change(line: KpiLine) -> str:
    change = line.change
    if change is None:
        return "—"
    if line.rate:
        return f"{change * 100:+.1f} 个百分点"
    return f"{change:+g}"


def _cover(page: PdfPage, report: Report, title: str) -> None:
    page.gap(14)
    page.text(title, 22, bold=True, align=Qt.AlignHCenter, gap_mm=6)
    page.text(f"报告期：{report.period.label}", 13, align=Qt.AlignHCenter)
    page.text(
        f"范围：{report.scope_level} {report.scope_name}"
        + (f"（{report.scope_code}）" if report.scope_code else ""),
        11,
        align=Qt.AlignHCenter,
    )
    page.text(f"对比上期：{report.previous.label}", 11, align=Qt.AlignHCenter)
    page.text(f"生成时间：{report.generated}（{report.time_zone}）", 9, align=Qt.AlignHCenter, gap_mm=14)
    page.text("主要指标 Key figures", 13, bold=True)
    rows = [
        (f"{line.zh} {line.en}", _value(line, line.current), _value(line, line.previous), _change(line))
        for line in report.kpis
    ]
    page.table(("指标", "本期", "上期", "变化"), rows, (3.2, 1.3, 1.3, 1.6), points=10)
    page.text("工单口径：本期受理的工单（按受理时间），与 `tickets kpi` 相同。", 8.5)


def _charts(page: PdfPage, report: Report) -> None:
    page.room(page.height)  # charts start on a page of their own
    page.text("趋势 Trends", 13, bold=True)
    days = [d.day for d in report.tickets_daily]
    t = report.tickets_daily
    daily_chart(
        page,
        "每日工单：受理、结案、超期、升级（超期、升级按次计；灰底为休息日）",
        days,
        (
            ("受理", [d.received for d in t]),
            ("结案", [d.closed for d in t]),
            ("超期", [d.overdue for d in t]),
            ("升级", [d.escalated for d in t]),
        ),
        report.rest_days,
    )
    page.gap(6)
    a = report.alarms_daily
    daily_chart(
        page,
        "每日告警：发生与确认",
        [d.day for d in a],
        (("告警", [d.raised for d in a]), ("已确认", [d.acknowledged for d in a])),
        report.rest_days,
        bars=True,
    )


def _ranking(page: PdfPage, report: Report) -> None:
    page.gap(4)
    page.text("下级网格考核排名 Ranking of the sub-grids", 13, bold=True)
    if not report.ranking:
        page.text("本期无下级网格数据。", 10)
        return

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value * 100:.1f}%"

    rows = [
        (
            str(r.rank),
            r.name,
            str(r.total),
            *(
                pct(r.rates[k])
                for k in ("response_rate", "resolution_rate", "satisfaction_rate", "on_time_rate")
            ),
            "—" if r.score is None else f"{r.score:.1f}",
        )
        for r in report.ranking
    ]
    page.table(
        ("名次", "网格", "工单", "响应率", "解决率", "满意率", "按时办结率", "得分"),
        rows,
        (0.8, 2.6, 0.9, 1, 1, 1, 1.2, 0.9),
    )


def _work(page: PdfPage, report: Report) -> None:
    """The grid work of the period, when the office recorded any (visits, meetings, volunteers, votes),
    in two columns kept on one page."""
    work = report.work
    if work is None:
        return
    cells = [(f"{zh} {en}", f"{getattr(work, key):g}") for key, zh, en in WORK_ROWS]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [("", "")] * (2 * half - len(cells))
    rows = [(*a, *b) for a, b in zip(left, right, strict=True)]
    page.gap(4)
    page.room(14 * page.mm + page.table_height(len(rows), 9))
    page.text("网格工作 Grid work", 13, bold=True)
    page.table(("项目", "本期", "项目", "本期"), rows, (2.5, 0.8, 2.5, 0.8), points=9)
    if work.volunteer_hours_note:
        page.text(work.volunteer_hours_note, 8.5)


def _tickets(page: PdfPage, title: str, tickets: TicketList) -> None:
    page.text(f"{title}（{tickets.total} 件）", 13, bold=True)
    if not tickets.lines:
        page.text("本期无。", 10)
        return
    rows = [
        (
            str(t.ticket_id),
            t.category,
            t.grid,
            t.state,
            t.level,
            t.received,
            t.deadline,
            str(t.escalations),
            t.at,
        )
        for t in tickets.lines
    ]
    page.table(
        ("工单号", "分类", "网格", "状态", "层级", "受理", "时限", "升级", "发生"),
        rows,
        (0.8, 2.4, 1.5, 0.9, 1, 1.6, 1.6, 0.6, 1.6),
        points=7.5,
    )
    if tickets.total > len(tickets.lines):
        page.text(f"另有 {tickets.total - len(tickets.lines)} 件未列出，见 .xlsx。", 8.5)


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value == float("inf"):
        return "超过 1 天"
    return f"{value / 60:.1f} 分钟" if value >= 60 else f"{value:.0f} 秒"


def _alarms(page: PdfPage, report: Report) -> None:
    page.text("告警及处置 Alarms and their handling", 13, bold=True)
    h, ack = report.handling, report.ack
    summary = [
        ("本期告警", str(h.raised)),
        ("已确认", str(h.acknowledged)),
        ("已处置", str(h.handled) + "".join(f"（{k} {n}）" for k, n in h.by_outcome.items())),
        ("未处置", str(h.open_)),
        ("平均确认用时", _seconds(ack.mean_seconds)),
        ("半数告警确认用时不超过", _seconds(ack.p50_seconds)),
        ("九成告警确认用时不超过", _seconds(ack.p90_seconds)),
    ]
    page.table(("项目", "数值"), summary, (2, 3), points=9.5)
    if report.alarm_kinds:
        page.table(
            ("告警类型", "发生", "已确认"),
            [(k, str(r), str(a)) for k, r, a in report.alarm_kinds],
            (2, 1.5, 1.5),
            points=9.5,
        )
