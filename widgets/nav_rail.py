"""The navigation rail down the window's left edge: one button per panel, the current one lit.

A button brings its panel up (shows its dock, raises its tab, puts the keyboard in it). The lit button
follows the panel the operator works in: the one the keyboard focus moves into, or whose tab they
click; after 恢复默认布局 it is worked out again from the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QToolBar, QWidget

from widgets.panels import Panel
from widgets.shortcuts import key_for, panel_action_id
from widgets.theme import COLOURS, icon


def tr(text_: str) -> str:
    return QCoreApplication.translate("MainWindow", text_)


def focus_into(widget: QWidget) -> None:
    """The keyboard into a panel: its first child that takes focus (a panel itself usually does not)."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if widget.isAncestorOf(candidate) and candidate.isVisible() and candidate.isEnabled():
            if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
                candidate.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        candidate = candidate.nextInFocusChain()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


class NavigationRail(QToolBar):
    """The rail; `docks` and `panel_widgets` are the window's, keyed like `panels`."""

    def __init__(
        self,
        panels: list[Panel],
        docks: dict[str, QDockWidget],
        panel_widgets: dict[str, QWidget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("navigationRail")
        self.panels = panels
        self.docks = docks
        self.panel_widgets = panel_widgets
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(26, 26))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.toggleViewAction().setEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.title.setObjectName("railTitle")
        self.addWidget(self.title)
        self.actions_by_key: dict[str, QAction] = {}
        group = QActionGroup(self)
        for panel in panels:
            action = QAction(self._rail_icon(panel.icon), panel.title, self)
            action.setObjectName(f"rail_{panel.key}")
            action.setCheckable(True)
            action.setShortcut(key_for(panel_action_id(panel.key)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, key=panel.key: self.show_panel(key))
            group.addAction(action)
            self.addAction(action)
            self.actions_by_key[panel.key] = action
        for key, dock in docks.items():
            dock.visibilityChanged.connect(lambda shown, key=key: self._dock_shown(key, shown))
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _rail_icon(name: str) -> QIcon:
        """Muted when idle, white when the panel is the current one (a copy: icon() results are shared)."""
        result = QIcon(icon(name, COLOURS["muted"]))
        active = icon(name, "#ffffff")
        for size in (24, 26, 32, 52):
            result.addPixmap(active.pixmap(size, size), QIcon.Mode.Normal, QIcon.State.On)
        return result

    def show_panel(self, key: str) -> None:
        """Bring a panel to the front (showing its dock if it was closed) with the keyboard in it."""
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        focus_into(self.panel_widgets[key])
        self.actions_by_key[key].setChecked(True)

    def follow_focus(self, fallback: str | None = None) -> None:
        """Light the panel that holds the focus; `fallback` when no panel does (a fresh arrangement)."""
        key = self.panel_of(QApplication.focusWidget()) or fallback
        if key in self.actions_by_key:
            self.actions_by_key[key].setChecked(True)

    def panel_of(self, widget: QWidget | None) -> str | None:
        """The key of the shown panel that holds `widget`, if any."""
        if widget is None:
            return None
        for key, dock in self.docks.items():
            if dock.isAncestorOf(widget) and not dock.visibleRegion().isEmpty():
                return key
        return None

    def _dock_shown(self, key: str, shown: bool) -> None:
        """A tab the operator clicked lights its panel. Only a click: the arrangement shows and hides
        docks by the handful, and lighting each would leave whichever came last lit."""
        if shown and QApplication.mouseButtons() != Qt.MouseButton.NoButton and self.docks[key].isVisible():
            self.actions_by_key[key].setChecked(True)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        key = self.panel_of(new)
        if key is not None:
            self.actions_by_key[key].setChecked(True)

    def retranslate(self) -> None:
        self.title.setText(tr("指挥中心"))
        for panel in self.panels:
            action = self.actions_by_key[panel.key]
            title = panel.translated_title()
            action.setText(title)
            action.setToolTip(f"{title} ({action.shortcut().toString()})")
