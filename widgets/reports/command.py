"""`report`: the work report of a grid subtree for a day, week or month, as PDF and/or .xlsx.

The data comes from the core (`runtime.reports`); only the PDF needs Qt, started offscreen when
there is no display, so the command runs on a server too.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import date
from pathlib import Path

from app.cli import CommandError
from app.commands.db import open_database
from runtime.reports.data import ReportError, report_for
from runtime.reports.periods import PeriodKind


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


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式错误 bad date {text!r}: use YYYY-MM-DD") from None


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
