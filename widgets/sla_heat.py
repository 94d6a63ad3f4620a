"""The SLA heat table (时效热力表) under the statistics panel's charts: the sub-grids of a scope (the
streets, or a street's or community's children) over the last eight weeks, each cell the week's on-time
closure rate or overdue count, coloured like the map's SLA colouring; hovering a cell says its figures.
The data comes from `context.reads.reports.sla_heat`, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.rollups.grid_sla import GridSla
from runtime.read.reports import ReportReads, SlaHeat
from widgets.jobs import Jobs
from widgets.map.overlay import class_breaks, colour_for
from widgets.map.sla_colouring import NO_FIGURE, rate_colour

MEASURES = (("on_time", "按时办结率"), ("overdue", "超期次数"))


def tr(text_: str) -> str:
    return QCoreApplication.translate("SlaHeat", text_)


def opaque(colour: QColor) -> QColor:
    """The map's translucent fills made solid for a table cell."""
    solid = QColor(colour)
    solid.setAlpha(255 if colour.alpha() > 120 else 150)
    return solid


class SlaHeatTable(QWidget):
    def __init__(self, reads: ReportReads, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slaHeat")
        self._reads, self._jobs = reads, jobs
        self.heat: SlaHeat | None = None
        self.title = QLabel()
        self.scope = QComboBox(objectName="slaHeatScope")
        self.scope.setMinimumContentsLength(14)
        self.measure = QComboBox(objectName="slaHeatMeasure")
        for key, _label in MEASURES:
            self.measure.addItem("", key)
        self.table = QTableWidget(objectName="slaHeatTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        top = QHBoxLayout()
        for widget in (self.title, self.scope, self.measure):
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._scope_choices: list = []
        self._retranslate()
        self.scope.currentIndexChanged.connect(self.reload)
        self.measure.currentIndexChanged.connect(self._fill)
        self._jobs.submit("sla-heat-scopes", self._reads.grid_choices, self._show_scopes)
        self.reload()

    def _retranslate(self) -> None:
        self.title.setText(tr("时效热力表（近8周）"))
        for index, (_key, label) in enumerate(MEASURES):
            self.measure.setItemText(index, tr(label))
        if self.scope.count():
            self.scope.setItemText(0, tr("各街道"))
        for index, choice in enumerate(self._scope_choices, start=1):
            self.scope.setItemText(index, self._scope_text(choice))

    @staticmethod
    def _scope_text(choice) -> str:
        return f"{choice.name} ({choice.code}) " + tr("的下级")

    def _show_scopes(self, choices) -> None:
        # a compound's children are micro grids, which the roll-ups do not hold
        self._scope_choices = [choice for choice in choices if choice.level < 3]
        self.scope.blockSignals(True)
        self.scope.addItem(tr("各街道"), None)
        for choice in self._scope_choices:
            self.scope.addItem(self._scope_text(choice), choice.code)
        self.scope.blockSignals(False)

    def reload(self) -> None:
        parent = self.scope.currentData() if self.scope.count() else None
        self._jobs.submit("sla-heat", lambda: self._reads.sla_heat(parent), self._show)

    def _show(self, heat: SlaHeat) -> None:
        self.heat = heat
        self._fill()

    def _fill(self) -> None:
        heat = self.heat
        if heat is None:
            return
        on_time = self.measure.currentData() == "on_time"
        self.table.clear()
        self.table.setRowCount(len(heat.rows))
        self.table.setColumnCount(len(heat.periods))
        self.table.setHorizontalHeaderLabels([f"{p.first:%m-%d}" for p in heat.periods])
        self.table.setVerticalHeaderLabels([name for _code, name, _cells in heat.rows])
        breaks = class_breaks([sla.overdue for _c, _n, cells in heat.rows for sla in cells if sla])
        for row, (_code, _name, cells) in enumerate(heat.rows):
            for column, sla in enumerate(cells):
                self.table.setItem(row, column, self._cell(sla, on_time, breaks))

    def _cell(self, sla: GridSla | None, on_time: bool, breaks: list[int]) -> QTableWidgetItem:
        rate = sla.on_time_rate if sla else None
        if on_time:
            text, colour = ("—" if rate is None else f"{rate * 100:.0f}%"), rate_colour(rate)
        else:
            overdue = sla.overdue if sla else 0
            text, colour = str(overdue), colour_for(overdue, breaks) if sla else NO_FIGURE
        item = QTableWidgetItem(text)
        item.setBackground(QBrush(opaque(colour)))
        item.setForeground(QBrush(QColor("#0b1320") if colour.lightness() > 110 else QColor("#f0f4fa")))
        if sla is not None:
            item.setToolTip(
                tr("受理 {r} · 超期 {o} · 按时办结 {t}/{h}")
                .replace("{r}", str(sla.received))
                .replace("{o}", str(sla.overdue))
                .replace("{t}", str(sla.on_time))
                .replace("{h}", str(sla.handled))
            )
        return item

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._fill()
        super().changeEvent(event)
