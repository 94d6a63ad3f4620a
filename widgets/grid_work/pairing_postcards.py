"""联户党员明信片 as a PDF: one card per household with its party member's name and phone, the grid chain
and its grid workers, the community hotline; a plain layout with no QR code. A6 cards (one a page) or
A4 sheets of four A6 cards to cut. Fonts as the work report's (widgets/reports/page.py): Chinese text
stays searchable and copyable in the PDF. Printed for the residents, the card is in Chinese whatever the
seat's interface language (as the work report is)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from runtime.read.pairing import Postcard
from widgets.reports.page import FONT_FAMILIES, RESOLUTION

SHEETS = ("a6", "a4")
MM = RESOLUTION / 25.4
CARD_W, CARD_H = 105 * MM, 148 * MM  # A6 portrait: four of them tile an A4 sheet
ACCENT = QColor("#b3261e")


def write_postcards(cards: Sequence[Postcard], path: Path, sheet: str = "a6") -> int:
    """Write the cards; returns the number of pages."""
    if sheet not in SHEETS:
        raise ValueError(f"sheet must be one of {SHEETS}")
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    size = QPageSize(QPageSize.A6) if sheet == "a6" else QPageSize(QPageSize.A4)
    writer.setPageLayout(
        QPageLayout(size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter)
    )
    writer.setTitle("联户党员明信片")
    writer.setCreator("网格指挥中心 Grid Command Centre")
    painter = QPainter(writer)
    per_page = 1 if sheet == "a6" else 4
    pages = 0
    for start in range(0, max(len(cards), 1), per_page):
        if start:
            writer.newPage()
        pages += 1
        for slot, card in enumerate(cards[start : start + per_page]):
            x, y = slot % 2 * CARD_W, slot // 2 * CARD_H  # A4: two across, two down
            _card(painter, card, QRectF(x, y, CARD_W, CARD_H))
        if sheet == "a4":
            _cut_marks(painter)
    painter.end()
    return pages


def _cut_marks(painter: QPainter) -> None:
    """Where to cut the A4 sheet into its four cards."""
    painter.setPen(QPen(QColor("#999999"), 0.2 * MM, Qt.DashLine))
    painter.drawLine(int(CARD_W), 0, int(CARD_W), int(2 * CARD_H))
    painter.drawLine(0, int(CARD_H), int(2 * CARD_W), int(CARD_H))


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)  # DejaVu Sans first, see widgets/reports/page.py
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _card(painter: QPainter, card: Postcard, area: QRectF) -> None:
    pad = 8 * MM
    inner = area.adjusted(pad, pad, -pad, -pad)
    painter.setPen(QPen(ACCENT, 0.8 * MM))
    painter.drawRect(area.adjusted(3 * MM, 3 * MM, -3 * MM, -3 * MM))
    y = inner.top()
    y = _line(painter, inner, y, "联户党员联系卡", 15, bold=True, colour=ACCENT)
    y = _line(painter, inner, y, card.address, 10.5)
    y += 2 * MM
    y = _line(painter, inner, y, "您的联户党员：" + card.member, 14, bold=True)
    y = _line(painter, inner, y, "联系电话：" + (card.member_phone or "（未登记）"), 14, bold=True)
    y = _line(painter, inner, y, "家中有困难、有诉求、有建议，请随时与我联系。", 10)
    y += 3 * MM
    y = _line(painter, inner, y, "所在网格：" + card.grid_chain, 9)
    for role, name, phone in card.contacts:
        y = _line(painter, inner, y, f"{role}：{name}  {phone}".rstrip(), 9.5)
    hotline = "社区服务热线：" + (card.hotline or "（未设置）")
    _line(painter, inner, inner.bottom() - 7 * MM, hotline, 11, bold=True, colour=ACCENT)
    if card.site:
        _line(painter, inner, inner.bottom() - 2.5 * MM, card.site, 7.5, colour=QColor("#666666"))


def _line(
    painter: QPainter, inner: QRectF, y: float, text: str, points: float, *, bold: bool = False, colour=None
) -> float:
    painter.setFont(_font(points, bold))
    painter.setPen(colour or QColor("black"))
    flags = int(Qt.AlignLeft | Qt.TextWordWrap)
    bounds = painter.boundingRect(QRectF(inner.left(), y, inner.width(), 1000), flags, text)
    painter.drawText(QRectF(inner.left(), y, inner.width(), bounds.height()), flags, text)
    return y + bounds.height() + 0.8 * MM
