"""The statistics panel's alarm and device charts (pyqtgraph), under the ticket trends and following their
period and grid filters: alarms raised per day stacked by kind, the day's median and 90th percentile
time to acknowledge, camera availability and the sensors' health. Hovering a day shows its values;
clicking a day of the alarms opens the list of that day's alarms (`AlarmDayDialog`).
The data comes from `reads.health` (runtime/read/health.py), off the GUI thread."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.site_clock import SiteClock
from runtime.read.health import AlarmTrend, DeviceTrend, HealthReads, kind_name
from widgets.dashboard.alarm_day import AlarmDayDialog
from widgets.jobs import Jobs
from widgets.stats_charts import TrendCharts

KIND_COLOURS = (
    "#ef5350",
    "#f0b429",
    "#2f8cff",
    "#35c27a",
    "#9b7bea",
    "#e8833a",
    "#36cfc9",
    "#d93636",
    "#8fb3de",
)
ACK_LINES = (("p50_seconds", "确认用时中位数", "#36cfc9"), ("p90_seconds", "确认用时90分位", "#f0b429"))
SENSOR_LINES = (
    ("low_battery", "电量低", "#f0b429"),
    ("silent", "无信号", "#ef5350"),
    ("offline", "离线", "#9b7bea"),
)
CAMERA_COLOUR = "#35c27a"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthCharts", text)


def _kind(kind: str) -> str:
    return QCoreApplication.translate("Dashboard", kind_name(kind))


def minutes(seconds: float | None) -> float:
    """Seconds as minutes for the chart; a gap where nothing was acknowledged, the top bucket as 24 h."""
    if seconds is None:
        return math.nan
    return (86400.0 if math.isinf(seconds) else seconds) / 60.0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if math.isinf(seconds):
        return _tr("超过 24 小时")
    return _tr("{n} 分钟").replace("{n}", f"{seconds / 60:.1f}") if seconds >= 60 else f"{seconds:.0f} s"


class HealthCharts(QWidget):
    def __init__(
        self,
        reads: HealthReads,
        jobs: Jobs,
        filters: TrendCharts,
        clock: SiteClock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._reads, self._jobs, self._filters, self._clock = reads, jobs, filters, clock
        self.alarms: AlarmTrend | None = None
        self.devices: DeviceTrend | None = None
        self.dialog: AlarmDayDialog | None = None
        self.hover = QLabel()
        self.hover.setObjectName("trendHover")
        self.hover.setWordWrap(True)
        self.hover.setTextFormat(Qt.TextFormat.PlainText)
        self.alarm_plot, self.ack_plot = pg.PlotWidget(), pg.PlotWidget()
        self.camera_plot, self.sensor_plot = pg.PlotWidget(), pg.PlotWidget()
        self.plots = (self.alarm_plot, self.ack_plot, self.camera_plot, self.sensor_plot)
        self._cursors = [
            pg.InfiniteLine(angle=90, pen=pg.mkPen("#888888", style=Qt.PenStyle.DashLine)) for _ in self.plots
        ]
        for plot, cursor in zip(self.plots, self._cursors, strict=True):
            plot.setMinimumHeight(190)
            plot.setBackground(None)
            plot.showGrid(y=True, alpha=0.25)
            plot.addLegend(offset=(8, 8))
            plot.addItem(cursor, ignoreBounds=True)
            plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._mouse_moved(p, pos))
            if plot is not self.alarm_plot:
                plot.setXLink(self.alarm_plot)
        self.alarm_plot.scene().sigMouseClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.hover)
        for plot in self.plots:
            layout.addWidget(plot)
        self._retranslate()
        filters.period.currentIndexChanged.connect(self.reload)
        filters.grid.currentIndexChanged.connect(self.reload)
        self.reload()

    def _filter(self) -> tuple[int, str | None]:
        return self._filters.period.currentData() or 30, self._filters.grid.currentData()

    def reload(self) -> None:
        days, code = self._filter()
        self._jobs.submit("health-alarms", lambda: self._reads.alarm_trend(days, code), self._draw_alarms)
        self._jobs.submit("health-devices", lambda: self._reads.device_trend(days, code), self._draw_devices)

    # --- drawing -------------------------------------------------------------------------------
    @staticmethod
    def _clear(plot: pg.PlotWidget, days) -> None:
        plot.plotItem.legend.clear()
        for item in [i for i in plot.plotItem.items if not isinstance(i, pg.InfiniteLine)]:
            plot.removeItem(item)
        ticks = [(i, f"{d.month}-{d.day}") for i, d in enumerate(days) if i % max(1, len(days) // 8) == 0]
        plot.getAxis("bottom").setTicks([ticks])

    def _draw_alarms(self, trend: AlarmTrend) -> None:
        self.alarms = trend
        xs = list(range(len(trend.days)))
        for plot in (self.alarm_plot, self.ack_plot):
            self._clear(plot, trend.days)
        base = [0] * len(xs)
        for index, kind in enumerate(trend.kinds):
            counts = trend.raised[kind]
            colour = KIND_COLOURS[index % len(KIND_COLOURS)]
            bars = pg.BarGraphItem(
                x=xs, height=list(counts), y0=list(base), width=0.8, brush=colour, pen=pg.mkPen(None)
            )
            self.alarm_plot.addItem(bars)
            self.alarm_plot.plotItem.legend.addItem(bars, _kind(kind))
            base = [b + c for b, c in zip(base, counts, strict=True)]
        for key, name, colour in ACK_LINES:
            values = [minutes(v) for v in getattr(trend, key)]
            known = not all(math.isnan(v) for v in values)
            self.ack_plot.plot(
                xs if known else [],
                values if known else [],
                pen=pg.mkPen(colour, width=2),
                name=_tr(name),
                connect="finite",
                symbol="o",
                symbolSize=5,
                symbolBrush=colour,
            )
        self.show_day(len(xs) - 1)

    def _draw_devices(self, trend: DeviceTrend) -> None:
        self.devices = trend
        xs = list(range(len(trend.days)))
        for plot in (self.camera_plot, self.sensor_plot):
            self._clear(plot, trend.days)
        availability = [math.nan if d.availability is None else d.availability * 100 for d in trend.cameras]
        known = [v for v in availability if not math.isnan(v)]
        self.camera_plot.setYRange(max(0.0, min(known, default=0.0) - 5.0), 101.0)  # a dip must show
        self.camera_plot.plot(
            xs,
            availability,
            pen=pg.mkPen(CAMERA_COLOUR, width=2),
            name=_tr("摄像机在线率 %"),
            connect="finite",
            symbol="o",
            symbolSize=4,
            symbolBrush=CAMERA_COLOUR,
        )
        for key, name, colour in SENSOR_LINES:
            values = [getattr(d, key) if d.recorded else math.nan for d in trend.sensors]
            self.sensor_plot.plot(
                xs,
                values,
                pen=pg.mkPen(colour, width=2),
                name=_tr(name),
                connect="finite",
                symbol="o",
                symbolSize=4,
                symbolBrush=colour,
            )
        self.show_day(len(xs) - 1)

    # --- hover and drill -----------------------------------------------------------------------
    def _index_at(self, plot: pg.PlotWidget, position: QPointF) -> int:
        return int(round(plot.plotItem.vb.mapSceneToView(position).x()))

    def _mouse_moved(self, plot: pg.PlotWidget, position: QPointF) -> None:
        if plot.sceneBoundingRect().contains(position):
            self.show_day(self._index_at(plot, position))

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.alarms is not None:
            self.drill(self._index_at(self.alarm_plot, event.scenePos()))

    def drill(self, index: int) -> None:
        """Open the list of the alarms raised on that day (in the filtered subtree)."""
        trend = self.alarms
        if trend is None or not 0 <= index < len(trend.days):
            return
        day, (_, code) = trend.days[index], self._filter()
        self._jobs.submit(
            "health-drill",
            lambda: self._reads.alarms_of_day(day, code),
            lambda rows: self._show_drill(day, rows),
        )

    def _show_drill(self, day, rows) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = AlarmDayDialog(day, rows, self._clock, self)
        self.dialog.show()

    def show_day(self, index: int) -> None:
        """The values of one day above the charts, and the cursor on it."""
        days = (self.alarms or self.devices).days if (self.alarms or self.devices) else ()
        if not 0 <= index < len(days):
            return
        for cursor in self._cursors:
            cursor.setPos(index)
        parts = [days[index].isoformat()]
        if self.alarms is not None and index < len(self.alarms.days):
            a = self.alarms
            kinds = "  ".join(f"{_kind(k)} {a.raised[k][index]}" for k in a.kinds if a.raised[k][index])
            parts.append(f"{_tr('告警')} {a.total(index)}" + (f" ({kinds})" if kinds else ""))
            parts.append(
                f"{_tr('确认用时中位数')} {_duration(a.p50_seconds[index])}  {_tr('90分位')} {_duration(a.p90_seconds[index])}"
            )
        if self.devices is not None and index < len(self.devices.days):
            camera, sensor = self.devices.cameras[index], self.devices.sensors[index]
            rate = "—" if camera.availability is None else f"{camera.availability * 100:.1f}%"
            parts.append(f"{_tr('摄像机在线率')} {rate} ({camera.cameras})")
            if sensor.recorded:
                health = "  ".join(f"{_tr(name)} {getattr(sensor, key)}" for key, name, _ in SENSOR_LINES)
                parts.append(f"{_tr('传感器')} {sensor.sensors}: {health}")
            else:
                parts.append(f"{_tr('传感器')} —")
        self.hover.setText("  |  ".join(parts))

    def _retranslate(self) -> None:
        self.alarm_plot.setTitle(_tr("每日告警（按类型，点击某日查看明细）"))
        self.ack_plot.setTitle(_tr("确认用时（分钟，中位数 / 90分位）"))
        self.camera_plot.setTitle(_tr("摄像机在线率（%）"))
        self.sensor_plot.setTitle(_tr("传感器健康（个）"))
        if self.alarms is not None:
            self._draw_alarms(self.alarms)
        if self.devices is not None:
            self._draw_devices(self.devices)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
