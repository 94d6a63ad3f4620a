"""The window's default arrangement of docks and its shares of the width and height.

Map and roster (tabbed) on the left, the wall over the ticket queues in the middle, alarms and the AI
(tabbed) over the statistics on the right. In a window narrower than COMPACT_BELOW_PX the map and
roster join the alarms' tabs instead (alarms in front), so there are two columns, not three.

The window's central widget is a `DockGap`: Qt's dock layout without a central widget gives the side
columns a few pixels more at every relayout (a clock's tick or a counter's new text relays out the
window), so with nobody touching it the map and the alarms widened and the wall shrank by about 4 px a
second. With a central widget the columns keep the widths they were given until a person drags them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSizePolicy, QStyle, QWidget

from widgets.panels import Panel

TABBED_WITH = {"roster": "map", "ai": "alarms"}  # panel -> the panel whose dock it shares as a tab
FRONT_TABS = ("map", "alarms")  # the tab in front at first
# Narrower windows (a supervisor's 1366x768 laptop) cannot give three columns their room: the map and
# roster move behind tabs beside the alarms, leaving the wall and ticket queues two thirds of the width.
COMPACT_BELOW_PX = 1600
COMPACT_TABBED_WITH = {"roster": "alarms", "ai": "alarms", "map": "alarms"}
COMPACT_WALL_SHARE = 0.4  # of the height, over the ticket queues, in a window narrower than COMPACT_BELOW_PX
MAP_MIN_WIDTH = 250  # the map gives up width for its neighbours down to this on small screens
DOCK_FRAME_PX = 4  # a dock's frame around its scroll area
MIN_DOCK_PX = 120


class DockGap(QWidget):
    """The central widget: no height, as wide as the middle column (see the module's docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dockGap")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)


class DockLayout:
    """Arranges and sizes a window's docks (built from `panels`) in the default arrangement."""

    def __init__(
        self,
        window: QMainWindow,
        panels: list[Panel],
        docks: dict[str, QDockWidget],
        panel_widgets: dict[str, QWidget],
        rail: QWidget,
    ) -> None:
        self.window = window
        self.panels = panels
        self.docks = docks
        self.panel_widgets = panel_widgets
        self.rail = rail
        self.compact = False  # the default arrangement's kind; arrange() sets it
        window.setCentralWidget(DockGap(window))

    def arrange(self) -> None:
        """Each panel goes to the area its Panel names and stacks there, or joins the tab of the panel
        TABBED_WITH names (COMPACT_TABBED_WITH in a narrow window)."""
        window = self.window
        self.compact = window.width() < COMPACT_BELOW_PX
        tabbed_with = COMPACT_TABBED_WITH if self.compact else TABBED_WITH
        for dock in self.docks.values():  # out first: moving tabbed docks about leaves stale tab bars
            dock.setFloating(False)
            window.removeDockWidget(dock)
        for panel in self._alarms_first(self.panels) if self.compact else self.panels:
            dock = self.docks[panel.key]
            left = panel.area == Qt.DockWidgetArea.LeftDockWidgetArea  # the map's column: aside if compact
            area = Qt.DockWidgetArea.RightDockWidgetArea if self.compact and left else panel.area
            window.addDockWidget(area, dock, Qt.Orientation.Vertical)
            host = self.docks.get(tabbed_with.get(panel.key, ""))
            if host is not None and window.dockWidgetArea(host) == area:
                window.tabifyDockWidget(host, dock)
        for dock in self.docks.values():
            dock.show()
        for key in FRONT_TABS:
            if key in self.docks:
                self.docks[key].raise_()
        self.size_docks()

    def behind_tabs(self) -> set[str]:
        """The panels the default arrangement puts behind another panel's tab."""
        tabbed_with = COMPACT_TABBED_WITH if self.compact else TABBED_WITH
        return {key for key, host in tabbed_with.items() if key in self.docks and host in self.docks}

    @staticmethod
    def _alarms_first(panels: list[Panel]) -> list[Panel]:
        """The panels with the alarms first, so the panels tabbed with them in the compact arrangement
        find their host already in place (and the alarms' tab comes first)."""
        return sorted(panels, key=lambda panel: panel.key != "alarms")

    def apply_default_sizes(self) -> None:
        """Size the default arrangement to the window; arrange it again first if the window has since
        crossed COMPACT_BELOW_PX (the screenshot command and the first show resize it)."""
        if (self.window.width() < COMPACT_BELOW_PX) != self.compact:
            self.arrange()
        else:
            self.size_docks()

    def size_docks(self) -> None:
        """Share the window: the wall (over the ticket queues) gets the middle, about half, the map a
        quarter, alarms and statistics the rest; the wall takes three fifths of the height. On a small
        screen the map gives up width first (it fits the district to whatever it gets) so the columns
        beside it need not scroll. Compact: the wall's column two thirds, the side column the rest."""
        if self.compact:  # the wall's column gives up width for the side column's panels
            shares, giver, floor = {"wall": 0.68, "alarms": 0.32}, "wall", 0
            columns = {"wall": ("wall", "tickets"), "alarms": ("alarms", "ai", "map", "roster", "stats")}
        else:
            shares, giver, floor = {"map": 0.25, "wall": 0.54, "alarms": 0.21}, "map", MAP_MIN_WIDTH
            columns = {
                "map": ("map", "roster"),
                "wall": ("wall", "tickets"),
                "alarms": ("alarms", "ai", "stats"),
            }
        present = [key for key in shares if key in self.docks]
        if len(present) >= 2:
            room = self._dock_room(Qt.Orientation.Horizontal)
            widths = {key: int(room * shares[key]) for key in present}
            needs = {key: self._column_need(columns[key]) for key in present}
            if giver in widths:
                self._give_width(widths, needs, giver, floor)
            self.window.resizeDocks(
                [self.docks[k] for k in present], [widths[k] for k in present], Qt.Orientation.Horizontal
            )
        # A laptop's ticket queue needs its rows more than the wall its height: 0.4 leaves the queue
        # eight rows and more at 1366x768 without the panel scrolling.
        wall_share = COMPACT_WALL_SHARE if self.compact else 0.6
        self._resize_shares(Qt.Orientation.Vertical, (("wall", wall_share), ("tickets", 1 - wall_share)))
        self._resize_shares(Qt.Orientation.Vertical, (("alarms", 0.58), ("stats", 0.42)))

    @staticmethod
    def _give_width(widths: dict[str, int], needs: dict[str, int], giver: str, floor: int) -> None:
        """The giver column gives width (down to `floor` or its need) to the columns short of theirs."""
        short = sum(max(needs[key] - widths[key], 0) for key in widths if key != giver)
        give = min(short, max(widths[giver] - max(needs[giver], floor), 0))
        widths[giver] -= give
        # the smallest shortfalls first: a column that can be made whole is worth more
        for key in sorted(widths, key=lambda k: needs[k] - widths[k]):
            if key != giver and give > 0:
                extra = min(max(needs[key] - widths[key], 0), give)
                widths[key] += extra
                give -= extra

    def _column_need(self, keys: tuple[str, ...]) -> int:
        """The width a dock column needs so none of its shown panels (not those behind a tab) scrolls."""
        return max(
            (
                self.panel_widgets[k].minimumSizeHint().width() + DOCK_FRAME_PX
                for k in keys
                if k in self.panel_widgets and not self.docks[k].visibleRegion().isEmpty()
            ),
            default=0,
        )

    def _resize_shares(self, orientation: Qt.Orientation, shares: tuple[tuple[str, float], ...]) -> None:
        present = [(self.docks[key], share) for key, share in shares if key in self.docks]
        if len(present) < 2:
            return
        total = self._dock_room(orientation)
        sizes = [max(int(total * share), MIN_DOCK_PX) for _, share in present]
        self.window.resizeDocks([dock for dock, _ in present], sizes, orientation)

    def _dock_room(self, orientation: Qt.Orientation) -> int:
        """The pixels the docks share: the window less the rail, or less the menu and status bars."""
        window = self.window
        separators = 2 * window.style().pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window
        )
        if orientation == Qt.Orientation.Horizontal:
            rail = self.rail.sizeHint().width() if self.rail.isVisible() else 0
            return window.width() - rail - separators
        bars = window.menuBar().sizeHint().height() + window.statusBar().sizeHint().height()
        return window.height() - bars - separators
