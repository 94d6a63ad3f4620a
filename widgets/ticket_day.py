"""The list behind one day of the ticket chart (统计 → 每日工单, a click on a day): the tickets received that
day in the chart's subtree, with number, time, category, grid and state; no reporter, no text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.site_clock import SiteClock
from runtime.read.ticket_day import TicketOfDay

COLUMNS = ("编号", "受理时间", "分类", "网格", "状态")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Stats", text)


class TicketDayDialog(QDialog):
    def __init__(
        self, day: date, rows: Sequence[TicketOfDay], clock: SiteClock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows = tuple(rows)
        self.setWindowTitle(_tr("{day} 受理的工单").replace("{day}", day.isoformat()))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("共 {n} 件").replace("{n}", str(len(self.rows)))))
        self.table = QTableWidget(len(self.rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, ticket in enumerate(self.rows):
            cells = (
                f"#{ticket.id}",
                clock.text(ticket.received_at, "%H:%M"),
                QCoreApplication.translate("Tickets", ticket.category),
                ticket.grid,
                QCoreApplication.translate("Tickets", ticket.state),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

    def texts(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
