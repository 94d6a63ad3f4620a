"""`report`: the work report of a grid subtree for a day, week or month, as PDF and/or .xlsx.

The data comes from the core (`runtime.reports`); only the PDF needs Qt, started offscreen when
there is no display, so the command runs on a server too. `report schedule` shows and sets the reports
the site service writes by itself (`runtime/reports/schedule.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import date
from pathlib import Path

from app.access.permissions import Permission
from app.cli import CommandError
from app.commands.db import open_database
from runtime.reports.data import ReportError, report_for
from runtime.reports.periods import PeriodKind
from runtime.reports.schedule import change_schedule, schedule_state


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="工作报告 the work report (日报/周报/月报) as PDF and .xlsx"
    )
    parser.add_argument("--period", choices=[k.value for k in PeriodKind], default=PeriodKind.DAY.value)
    parser.add_argument(
        "--at", type=_date, default=None, help="a date in the period, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--grid", default=None, help="网格编码 grid code of levels 1-3 (default: the whole site)"
    )
    parser.add_argument("--pdf", type=Path, default=None, help="write the report as PDF")
    parser.add_argument("--xlsx", type=Path, default=None, help="write the report as .xlsx")
    parser.set_defaults(handler=_report)
    sub = parser.add_subparsers(dest="report_command", required=False)
    schedule = sub.add_parser(
        "schedule",
        help="定时报告 show or set the reports the site service writes by itself (off on a new site)",
    )
    on_off = schedule.add_mutually_exclusive_group()
    on_off.add_argument("--on", dest="enabled", action="store_true", default=None, help="write them")
    on_off.add_argument("--off", dest="enabled", action="store_false", help="stop writing them")
    schedule.add_argument(
        "--periods", type=_periods, default=None, help="which reports, e.g. week,month (day, week, month)"
    )
    scope = schedule.add_mutually_exclusive_group()
    scope.add_argument("--grid", dest="schedule_grid", default=None, help="网格编码 grid code of levels 1-3")
    scope.add_argument("--whole-site", action="store_true", help="the whole site (the default)")
    schedule.add_argument(
        "--folder", default=None, help="absolute folder path; '' for reports/ in the data folder"
    )
    schedule.add_argument(
        "--at", dest="time_of_day", default=None, help="time of day in the site's zone, HH:MM"
    )
    schedule.add_argument("--json", action="store_true")
    schedule.set_defaults(handler=_schedule, permission=Permission.MANAGE_SITE)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式错误 bad date {text!r}: use YYYY-MM-DD") from None


def _periods(text: str) -> tuple[PeriodKind, ...]:
    try:
        return tuple(PeriodKind(part.strip()) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"报告类型须为 day, week, month 之一 unknown report kind in {text!r}"
        ) from None


def _schedule(args: argparse.Namespace) -> int:
    changes = {
        key: value
        for key, value in (
            ("enabled", args.enabled),
            ("periods", args.periods),
            ("grid", None if args.whole_site else args.schedule_grid),
            ("folder", args.folder),
            ("at", args.time_of_day),
        )
        if value is not None or (key == "grid" and args.whole_site)
    }
    db = open_database(args.db)
    if changes:
        try:
            changed = change_schedule(db, args.seat, **changes)
        except ReportError as error:
            raise CommandError(str(error)) from None
        print("已保存 saved" if changed else "未改变 unchanged")
    state = schedule_state(db)
    if args.json:
        print(json.dumps(state, ensure_ascii=False, indent=2))
        return 0
    kinds = "、".join(PeriodKind(k).zh for k in state["periods"]) or "—"
    print(f"定时报告 scheduled reports: {'开 on' if state['enabled'] else '关 off'}")
    print(f"  报告 reports: {kinds}；范围 grid: {state['grid'] or '全域 whole site'}")
    print(f"  时间 at: {state['at']} ({state['time_zone']})；文件夹 folder: {state['folder_path']}")
    for kind, due in state["next_due"].items():
        print(f"  {PeriodKind(kind).zh}本期报告 due: {due}")
    for kind, record in state["last_written"].items():
        print(f"  {PeriodKind(kind).zh}最近一份 last: {record['period']} → {', '.join(record['files'])}")
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.pdf is None and args.xlsx is None:
        raise CommandError("请指定 --pdf 或 --xlsx 输出文件 name a --pdf or --xlsx file to write")
    started = time.perf_counter()
    try:
        report = report_for(open_database(args.db), args.period, args.at, args.grid)
    except ReportError as error:
        raise CommandError(str(error)) from None
    built = time.perf_counter()
    if args.xlsx is not None:
        from runtime.reports.xlsx import write_xlsx

        write_xlsx(report, args.xlsx)
        print(f"已写入 wrote {args.xlsx}")
    if args.pdf is not None:
        _render_pdf(report, args.pdf)
        print(f"已写入 wrote {args.pdf}")
    print(
        f"报告期 {report.period.label}：数据 {built - started:.2f} s，输出 {time.perf_counter() - built:.2f} s"
    )
    return 0


def _render_pdf(report, path: Path) -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from widgets.reports.pdf import write_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need a GUI application
    write_pdf(report, path)
