"""A compound's mutual-aid fund (爱心基金) monthly statement as a PDF: opening balance, the month's money
in and out, closing balance, and every entry of the month with its receipt number (the receipts list),
laid out by the work report's flowing A4 page (widgets/reports/page.py)."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.grid_work.fund import yuan
from runtime.read.pairing import FundStatement
from widgets.reports.page import PdfPage, PdfSheets

KIND_ZH = {"income": "收入", "spending": "支出", "reversal": "冲销"}


def write_statement(statement: FundStatement, path: Path, zone: ZoneInfo, site: str = "") -> None:
    title = f"{statement.fund.grid_name} " + "爱心基金月度收支明细"
    footer = f"{title} · {statement.month}"
    page = PdfPage(PdfSheets(str(path), footer), footer)
    page.gap(4)
    page.text(title, 18, bold=True, align=Qt.AlignHCenter, gap_mm=3)
    page.text("月份：" + statement.month + (f"　{site}" if site else ""), 11, align=Qt.AlignHCenter, gap_mm=6)
    figures = (
        ("期初余额", statement.opening_fen),
        ("本月收入", statement.income_fen),
        ("本月支出", statement.spending_fen),
        ("期末余额", statement.closing_fen),
    )
    page.table(("项目", "金额（元）"), [(name, yuan(fen)) for name, fen in figures], (3, 2), points=11)
    rows = [
        (
            line.at.replace(tzinfo=UTC).astimezone(zone).strftime("%m-%d %H:%M"),
            KIND_ZH.get(line.kind, line.kind) + (f" #{line.reverses_id}" if line.reverses_id else ""),
            line.category,
            line.party,
            yuan(line.amount_fen),
            line.receipt_no,
            str(line.entry_id),
        )
        for line in statement.lines
    ]
    page.text("收支明细与收据", 13, bold=True)
    if rows:
        page.table(
            (
                "日期",
                "类型",
                "类别",
                "付款人/收款人",
                "金额（元）",
                "收据号",
                "编号",
            ),
            rows,
            (1.3, 1.2, 1.4, 2.0, 1.2, 1.3, 0.7),
        )
    else:
        page.text("本月无收支", 10.5)
    page.text("账目只增不删：更正以冲销记录完成，冲销注明被冲销记录的编号。", 9, gap_mm=10)
    page.text("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　公示日期：＿＿＿＿＿＿", 10.5)
    page.finish()
