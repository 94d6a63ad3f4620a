"""The title bar of every dock: the panel's icon and name, with float and close buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QToolButton, QWidget

from widgets.theme import COLOURS, icon


class DockTitleBar(QWidget):
    """Dragging it moves the dock (the labels let mouse presses through to the QDockWidget)."""

    def __init__(self, dock: QDockWidget, icon_name: str) -> None:
        super().__init__(dock)
        self.setObjectName("dockTitleBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._dock = dock
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.setSpacing(8)
        glyph = QLabel()
        glyph.setPixmap(icon(icon_name, COLOURS["accent"]).pixmap(QSize(16, 16)))
        self.title = QLabel(dock.windowTitle())
        self.title.setObjectName("dockTitle")
        self.float_button = self._button("float", dock.setFloating, toggle=True)
        self.close_button = self._button("close", lambda _checked=False: dock.close())
        layout.addWidget(glyph)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.float_button)
        layout.addWidget(self.close_button)
        dock.windowTitleChanged.connect(self.title.setText)
        dock.topLevelChanged.connect(self.float_button.setChecked)
        self._retranslate()

    def _button(self, name: str, slot, toggle: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("dockButton")
        button.setIcon(icon(name, COLOURS["muted"]))
        button.setIconSize(QSize(14, 14))
        button.setAutoRaise(True)
        button.setCheckable(toggle)
        (button.toggled if toggle else button.clicked).connect(slot)
        return button

    def _retranslate(self) -> None:
        self.float_button.setToolTip(QCoreApplication.translate("MainWindow", "浮动/停靠"))
        self.close_button.setToolTip(
            QCoreApplication.translate("MainWindow", "关闭（可从“视图”菜单重新打开）")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
