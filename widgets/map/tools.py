"""The map panel's tool bar: how the grids are coloured (and, for the SLA colourings, over which
period), the alarm window, which markers show, the base map, 全图 and 导出. A tool bar folds what does
not fit into its overflow menu, so the dock can be narrow. The panel connects the switches."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QSizePolicy, QToolBar, QToolButton, QWidget

from grid_map.mbtiles import CRS_GCJ02, CRS_WGS84
from runtime.reports.periods import PeriodKind
from widgets.map.overlay import Colouring

ALARM_WINDOWS = (
    (timedelta(hours=24), "近24小时"),
    (timedelta(days=7), "近7天"),
    (timedelta(days=30), "近30天"),
)
SLA_PERIODS = ((PeriodKind.DAY, "今日"), (PeriodKind.WEEK, "本周"), (PeriodKind.MONTH, "本月"))


def tr(text_: str) -> str:
    return QCoreApplication.translate("MapPanel", text_)


class MapTools(QToolBar):
    def __init__(self, colourings: list[Colouring], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapTools")
        self.colourings = colourings
        self.colouring_box = QComboBox()
        for colouring in colourings:
            self.colouring_box.addItem(colouring.label(), colouring.value)
        self.sla_period_box = QComboBox(objectName="mapSlaPeriod")
        for kind, _label in SLA_PERIODS:
            self.sla_period_box.addItem("", kind.value)
        self.sla_period_box.setCurrentIndex(
            len(SLA_PERIODS) - 1
        )  # this month: what supervisors are judged on
        self.window_box = QComboBox()
        for delta, _label in ALARM_WINDOWS:
            self.window_box.addItem("", delta)
        self.show_cameras = QCheckBox()
        self.show_sensors = QCheckBox()
        self.show_tickets = QCheckBox()
        self.show_alarms = QCheckBox()
        for box in self.marker_boxes():
            box.setChecked(True)
        self.basemap_button = QToolButton()
        self.crs_box = QComboBox()
        self.crs_box.addItem("WGS-84", CRS_WGS84)
        self.crs_box.addItem("GCJ-02", CRS_GCJ02)
        self.fit_button = QToolButton()
        self.export_button = QToolButton()
        for box in (self.colouring_box, self.sla_period_box, self.window_box):  # "Last 24 hours" > 近24小时
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sla_period_action = None
        for widget in (self.colouring_box, self.sla_period_box, self.window_box, *self.marker_boxes()):
            action = self.addWidget(widget)
            if widget is self.sla_period_box:
                self.sla_period_action = action  # shown only while an SLA colouring is chosen
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._spacer_action = self.addWidget(spacer)
        for widget in (self.basemap_button, self.crs_box, self.fit_button, self.export_button):
            self.addWidget(widget)
        self.show_sla_period(False)
        self.retranslate()

    def add_layer_switch(self, *widgets: QWidget) -> None:
        """Another layer's switches (the visits' 走访覆盖), after the markers and before the right-hand tools."""
        for widget in widgets:
            self.insertWidget(self._spacer_action, widget)

    def marker_boxes(self) -> tuple[QCheckBox, ...]:
        return (self.show_cameras, self.show_sensors, self.show_tickets, self.show_alarms)

    def colouring(self) -> Colouring:
        return Colouring(self.colouring_box.currentData())

    def sla_period(self) -> PeriodKind:
        return PeriodKind(self.sla_period_box.currentData())

    def show_sla_period(self, shown: bool) -> None:
        self.sla_period_action.setVisible(shown)

    def retranslate(self) -> None:
        for index, colouring in enumerate(self.colourings):
            self.colouring_box.setItemText(index, colouring.label())
        for index, (_kind, label) in enumerate(SLA_PERIODS):
            self.sla_period_box.setItemText(index, tr(label))
        self.sla_period_box.setToolTip(tr("时效统计时段（按受理时间）"))
        for index, (_delta, label) in enumerate(ALARM_WINDOWS):
            self.window_box.setItemText(index, tr(label))
        self.window_box.setToolTip(tr("告警统计时段"))
        self.show_cameras.setText(tr("摄像头"))
        self.show_sensors.setText(tr("传感器"))
        self.show_tickets.setText(tr("工单"))
        self.show_alarms.setText(tr("告警"))
        self.basemap_button.setText(tr("底图…"))
        self.basemap_button.setToolTip(tr("打开离线 MBTiles 底图"))
        self.crs_box.setToolTip(tr("底图坐标系：国内图商瓦片多为 GCJ-02"))
        self.fit_button.setText(tr("全图"))
        self.export_button.setText(tr("导出…"))
        self.export_button.setToolTip(tr("导出当前视图为 PNG 或 PDF"))
