"""The panels the main window turns into docks, in order.

Each area replaces its own placeholder line with its real factory, e.g.
`Panel("wall", "视频墙", create_wall_panel, ...)` with `from widgets.wall.panel import create_panel as
create_wall_panel`, or lazily: `factory=lazy_factory("widgets.wall.panel:create_panel")`.
A factory takes the ShellContext and returns the panel's QWidget; the title is the Chinese source
text, translated in the context "Panels" (resources/i18n/en/shell.ts).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from widgets.households.panel import create_panel as create_roster_panel
from widgets.shell_context import ShellContext
from widgets.stats import create_panel as create_stats_panel

PanelFactory = Callable[[ShellContext], QWidget]
Area = Qt.DockWidgetArea


@dataclass(frozen=True)
class Panel:
    key: str
    title: str  # Chinese source text; shown through translated_title()
    factory: PanelFactory
    area: Qt.DockWidgetArea
    icon: str  # file name (without .svg) in resources/icons

    def translated_title(self) -> str:
        return QCoreApplication.translate("Panels", self.title)


def lazy_factory(target: str) -> PanelFactory:
    """A factory imported on first use ("package.module:function"), so heavy areas load only when shown."""
    module_name, _, attribute = target.partition(":")

    def factory(context: ShellContext) -> QWidget:
        return getattr(importlib.import_module(module_name), attribute)(context)

    return factory


class UnderConstruction(QWidget):
    """What a dock shows until its area delivers the real panel."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setObjectName("underConstruction")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        self.heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading.setObjectName("placeholderHeading")
        self.note = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.note.setObjectName("placeholderNote")
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Panels", self._title))
        self.note.setText(QCoreApplication.translate("Panels", "功能建设中"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def under_construction(title: str) -> PanelFactory:
    def factory(_context: ShellContext) -> QWidget:
        return UnderConstruction(title)

    return factory


# Left column: map and roster tabbed; middle: wall over tickets; right column: alarms and AI (tabbed)
# over statistics.
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
TOP = Qt.DockWidgetArea.TopDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea

PANELS: list[Panel] = [
    Panel("wall", "视频墙", lazy_factory("widgets.wall.panel:create_panel"), TOP, "wall"),
    Panel("map", "网格地图", lazy_factory("widgets.map.panel:create_panel"), LEFT, "map"),
    Panel("tickets", "工单", lazy_factory("widgets.tickets.panel:create_panel"), BOTTOM, "tickets"),
    Panel("alarms", "告警", lazy_factory("widgets.alarms.panel:create_panel"), RIGHT, "alarms"),
    Panel("ai", "AI识别", lazy_factory("widgets.ai.panel:create_panel"), RIGHT, "ai"),
    Panel("roster", "居民花名册", create_roster_panel, LEFT, "roster"),
    Panel("stats", "统计", create_stats_panel, RIGHT, "stats"),
]

# Views a wall shows alone (`gui --kiosk --view KEY`, `gui --screenshot --view KEY`), never docked.
WALL_VIEWS: list[Panel] = [
    Panel("dashboard", "信息展示墙", lazy_factory("widgets.dashboard.wall:create_panel"), TOP, "stats"),
]


def panel(key: str) -> Panel:
    """The panel or wall view with this key; KeyError names the known keys."""
    for candidate in PANELS + WALL_VIEWS:
        if candidate.key == key:
            return candidate
    known = ", ".join(p.key for p in PANELS + WALL_VIEWS)
    raise KeyError(f"未知视图 unknown view {key!r}; known: {known}")
