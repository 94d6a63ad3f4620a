"""Charts drawn straight onto the PDF page with QPainter (vectors, not pictures): daily lines with
their axes, gridlines and legend; daily bars side by side; weekend and holiday days shaded."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen

from widgets.reports.page import PdfPage

COLOURS = ("#1f77b4", "#2ca02c", "#d62728", "#ff7f0e")
REST_SHADE = QColor(0, 0, 0, 18)


def nice_top(value: float) -> float:
    """A round axis maximum at or above `value` (1, 2, 5 × 10ⁿ)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)


def daily_chart(
    page: PdfPage,
    title: str,
    days: Sequence[date],
    series: Sequence[tuple[str, Sequence[float]]],
    rest_days: frozenset[date] = frozenset(),
    *,
    bars: bool = False,
    height_mm: float = 70,
) -> None:
    height = height_mm * page.mm
    page.room(height + 12 * page.mm)
    page.text(title, 11, bold=True, gap_mm=1)
    painter = page.painter
    left, bottom = 14 * page.mm, 9 * page.mm
    plot = QRectF(left, page.y, page.width - left - 2 * page.mm, height - bottom - 7 * page.mm)
    top = nice_top(max((max(values, default=0) for _, values in series), default=0))
    step = plot.width() / max(1, len(days))
    for n, day in enumerate(days):
        if day in rest_days:
            painter.fillRect(QRectF(plot.left() + n * step, plot.top(), step, plot.height()), REST_SHADE)
    painter.setFont(page.font(7))
    steps = next((d for d in (4, 5, 2) if (top / d).is_integer()), 4)  # whole numbers on a count axis
    for k in range(steps + 1):
        y = plot.bottom() - plot.height() * k / steps
        painter.setPen(QPen(QColor("#dddddd"), 0))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor("#444444"))
        label = f"{top * k / steps:g}"
        painter.drawText(
            QRectF(0, y - 3 * page.mm, left - 1.5 * page.mm, 6 * page.mm),
            int(Qt.AlignRight | Qt.AlignVCenter),
            label,
        )
    every = max(1, len(days) // 10)
    for n, day in enumerate(days):
        if n % every == 0:
            rect = QRectF(
                plot.left() + n * step - 6 * page.mm + step / 2,
                plot.bottom() + 1 * page.mm,
                12 * page.mm,
                4 * page.mm,
            )
            painter.drawText(rect, int(Qt.AlignCenter), f"{day.month}-{day.day}")
    painter.setPen(QPen(QColor("#444444"), 0))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    if bars:
        _bars(painter, plot, step, top, series)
    else:
        _lines(painter, plot, step, top, series, page.mm)
    _legend(page, plot.bottom() + 6 * page.mm, series)
    page.y += height


def _lines(painter, plot: QRectF, step: float, top: float, series, mm: float) -> None:
    for (_, values), colour in zip(series, COLOURS, strict=False):
        path = QPainterPath()
        for n, value in enumerate(values):
            point = QPointF(plot.left() + (n + 0.5) * step, plot.bottom() - plot.height() * value / top)
            path.moveTo(point) if n == 0 else path.lineTo(point)
        painter.setPen(QPen(QColor(colour), 0.45 * mm))
        painter.drawPath(path)


def _bars(painter, plot: QRectF, step: float, top: float, series) -> None:
    width = step * 0.8 / max(1, len(series))
    for k, ((_, values), colour) in enumerate(zip(series, COLOURS, strict=False)):
        for n, value in enumerate(values):
            h = plot.height() * value / top
            painter.fillRect(
                QRectF(plot.left() + n * step + step * 0.1 + k * width, plot.bottom() - h, width, h),
                QColor(colour),
            )


def _legend(page: PdfPage, y: float, series) -> None:
    painter, x = page.painter, 14 * page.mm
    painter.setFont(page.font(7.5))
    for (name, values), colour in zip(series, COLOURS, strict=False):
        painter.fillRect(QRectF(x, y + 1 * page.mm, 4 * page.mm, 2 * page.mm), QColor(colour))
        label = f"{name}（合计 {sum(values):g}）"
        painter.setPen(QColor("black"))
        painter.drawText(
            QRectF(x + 5 * page.mm, y, 60 * page.mm, 4 * page.mm), int(Qt.AlignLeft | Qt.AlignVCenter), label
        )
        x += (7 + painter.fontMetrics().horizontalAdvance(label) / page.mm) * page.mm
