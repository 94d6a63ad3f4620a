"""The statistics panel (统计): the site's size at a glance, counted from the store, the grid's own
work this month (in the site's time zone: visits, findings, tickets solved, meetings, votes,
volunteering), and below them the ticket trends (`widgets/stats_charts.py`), the alarm and device
charts (`widgets/dashboard/health_charts.py`), both following the trends' period and grid filters, and
the SLA heat table of the sub-grids (`widgets/sla_heat.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.events import Change
from runtime.read.stats import SiteCounts
from runtime.read.work import WorkStats
from runtime.types import Tag
from widgets.dashboard.health_charts import HealthCharts
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext
from widgets.sla_heat import SlaHeatTable
from widgets.stats_charts import TrendCharts

REFRESH_DELAY_MS = 2000  # changes come in bursts (an import, the demo build): count once after them
TILE_WIDTH = 108  # tiles reflow: as many per row as fit


@dataclass(frozen=True)
class Figure:
    name: str  # Chinese source text, translated in context "Stats"
    value: int
    accent: str = "#2f8cff"


def site_figures(counts: SiteCounts) -> list[Figure]:
    """The counts the panel shows, in order."""
    return [
        Figure("未办结工单", counts.open_tickets, "#f0b429"),
        Figure("未处置告警", counts.open_alarms, "#ef5350"),
        Figure("一级网格", counts.grids_by_level.get(1, 0)),
        Figure("二级网格", counts.grids_by_level.get(2, 0)),
        Figure("三级网格", counts.grids_by_level.get(3, 0)),
        Figure("微网格", counts.grids_by_level.get(4, 0)),
        Figure("网格长与网格员", counts.staff),
        Figure("楼栋", counts.buildings),
        Figure("户数", counts.households, "#35c27a"),
        Figure("居民", counts.residents, "#35c27a"),
        Figure("党员", counts.tagged.get(Tag.PARTY_MEMBER, 0), "#d93636"),
        Figure("独居老人", counts.tagged.get(Tag.ELDERLY_ALONE, 0), "#e8833a"),
        Figure("残疾人", counts.tagged.get(Tag.DISABLED, 0), "#3f8fd8"),
        Figure("低保户", counts.tagged.get(Tag.LOW_INCOME, 0), "#2e9e6b"),
        Figure("摄像机", counts.cameras, "#9b7bea"),
        Figure("AI摄像机", counts.ai_cameras, "#9b7bea"),
        Figure("传感器", counts.sensors, "#f0b429"),
    ]


def work_figures(stats: WorkStats) -> list[Figure]:
    """The month's work of the whole site, in the order a monthly report gives it."""
    return [
        Figure("本月走访户数", stats.households_visited, "#35c27a"),
        Figure("本月走访人次", stats.people_reached, "#35c27a"),
        Figure("本月发现问题", stats.findings, "#e8833a"),
        Figure("本月问题转工单", stats.findings_ticketed, "#e8833a"),
        Figure("本月办结工单", stats.tickets_solved, "#2e9e6b"),
        Figure("本月网格会议", stats.meetings),
        Figure("本月议事表决", stats.votes_held),
        Figure("本月志愿服务时长", round(stats.volunteer_hours), "#d93636"),
    ]


def month_so_far(zone) -> tuple[datetime, datetime]:
    """From the first of this month (site time) to now, as naive UTC."""
    now = datetime.now(zone)
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.astimezone(UTC).replace(tzinfo=None), now.astimezone(UTC).replace(tzinfo=None)


class StatTile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.value = QLabel()
        self.value.setObjectName("statValue")
        self.name = QLabel()
        self.name.setObjectName("statName")
        layout.addWidget(self.value)
        layout.addWidget(self.name)

    def show_figure(self, figure: Figure) -> None:
        self.value.setText(f"{figure.value:,}")
        self.value.setStyleSheet(f"color: {figure.accent};")
        self.name.setText(QCoreApplication.translate("Stats", figure.name))


class StatsPanel(QScrollArea):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("statsPanel")
        content.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        tiles = QWidget()
        self._grid = QGridLayout(tiles)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(tiles)
        self._jobs = Jobs(self)
        self.charts = TrendCharts(context.reads.trends, self._jobs)
        column.addWidget(self.charts, 1)
        self.health = HealthCharts(context.reads.health, self._jobs, self.charts, context.reads.clock)
        column.addWidget(self.health, 1)
        self.sla_heat = SlaHeatTable(context.reads.reports, self._jobs)
        column.addWidget(self.sla_heat)
        self.setWidget(content)
        self.tiles: list[StatTile] = []
        self._per_row = 0
        self.figures: list[Figure] = []
        self._refreshed_once = False  # the charts load themselves the first time
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        context.bridge.changed.connect(self._store_changed)
        self.refresh()

    def refresh(self) -> None:
        if self._refreshed_once:
            self.charts.reload()
            self.health.reload()
            self.sla_heat.reload()
        self._refreshed_once = True
        work = self._context.reads.work
        month = work.stats(None, *month_so_far(work.zone()))
        self.figures = site_figures(self._context.reads.stats.counts()) + work_figures(month)
        while len(self.tiles) < len(self.figures):
            self.tiles.append(StatTile())
        for tile, figure in zip(self.tiles, self.figures, strict=False):
            tile.show_figure(figure)
        self._reflow()

    def _reflow(self) -> None:
        per_row = max(1, (self.viewport().width() - 24) // TILE_WIDTH)
        if per_row == self._per_row and all(self._grid.indexOf(t) >= 0 for t in self.tiles):
            return
        self._per_row = per_row
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for index, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, index // per_row, index % per_row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _store_changed(self, _change: Change) -> None:
        self._refresh_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for tile, figure in zip(self.tiles, self.figures, strict=False):
                tile.show_figure(figure)
        super().changeEvent(event)


def create_panel(context: ShellContext) -> QWidget:
    return StatsPanel(context)
