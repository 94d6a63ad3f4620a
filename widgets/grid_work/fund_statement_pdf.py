"""A compound's mutual-aid fund (爱心基金) monthly statement as a PDF: opening balance, the month's money
in and out, closing balance, and every entry of the month with its receipt number (the receipts list),
laid out by the work report's flowing A4 page (widgets/reports/page.py)."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.grid_work.fund import yuan
from runtime.read.pairing import FundStatement
from widgets.grid_work.pairing_postcards import PDF_FONTS
from widgets.reports.page import PdfPage

KIND_ZH = {"income": "收入", "spending": "支出", "reversal": "冲销"}


class _StatementPage(PdfPage):
    """The report's page with Latin text (receipt numbers) set first in DejaVu Sans (see PDF_FONTS)."""

    def font(self, points: float, bold: bool = False) -> QFont:
        font = super().font(points, bold)
        font.setFamilies(PDF_FONTS)
        return font


def tr(text: str) -> str:
    return QCoreApplication.translate("FundStatement", text)


def write_statement(statement: FundStatement, path: Path, zone: ZoneInfo, site: str = "") -> None:
    title = f"{statement.fund.grid_name} " + tr("爱心基金月度收支明细")
    page = _StatementPage(str(path), f"{title} · {statement.month}")
    page.gap(4)
    page.text(title, 18, bold=True, align=Qt.AlignHCenter, gap_mm=3)
    page.text(
        tr("月份：") + statement.month + (f"　{site}" if site else ""), 11, align=Qt.AlignHCenter, gap_mm=6
    )
    figures = (
        (tr("期初余额"), statement.opening_fen),
        (tr("本月收入"), statement.income_fen),
        (tr("本月支出"), statement.spending_fen),
        (tr("期末余额"), statement.closing_fen),
    )
    page.table(
        (tr("项目"), tr("金额（元）")), [(name, yuan(fen)) for name, fen in figures], (3, 2), points=11
    )
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
    page.text(tr("收支明细与收据"), 13, bold=True)
    if rows:
        page.table(
            (
                tr("日期"),
                tr("类型"),
                tr("类别"),
                tr("付款人/收款人"),
                tr("金额（元）"),
                tr("收据号"),
                tr("编号"),
            ),
            rows,
            (1.3, 1.2, 1.4, 2.0, 1.2, 1.3, 0.7),
        )
    else:
        page.text(tr("本月无收支"), 10.5)
    page.text(tr("账目只增不删：更正以冲销记录完成，冲销注明被冲销记录的编号。"), 9, gap_mm=10)
    page.text(tr("经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　公示日期：＿＿＿＿＿＿"), 10.5)
    page.finish()
