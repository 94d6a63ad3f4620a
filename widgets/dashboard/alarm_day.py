"""The list behind one day of the alarm chart: every alarm raised that day in the chosen subtree, with its
kind, grid, priority, state and time to acknowledge (no household, no name)."""

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
from runtime.read.health import AlarmOfDay

COLUMNS = ("时间", "类型", "网格", "级别", "状态", "确认用时")
STATES = {"raised": "待确认", "acknowledged": "已确认", "handled": "已处置"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthCharts", text)


def _ack(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


class AlarmDayDialog(QDialog):
    def __init__(
        self, day: date, rows: Sequence[AlarmOfDay], clock: SiteClock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.rows = tuple(rows)
        self.setWindowTitle(_tr("{day} 的告警").replace("{day}", day.isoformat()))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel(_tr("共 {n} 条").replace("{n}", str(len(self.rows))))
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(self.rows), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, alarm in enumerate(self.rows):
            cells = (
                clock.text(alarm.at, "%H:%M:%S"),
                QCoreApplication.translate("Dashboard", alarm.kind_name),
                alarm.grid,
                f"P{alarm.priority}",
                _tr(STATES.get(alarm.state, alarm.state)),
                _ack(alarm.ack_seconds),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        layout.addWidget(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def texts(self) -> list[list[str]]:
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
