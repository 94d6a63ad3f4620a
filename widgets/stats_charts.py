"""The statistics panel's charts (pyqtgraph): tickets received, closed and overdue per day with the
working calendar's rest days shaded, and the three rates as trends; narrowed to a grid's subtree and
a period; hovering a day shows its values. The data comes from `context.reads.trends`, off the GUI
thread."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from runtime.read.trends import GridChoice, Trend, TrendReads
from widgets.jobs import Jobs
from widgets.ticket_day import TicketDayDialog

PERIODS = ((30, "近30天"), (90, "近90天"), (365, "近一年"))
COUNT_LINES = (("received", "受理", "#2f8cff"), ("closed", "结案", "#35c27a"), ("overdue", "超期", "#ef5350"))
RATE_LINES = (
    ("response_rate", "响应率", "#f0b429"),
    ("resolution_rate", "解决率", "#9b7bea"),
    ("satisfaction_rate", "满意率", "#35c27a"),
)
REST_BRUSH = (128, 128, 128, 40)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Stats", text)


class TrendCharts(QWidget):
    def __init__(self, reads: TrendReads, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reads, self._jobs = reads, jobs
        self.trend: Trend | None = None
        self.period = QComboBox()
        self.grid = QComboBox()
        self.grid.setMinimumContentsLength(14)
        self.hover = QLabel()
        self.hover.setObjectName("trendHover")
        self.counts_plot = pg.PlotWidget()
        self.rates_plot = pg.PlotWidget()
        self._cursors = [
            pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine)) for _ in range(2)
        ]
        for plot, cursor in zip((self.counts_plot, self.rates_plot), self._cursors, strict=True):
            plot.setMinimumHeight(200)
            plot.setBackground(None)  # the theme's panel colour shows through
            plot.showGrid(y=True, alpha=0.25)
            plot.addLegend(offset=(8, 8))
            plot.addItem(cursor, ignoreBounds=True)
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._mouse_moved(p, pos))
        self.counts_plot.scene().sigMouseClicked.connect(self._clicked)
        self.dialog: TicketDayDialog | None = None
        self.rates_plot.setYRange(0, 1.05)
        self.rates_plot.setXLink(self.counts_plot)
        self._layout()
        self._retranslate()
        self.period.currentIndexChanged.connect(self.reload)
        self.grid.currentIndexChanged.connect(self.reload)
        self._jobs.submit("trend-grids", self._reads.grid_choices, self._show_grids)
        self.reload()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        self._period_label, self._grid_label = QLabel(), QLabel()
        for widget in (self._period_label, self.period, self._grid_label, self.grid):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.hover)
        layout.addWidget(self.counts_plot)
        layout.addWidget(self.rates_plot)

    def _retranslate(self) -> None:
        self._period_label.setText(_tr("时段"))
        self._grid_label.setText(_tr("网格"))
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for days, name in PERIODS:
            self.period.addItem(_tr(name), days)
        self.period.setCurrentIndex(max(0, current))
        self.period.blockSignals(False)
        # a grid worker's charts never cover the whole site: their first choice is their own subtree
        everything = _tr("本网格") if self._reads.scoped else _tr("全域")
        if self.grid.count():
            self.grid.setItemText(0, everything)
        else:
            self.grid.addItem(everything, None)
        self.counts_plot.setTitle(_tr("每日工单（灰底为休息日）"))
        self.counts_plot.setToolTip(_tr("点击某日查看当日受理的工单"))
        self.rates_plot.setTitle(_tr("三率趋势（按受理日）"))
        if self.trend is not None:
            self._draw(self.trend)

    def _show_grids(self, grids: list[GridChoice]) -> None:
        self.grid.blockSignals(True)
        for g in grids:
            self.grid.addItem(f"{g.code} {g.name}", g.code)
        self.grid.blockSignals(False)

    def reload(self) -> None:
        days, code = self.period.currentData() or PERIODS[0][0], self.grid.currentData()
        self._jobs.submit(
            "trend",
            lambda: self._reads.trend(days, code),
            self._draw,
            lambda error: self.hover.setText(str(error)),
        )

    def _draw(self, trend: Trend) -> None:
        self.trend = trend
        xs = list(range(len(trend.days)))
        ticks = [(i, f"{d.month}-{d.day}") for i, d in enumerate(trend.days) if i % max(1, len(xs) // 8) == 0]
        for plot in (self.counts_plot, self.rates_plot):
            plot.plotItem.legend.clear()
            for item in [i for i in plot.plotItem.items if not isinstance(i, pg.InfiniteLine)]:
                plot.removeItem(item)
            plot.getAxis("bottom").setTicks([ticks])
            self._shade_rest_days(plot, trend)
        for key, name, colour in COUNT_LINES:
            self.counts_plot.plot(
                xs, list(getattr(trend, key)), pen=pg.mkPen(colour, width=2), name=_tr(name)
            )
        for key, name, colour in RATE_LINES:
            values = [math.nan if v is None else v for v in trend.rates[key]]
            if all(math.isnan(v) for v in values):  # no day has this rate yet: the legend alone
                xs_known, values = [], []
            else:
                xs_known = xs
            self.rates_plot.plot(
                xs_known,
                values,
                pen=pg.mkPen(colour, width=2),
                name=_tr(name),
                connect="finite",
                symbol="o",
                symbolSize=4,
                symbolBrush=colour,
            )
        self.show_day(len(xs) - 1)

    @staticmethod
    def _shade_rest_days(plot: pg.PlotWidget, trend: Trend) -> None:
        """One unmovable region per run of rest days."""
        start = None
        for i, rest in enumerate((*trend.rest, False)):
            if rest and start is None:
                start = i
            elif not rest and start is not None:
                region = pg.LinearRegionItem(
                    (start - 0.5, i - 0.5), movable=False, brush=REST_BRUSH, pen=pg.mkPen(None)
                )
                region.setZValue(-10)
                plot.addItem(region)
                start = None

    def _mouse_moved(self, plot: pg.PlotWidget, position: QPointF) -> None:
        if self.trend is None or not plot.sceneBoundingRect().contains(position):
            return
        x = plot.plotItem.vb.mapSceneToView(position).x()
        self.show_day(int(round(x)))

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.trend is not None:
            self.drill(int(round(self.counts_plot.plotItem.vb.mapSceneToView(event.scenePos()).x())))

    def drill(self, index: int) -> None:
        """Open the list of the tickets received on that day (in the chosen subtree), off the GUI thread."""
        trend = self.trend
        if trend is None or not 0 <= index < len(trend.days):
            return
        day, code = trend.days[index], self.grid.currentData()
        self._jobs.submit(
            "trend-drill",
            lambda: self._reads.tickets_of_day(day, code),
            lambda rows: self._show_drill(day, rows),
            lambda error: self.hover.setText(str(error)),
        )

    def _show_drill(self, day, rows) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = TicketDayDialog(day, rows, self._reads.clock, self)
        self.dialog.show()

    def show_day(self, index: int) -> None:
        """The values of one day above the charts, and the cursor on it."""
        trend = self.trend
        if trend is None or not 0 <= index < len(trend.days):
            return
        for cursor in self._cursors:
            cursor.setPos(index)
        day = trend.days[index]
        counts = "  ".join(f"{_tr(name)} {getattr(trend, key)[index]}" for key, name, _ in COUNT_LINES)
        rates = "  ".join(f"{_tr(name)} {_percent(trend.rates[key][index])}" for key, name, _ in RATE_LINES)
        rest = f"（{_tr('休息日')}）" if trend.rest[index] else ""
        self.hover.setText(f"{day.isoformat()}{rest}  {counts}  |  {rates}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
