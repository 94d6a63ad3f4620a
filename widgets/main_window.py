"""The main window: docks built from PANELS, a navigation rail, menus, the status bar, remembered layout."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.access.kiosk_pin import KioskPin
from widgets.accounts.account_actions import AccountActions, offer_by_permission
from widgets.dock_title import DockTitleBar
from widgets.i18n import LANGUAGES, LanguageSwitcher
from widgets.kiosk import SetPinDialog
from widgets.panels import PANELS, Panel
from widgets.roster_files import RosterFileActions
from widgets.settings.cameras import CameraSettingsDialog
from widgets.shell_context import ShellContext
from widgets.site_backup import SiteBackupActions
from widgets.site_status import SiteStatusReporter
from widgets.site_wizard.settings_menu import SiteSettingsActions
from widgets.status_bar import ShellStatusBar
from widgets.theme import COLOURS, icon

log = logging.getLogger(__name__)

# Bump when the panels or the default arrangement change: an older saved layout is then ignored.
LAYOUT_VERSION = 2
TABBED_WITH = {"roster": "map", "ai": "alarms"}  # panel -> the panel whose dock it shares as a tab
FRONT_TABS = ("map", "alarms")  # the tab in front at first
# Narrower windows (a supervisor's 1366x768 laptop) cannot give three columns their room: the map and
# roster move behind tabs beside the alarms, leaving the wall and ticket queues two thirds of the width.
COMPACT_BELOW_PX = 1600
COMPACT_TABBED_WITH = {"roster": "alarms", "ai": "alarms", "map": "alarms"}
APP_TITLE = "网格指挥中心"
MAP_MIN_WIDTH = 250  # the map gives up width for its neighbours down to this on small screens
DOCK_FRAME_PX = 4  # a dock's frame around its scroll area
SETTLED_MS = 800  # by then the panels have shown their first data


def tr(text_: str) -> str:
    return QCoreApplication.translate("MainWindow", text_)


class PanelFailed(QWidget):
    """Shown in a dock whose panel could not be built, so one broken area does not stop the shell."""

    def __init__(self, title: str, error: Exception, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("underConstruction")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        heading = QLabel(
            QCoreApplication.translate("MainWindow", "{panel}无法加载").replace("{panel}", title),
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        heading.setObjectName("placeholderHeading")
        detail = QLabel(f"{type(error).__name__}: {error}", alignment=Qt.AlignmentFlag.AlignCenter)
        detail.setObjectName("placeholderNote")
        detail.setWordWrap(True)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(detail)
        layout.addStretch(1)


def scrollable(panel: QWidget) -> QScrollArea:
    """The panel in a scroll area: a panel wider or taller than its dock scrolls instead of pushing the
    window past the screen (every panel fits 1366x768 this way, whatever its own minimum size)."""
    area = QScrollArea()
    area.setObjectName("dockScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: ShellContext,
        languages: LanguageSwitcher,
        *,
        remember_layout: bool = True,
        panels: list[Panel] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.languages = languages
        self.remember_layout = remember_layout
        self.panels = list(PANELS if panels is None else panels)
        self.docks: dict[str, QDockWidget] = {}
        self.panel_widgets: dict[str, QWidget] = {}
        self._nav_actions: dict[str, QAction] = {}
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        # The side columns run the full height; the top and bottom areas share the middle column.
        for corner, area in (
            (Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
            (Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea),
            (Qt.Corner.TopRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
            (Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            self.setCorner(corner, area)
        self.status = ShellStatusBar(context.status, self)
        self.setStatusBar(self.status)
        self._fit_to_screen()
        self._build_docks()
        self._build_rail()
        self._build_menus()
        self.compact = False  # the default arrangement's kind; arrange_default_layout sets it
        self.arrange_default_layout()
        # Dock sizes come out right only once the window has its real size: share them at first show.
        self._size_docks_on_show = not (remember_layout and self.restore_layout())
        self._retranslate()
        self.site_status = SiteStatusReporter(context, self)
        app = QApplication.instance()
        if app is not None:  # the rail marks the panel the operator is working in
            app.focusChanged.connect(self._focus_changed)

    # ---- building --------------------------------------------------------------------------------

    def _fit_to_screen(self) -> None:
        """Start at most of the screen, so the default arrangement's shares come out right."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is not None and available.width() >= 1024:
            self.resize(int(available.width() * 0.9), int(available.height() * 0.9))
        else:
            self.resize(1366, 768)

    def _build_docks(self) -> None:
        for panel in self.panels:
            try:
                widget = panel.factory(self.context)
            except Exception as error:  # noqa: BLE001 (any area's failure is shown, not fatal)
                log.exception("panel %s failed to build", panel.key)
                widget = PanelFailed(panel.title, error)
            dock = QDockWidget(self)
            dock.setObjectName(f"dock_{panel.key}")
            dock.setWidget(scrollable(widget))
            dock.setTitleBarWidget(DockTitleBar(dock, panel.icon))
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.docks[panel.key] = dock
            self.panel_widgets[panel.key] = widget

    def _build_rail(self) -> None:
        self.rail = QToolBar(self)
        self.rail.setObjectName("navigationRail")
        self.rail.setMovable(False)
        self.rail.setFloatable(False)
        self.rail.setIconSize(QSize(26, 26))
        self.rail.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.rail.toggleViewAction().setEnabled(False)
        self.rail.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self._rail_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self._rail_title.setObjectName("railTitle")
        self.rail.addWidget(self._rail_title)
        group = QActionGroup(self)
        for index, panel in enumerate(self.panels):
            action = QAction(self._rail_icon(panel.icon), panel.title, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, key=panel.key: self.show_panel(key))
            group.addAction(action)
            self.rail.addAction(action)
            self._nav_actions[panel.key] = action
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.rail)

    @staticmethod
    def _rail_icon(name: str) -> QIcon:
        """Muted when idle, white when the panel is the current one (a copy: icon() results are shared)."""
        result = QIcon(icon(name, COLOURS["muted"]))
        active = icon(name, "#ffffff")
        for size in (24, 26, 32, 52):
            result.addPixmap(active.pixmap(size, size), QIcon.Mode.Normal, QIcon.State.On)
        return result

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.site_backup = SiteBackupActions(self.context, self)
        self.site_backup.add_to(self.file_menu)
        self.file_menu.addSeparator()
        self.roster_files = RosterFileActions(self.context, self)
        self.roster_files.add_to(self.file_menu)
        self.file_menu.addSeparator()
        self.account = AccountActions(self.context, self)
        self.account.add_to(self.file_menu)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
        for panel in self.panels:
            self.view_menu.addAction(self.docks[panel.key].toggleViewAction())
        self.view_menu.addSeparator()
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.view_menu.addAction(self.reset_layout_action)
        self.fullscreen_action = QAction(self, shortcut=QKeySequence("F11"), checkable=True)
        self.fullscreen_action.toggled.connect(self._toggle_fullscreen)
        self.view_menu.addAction(self.fullscreen_action)

        self.settings_menu = bar.addMenu("")
        self.settings_menu.setObjectName("settingsMenu")
        self.site_settings = SiteSettingsActions(self.context.site, self)
        self.site_settings.add_to(self.settings_menu)
        self.camera_settings_action = QAction(self)
        self.camera_settings_action.triggered.connect(self.open_camera_settings)
        self.settings_menu.addAction(self.camera_settings_action)
        self.account.add_users_to(self.settings_menu)

        self.tools_menu = bar.addMenu("")
        self.set_pin_action = QAction(self)
        self.set_pin_action.triggered.connect(self._set_pin)
        self.tools_menu.addAction(self.set_pin_action)
        offer_by_permission(self.context, self)

        self.language_menu = bar.addMenu("语言 / Language")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.languages.language)
            action.triggered.connect(lambda _checked=False, code=code: self.switch_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def open_camera_settings(self) -> None:
        dialog = CameraSettingsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def arrange_default_layout(self) -> None:
        """Map and roster (tabbed) on the left, the wall over the ticket queues in the middle, alarms and
        the AI (tabbed) over the statistics on the right. Each panel goes to the area its Panel names and
        stacks there, or joins the tab of the panel TABBED_WITH names. In a window narrower than
        COMPACT_BELOW_PX the map and roster join the alarms' tabs instead (alarms in front), so there
        are two columns, not three.
        """
        self.compact = self.width() < COMPACT_BELOW_PX
        tabbed_with = COMPACT_TABBED_WITH if self.compact else TABBED_WITH
        for dock in self.docks.values():  # out first: moving tabbed docks about leaves stale tab bars
            dock.setFloating(False)
            self.removeDockWidget(dock)
        for panel in self._alarms_first(self.panels) if self.compact else self.panels:
            dock = self.docks[panel.key]
            left = panel.area == Qt.DockWidgetArea.LeftDockWidgetArea  # the map's column: aside if compact
            area = Qt.DockWidgetArea.RightDockWidgetArea if self.compact and left else panel.area
            self.addDockWidget(area, dock, Qt.Orientation.Vertical)
            host = self.docks.get(tabbed_with.get(panel.key, ""))
            if host is not None and self.dockWidgetArea(host) == area:
                self.tabifyDockWidget(host, dock)
        for dock in self.docks.values():
            dock.show()
        for key in FRONT_TABS:
            if key in self.docks:
                self.docks[key].raise_()
        self._size_docks()

    @staticmethod
    def _alarms_first(panels: list[Panel]) -> list[Panel]:
        """The panels with the alarms first, so the panels tabbed with them in the compact arrangement
        find their host already in place (and the alarms' tab comes first)."""
        return sorted(panels, key=lambda panel: panel.key != "alarms")

    def apply_default_sizes(self) -> None:
        """Size the default arrangement to the window; arrange it again first if the window has since
        crossed COMPACT_BELOW_PX (the screenshot command and the first show resize it)."""
        if (self.width() < COMPACT_BELOW_PX) != self.compact:
            self.arrange_default_layout()
        else:
            self._size_docks()

    def _size_docks(self) -> None:
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
                short = sum(max(needs[key] - widths[key], 0) for key in present if key != giver)
                spare = max(widths[giver] - max(needs[giver], floor), 0)
                give = min(short, spare)
                widths[giver] -= give
                # the smallest shortfalls first: a column that can be made whole is worth more
                for key in sorted(present, key=lambda k: needs[k] - widths[k]):
                    if key != giver and give > 0:
                        extra = min(max(needs[key] - widths[key], 0), give)
                        widths[key] += extra
                        give -= extra
            self.resizeDocks(
                [self.docks[k] for k in present], [widths[k] for k in present], Qt.Orientation.Horizontal
            )
        self._resize_default(Qt.Orientation.Vertical, (("wall", 0.6), ("tickets", 0.4)))
        self._resize_default(Qt.Orientation.Vertical, (("alarms", 0.58), ("stats", 0.42)))

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

    def _resize_default(self, orientation: Qt.Orientation, shares: tuple[tuple[str, float], ...]) -> None:
        present = [(self.docks[key], share) for key, share in shares if key in self.docks]
        if len(present) < 2:
            return
        total = self._dock_room(orientation)
        self.resizeDocks([d for d, _ in present], [max(int(total * s), 120) for _, s in present], orientation)

    def _dock_room(self, orientation: Qt.Orientation) -> int:
        """The pixels the docks share: the window less the rail, or less the menu and status bars."""
        separators = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self)
        if orientation == Qt.Orientation.Horizontal:
            rail = self.rail.sizeHint().width() if self.rail.isVisible() else 0
            return self.width() - rail - separators
        bars = self.menuBar().sizeHint().height() + self.statusBar().sizeHint().height()
        return self.height() - bars - separators

    # ---- actions ---------------------------------------------------------------------------------

    def show_panel(self, key: str) -> None:
        """Bring a panel to the front (showing its dock if it was closed)."""
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        self.panel_widgets[key].setFocus(Qt.FocusReason.OtherFocusReason)
        self._nav_actions[key].setChecked(True)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        for key, dock in self.docks.items():
            if dock.isAncestorOf(new):
                self._nav_actions[key].setChecked(True)
                return

    def switch_language(self, language: str) -> None:
        self.languages.switch(language)
        self.language_actions[language].setChecked(True)
        if self.remember_layout:
            self.context.settings.store().setValue("language", language)

    def reset_layout(self) -> None:
        """The default arrangement for the window's present width."""
        self.arrange_default_layout()

    def restore_layout(self) -> bool:
        """Put geometry and docks back as they were when the window last closed; False if nothing saved."""
        store = self.context.settings.store()
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            restored = self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            restored = self.restoreState(state, LAYOUT_VERSION) and restored
        return restored

    def save_layout(self) -> None:
        store = self.context.settings.store()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        store.sync()

    def _toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _set_pin(self) -> None:
        SetPinDialog(KioskPin(self.context.db, self.context.seat), self).open()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            tr("关于网格指挥中心"),
            tr("网格指挥中心：社区网格化治理的桌面指挥平台。\n数据库：{db}").replace(
                "{db}", self.context.db.safe_url
            ),
        )

    # ---- Qt events -------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(tr(APP_TITLE))
        self._rail_title.setText(tr("指挥中心"))
        for panel in self.panels:
            title = panel.translated_title()
            self.docks[panel.key].setWindowTitle(title)
            self._nav_actions[panel.key].setText(title)
            self._nav_actions[panel.key].setToolTip(
                f"{title} ({self._nav_actions[panel.key].shortcut().toString()})"
            )
        self.file_menu.setTitle(tr("文件"))
        self.quit_action.setText(tr("退出"))
        self.site_backup.retranslate()
        self.roster_files.retranslate()
        self.account.retranslate()
        self.view_menu.setTitle(tr("视图"))
        self.reset_layout_action.setText(tr("恢复默认布局"))
        self.fullscreen_action.setText(tr("全屏"))
        self.settings_menu.setTitle(tr("设置"))
        self.site_settings.retranslate()
        self.camera_settings_action.setText(tr("摄像机…"))
        self.tools_menu.setTitle(tr("工具"))
        self.set_pin_action.setText(tr("设置值班长密码…"))
        self.help_menu.setTitle(tr("帮助"))
        self.about_action.setText(tr("关于"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.site_status.refresh()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._size_docks_on_show:
            self._size_docks_on_show = False
            # Once the window is laid out, and again when the panels' first loads have landed (a
            # panel that grows its minimum width makes Qt take the room from its neighbours).
            QTimer.singleShot(0, self, self.apply_default_sizes)
            QTimer.singleShot(SETTLED_MS, self, self.apply_default_sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_layout:
            self.save_layout()
        self.context.bridge.close()
        super().closeEvent(event)
