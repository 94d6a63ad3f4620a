"""The statistics panel (统计): the site's size at a glance, counted from the store."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from alarms.models import Alarm, AlarmState
from app.events import Change
from app.models import Building, Camera, Duty, DutyRole, Grid, Household, Resident, ResidentTag, Sensor, Tag
from app.tickets.models import Ticket
from app.tickets.states import OPEN_STATES
from widgets.shell_context import ShellContext

REFRESH_DELAY_MS = 2000  # changes come in bursts (an import, the demo build): count once after them
TILE_WIDTH = 108  # tiles reflow: as many per row as fit


@dataclass(frozen=True)
class Figure:
    name: str  # Chinese source text, translated in context "Stats"
    value: int
    accent: str = "#2f8cff"


def site_figures(session: Session) -> list[Figure]:
    """The counts the panel shows, in order."""

    def grids(level: int) -> int:
        return session.scalar(select(func.count(Grid.id)).where(Grid.level == level)) or 0

    def tagged(tag: Tag) -> int:
        return session.scalar(select(func.count()).where(ResidentTag.tag == tag.value)) or 0

    def count(column) -> int:
        return session.scalar(select(func.count(column))) or 0

    open_tickets = (
        session.scalar(select(func.count(Ticket.id)).where(Ticket.state.in_(list(OPEN_STATES)))) or 0
    )
    open_alarms = session.scalar(select(func.count(Alarm.id)).where(Alarm.state != AlarmState.HANDLED)) or 0
    staff = session.scalar(
        select(func.count(distinct(Duty.person_id))).where(Duty.role.in_([DutyRole.LEADER, DutyRole.MEMBER]))
    )
    ai_cameras = session.scalar(select(func.count(Camera.id)).where(Camera.ai_enabled.is_(True))) or 0
    return [
        Figure("未办结工单", open_tickets, "#f0b429"),
        Figure("未处置告警", open_alarms, "#ef5350"),
        Figure("一级网格", grids(1)),
        Figure("二级网格", grids(2)),
        Figure("三级网格", grids(3)),
        Figure("微网格", grids(4)),
        Figure("网格长与网格员", staff or 0),
        Figure("楼栋", count(Building.id)),
        Figure("户数", count(Household.id), "#35c27a"),
        Figure("居民", count(Resident.id), "#35c27a"),
        Figure("党员", tagged(Tag.PARTY_MEMBER), "#d93636"),
        Figure("独居老人", tagged(Tag.ELDERLY_ALONE), "#e8833a"),
        Figure("残疾人", tagged(Tag.DISABLED), "#3f8fd8"),
        Figure("低保户", tagged(Tag.LOW_INCOME), "#2e9e6b"),
        Figure("摄像机", count(Camera.id), "#9b7bea"),
        Figure("AI摄像机", ai_cameras, "#9b7bea"),
        Figure("传感器", count(Sensor.id), "#f0b429"),
    ]


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
        self._grid = QGridLayout(content)
        self._grid.setContentsMargins(12, 12, 12, 12)
        self._grid.setSpacing(8)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(content)
        self.tiles: list[StatTile] = []
        self._per_row = 0
        self.figures: list[Figure] = []
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        context.bridge.changed.connect(self._store_changed)
        self.refresh()

    def refresh(self) -> None:
        with self._context.db.sessions() as session:
            self.figures = site_figures(session)
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
