"""The wall dashboard itself: a header (title, site, page, clock), the pages rotating on a timer, and
live figures.

Live: the dashboard reads `context.reads.dashboard` once when it opens, again a moment after the site
publishes a change it shows (tickets, alarms, the grid tree, the roster; relayed from every process
of the site), and at the site's midnight (today's figures start again). Its timers move pages, scroll
rows, flash the newest alarm and tick the clock; none of them reads the store.

Rotation: every `page_seconds` (`gui --page-seconds`, default 20). A pointer moving over the wall holds
the page until it has rested 30 s or left (a kiosk's pointer rests on the wall for good once someone
has touched the mouse: resting must not stop the wall); the pause key (widgets/shortcuts.py, 大屏模式)
holds it until pressed again; the arrow keys turn it by hand.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCursor, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.events import Change, Topic
from runtime.read.dashboard import WallFigures
from widgets.dashboard import style
from widgets.dashboard.live_map import DashboardMap
from widgets.dashboard.pages import ActivityPage, OverviewPage, Page
from widgets.dashboard.texts import tr
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext
from widgets.shortcuts import key_for
from widgets.theme import ui_font_family

DEFAULT_PAGE_SECONDS = 20
LIVE_TOPICS = frozenset({Topic.TICKET, Topic.ALARM, Topic.GRID, Topic.HOUSEHOLD, Topic.RESIDENT})
MAP_TOPICS = frozenset({Topic.TICKET, Topic.ALARM, Topic.SENSOR})
SETTLE_MS = 800  # a burst of changes (a sweep escalating 40 tickets) costs one read
POINTER_HOLD_MS = 30_000  # a pointer that moved over the wall holds the page this long after it rests


class DashboardWall(QWidget):
    def __init__(self, context: ShellContext, page_seconds: int = DEFAULT_PAGE_SECONDS, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardWall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style.sheet(ui_font_family()))
        self.context = context
        self.reads = context.reads.dashboard
        self.clock = context.reads.clock
        self.jobs = Jobs(self)
        self.figures: WallFigures | None = None
        self.reads_started = 0  # how often the figures were asked for (tests: one per change burst)
        self.paused_by_key = False
        self.hovered = False
        self.map = DashboardMap(context.reads.map, self.jobs)
        self.pages: list[Page] = [OverviewPage(self.map), ActivityPage(self.clock)]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self._build_header()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self._timers(page_seconds)
        self._keys()
        context.bridge.changed.connect(self._changed)
        self._retranslate()
        self.reload()
        self.map.reload()

    # --- building ------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self.header = QWidget()
        self.header.setObjectName("dashHeader")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(objectName="dashTitle")
        self.site_name = QLabel(objectName="dashSite")
        self.site_name.setTextFormat(Qt.TextFormat.PlainText)
        self.page_name = QLabel(objectName="dashPageName")
        self.paused = QLabel(objectName="dashPaused")
        self.dots = [QLabel("●") for _ in self.pages]
        self.clock_label = QLabel(objectName="dashClock")
        row = QHBoxLayout(self.header)
        row.setContentsMargins(28, 10, 28, 10)
        row.setSpacing(18)
        row.addWidget(self.title)
        row.addWidget(self.site_name)
        row.addStretch(1)
        row.addWidget(self.page_name)
        for dot in self.dots:
            row.addWidget(dot)
        row.addWidget(self.paused)
        row.addStretch(1)
        row.addWidget(self.clock_label)

    def _timers(self, page_seconds: int) -> None:
        self.rotation = QTimer(self, interval=max(3, page_seconds) * 1000)
        self.rotation.timeout.connect(self.next_page)
        self.rotation.start()
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self.reload)
        self.ticker = QTimer(self, interval=1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.midnight = QTimer(self, singleShot=True)
        self.midnight.timeout.connect(self.reload)
        self.pointer_rest = QTimer(self, singleShot=True, interval=POINTER_HOLD_MS)
        self.pointer_rest.timeout.connect(self._pointer_rested)
        self._pointer_at = QCursor.pos()  # where it rests now is no movement
        self._tick()

    def _keys(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action, slot in (
            ("dashboard.pause", self.toggle_pause),
            ("dashboard.next", self.next_page),
            ("dashboard.previous", self.previous_page),
        ):
            QShortcut(key_for(action), self, activated=slot, context=context)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # --- figures -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.reads_started += 1
        self.jobs.submit("figures", self.reads.figures, self.show_figures)

    def show_figures(self, figures: WallFigures) -> None:
        self.figures = figures
        for page in self.pages:
            page.show_figures(figures)
        self._arm_midnight()

    def _arm_midnight(self) -> None:
        """Today's figures start again at the site's midnight, whether or not anything changes then."""
        tomorrow = self.clock.now().date() + timedelta(days=1)
        midnight = datetime.combine(tomorrow, datetime.min.time(), tzinfo=self.clock.zone)
        seconds = (midnight - self.clock.now()).total_seconds()
        self.midnight.start(int(max(1.0, seconds + 1.0) * 1000))

    def _changed(self, change: Change) -> None:
        if change.topic in LIVE_TOPICS:
            self.settle.start()
        if change.topic == Topic.GRID:
            self.map.reload()
        elif change.topic in MAP_TOPICS:
            self.map.refresh()

    # --- pages ---------------------------------------------------------------------------------
    @property
    def rotating(self) -> bool:
        return self.rotation.isActive()

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index % len(self.pages))
        self._paint_header()
        if self.rotating:
            self.rotation.start()  # a page turned by hand gets its full time

    def next_page(self) -> None:
        self.show_page(self.stack.currentIndex() + 1)

    def previous_page(self) -> None:
        self.show_page(self.stack.currentIndex() - 1)

    def toggle_pause(self) -> None:
        self.paused_by_key = not self.paused_by_key
        self._hold()

    def _hold(self) -> None:
        if self.paused_by_key or self.hovered:
            self.rotation.stop()
        elif not self.rotation.isActive():
            self.rotation.start()
        self._paint_header()

    def pointer_moved(self) -> None:
        """Someone moves the mouse over the wall: hold the page while they look."""
        self.hovered = True
        self.pointer_rest.start()
        self._hold()

    def _pointer_rested(self) -> None:
        self.hovered = False
        self._hold()

    def enterEvent(self, event) -> None:
        self.pointer_moved()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:
        self.pointer_rest.stop()
        self._pointer_rested()
        super().leaveEvent(event)

    # --- header --------------------------------------------------------------------------------
    def _tick(self) -> None:
        self.clock_label.setText(self.clock.now().strftime("%Y-%m-%d  %H:%M:%S"))
        position = QCursor.pos()  # the pointer's moves over child widgets reach no event of the wall's
        if position != self._pointer_at:
            self._pointer_at = position
            if self.isVisible() and self.rect().contains(self.mapFromGlobal(position)):
                self.pointer_moved()

    def _paint_header(self) -> None:
        current = self.stack.currentIndex()
        self.page_name.setText(tr(self.pages[current].name))
        for index, dot in enumerate(self.dots):
            dot.setObjectName("dashDotOn" if index == current else "dashDot")
            dot.setStyleSheet(f"color: {style.BLUE if index == current else style.EDGE}; font-size: 30px;")
        self.paused.setText(tr("已暂停轮播") if self.paused_by_key else "")  # a pointer's pause needs no word

    def _retranslate(self) -> None:
        self.title.setText(tr("网格指挥中心 · 信息展示墙"))
        self.site_name.setText(self.context.site.name)
        for page in self.pages:
            page.retranslate()
        if self.figures is not None:
            self.show_figures(self.figures)
        self._paint_header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def texts(self) -> list[str]:
        """Every text the wall shows (header and every page), for the privacy test."""
        return [label.text() for label in self.findChildren(QLabel)]


def create_panel(context: ShellContext) -> QWidget:
    return DashboardWall(context, context.settings.page_seconds)
