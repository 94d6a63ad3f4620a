"""The main window: docks built from PANELS, the navigation rail (widgets/nav_rail.py), the menus
(widgets/window_menus.py), the status bar, the default arrangement (widgets/dock_layout.py) and the
layout remembered between runs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from widgets.dock_layout import DockLayout
from widgets.dock_title import DockTitleBar
from widgets.i18n import LanguageSwitcher
from widgets.nav_rail import NavigationRail, focus_into
from widgets.panels import PANELS, Panel
from widgets.plain_text import plain
from widgets.shell_context import ShellContext, site_title
from widgets.site_status import SiteStatusReporter
from widgets.status_bar import ShellStatusBar
from widgets.window_menus import WindowMenus

log = logging.getLogger(__name__)

# Bump when the panels or the default arrangement change: an older saved layout is then ignored.
# 3: the window has a central widget (dock_layout.DockGap), so states saved without one are stale.
LAYOUT_VERSION = 3
APP_TITLE = "网格指挥中心"
SETTLED_MS = 800  # by then the panels have shown their first data
SCREEN_KEY = "window/screen"  # the name of the screen the window last closed on


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
        plain(detail)
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
    _closed = False  # set by closeEvent; a class default, as Qt sends events during __init__

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
        self.status = ShellStatusBar(context.status, context.site.clock, self, site_name=context.site.name)
        self.setStatusBar(self.status)
        self._fit_to_screen(self._remembered_screen())
        self._build_docks()
        self.rail = NavigationRail(self.panels, self.docks, self.panel_widgets, self)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.rail)
        self.menus = WindowMenus(self, self, languages.language)
        self.dock_layout = DockLayout(self, self.panels, self.docks, self.panel_widgets, self.rail)
        self.dock_layout.arrange()
        self.restored = remember_layout and self.restore_layout()
        # Dock sizes come out right only once the window has its real size: share them at first show.
        self._size_docks_on_show = not self.restored
        self._sharing_sizes = False
        self._retranslate()
        self.site_status = SiteStatusReporter(context, self)

    # ---- building --------------------------------------------------------------------------------

    def _remembered_screen(self) -> QScreen | None:
        if not self.remember_layout:
            return None
        name = self.context.seat_state.value(SCREEN_KEY)
        return next((s for s in QGuiApplication.screens() if s.name() == name), None)

    def _fit_to_screen(self, screen: QScreen | None) -> None:
        """On the screen the window last closed on (else the primary), at that screen's working area:
        the size `show_maximized` fills, so the default arrangement's shares come out right at once."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen else None
        if available is not None and available.width() >= 1024:
            self.setGeometry(available)
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

    # ---- what the rail, the menus and the tests use ----------------------------------------------

    @property
    def compact(self) -> bool:
        return self.dock_layout.compact

    @property
    def _nav_actions(self):
        return self.rail.actions_by_key

    @property
    def language_actions(self):
        return self.menus.language_actions

    @property
    def account(self):
        """The signed-in account's menu entries and idle lock (widgets/accounts/account_actions.py)."""
        return self.menus.account

    def menu(self, name: str):
        """A named menu ("file", "view", "settings", "tools", "language", "help") to add entries to."""
        return self.menus.builder.menu(name)

    @property
    def file_menu(self):
        return self.menu("file")

    @property
    def view_menu(self):
        return self.menu("view")

    @property
    def tools_menu(self):
        return self.menu("tools")

    @property
    def help_menu(self):
        return self.menu("help")

    @property
    def site_backup(self):
        return self.menus.site_backup

    def show_panel(self, key: str) -> None:
        """Bring a panel to the front (showing its dock if it was closed), the keyboard in it."""
        self.rail.show_panel(key)

    def arrange_default_layout(self) -> None:
        self.dock_layout.arrange()

    def apply_default_sizes(self) -> None:
        self.dock_layout.apply_default_sizes()

    def reset_layout(self) -> None:
        """The default arrangement for the window's present width; the keyboard stays in the panel it
        was in unless that panel went behind a tab (then it goes to the wall), and the rail lights the
        panel that has it."""
        focused = QApplication.focusWidget()
        was_in = self.rail.panel_of(focused)
        self.dock_layout.arrange()
        if was_in is not None and was_in not in self.dock_layout.behind_tabs():
            focused.setFocus(Qt.FocusReason.OtherFocusReason)
        elif "wall" in self.panel_widgets:
            focus_into(self.panel_widgets["wall"])
        self.rail.follow_focus(fallback="wall")

    def switch_language(self, language: str) -> None:
        self.languages.switch(language)
        self.menus.language_actions[language].setChecked(True)
        if self.remember_layout:
            self.context.seat_state.setValue("language", language)

    def show_on_start(self) -> None:
        """Maximised on the screen it last closed on; a remembered normal (not maximised) size stays."""
        if self.restored and not self.isMaximized():
            self.show()
        else:
            self.showMaximized()

    # ---- remembered layout -----------------------------------------------------------------------

    def restore_layout(self) -> bool:
        """Put geometry and docks back as they were when the window last closed; False if nothing saved."""
        store = self.context.seat_state
        geometry = store.value("window/geometry")
        state = store.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            restored = self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            restored = self.restoreState(state, LAYOUT_VERSION) and restored
        return restored

    def save_layout(self) -> None:
        store = self.context.seat_state
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState(LAYOUT_VERSION))
        if self.screen() is not None:
            store.setValue(SCREEN_KEY, self.screen().name())

    # ---- Qt events -------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.setWindowTitle(site_title(self.context.site.name, tr(APP_TITLE)))
        for panel in self.panels:
            self.docks[panel.key].setWindowTitle(panel.translated_title())
        self.rail.retranslate()
        self.menus.retranslate(self.languages.language)

    def event(self, event: QEvent) -> bool:
        # A closed window is done with (the keeper starts a new process): a later language switch (another
        # window's, in one process) is not passed down to panels whose menus Qt may already have deleted.
        if event.type() == QEvent.Type.LanguageChange and self._closed:
            return True
        return super().event(event)

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
            # panel that grows its minimum width makes Qt take the room from its neighbours); until
            # then every resize (the window manager maximising it) shares the new size too.
            self._sharing_sizes = True
            QTimer.singleShot(0, self, self.apply_default_sizes)
            QTimer.singleShot(SETTLED_MS, self, self._settled)

    def _settled(self) -> None:
        self._sharing_sizes = False
        self.apply_default_sizes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._sharing_sizes:
            QTimer.singleShot(0, self, self.apply_default_sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        if self.remember_layout:
            self.save_layout()
        self.context.bridge.close()
        super().closeEvent(event)
