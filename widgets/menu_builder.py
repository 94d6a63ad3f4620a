"""The window's menu bar as named menus, so each area adds its entries by name.

    menus.add("settings", "settings.users", users_text, open_users)   # 设置 → 用户…
    menus.menu("file")                                                        # the QMenu itself

Menus keep the order of MENUS; an entry's text is a function so the bar says it again in the current
language (`retranslate`); its key comes from the one shortcut table (widgets/shortcuts.py) when the
entry's id has a row there. Areas with their own action objects (backup, roster files) add those with
`menus.menu(name).addAction(...)` and translate them themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar

from widgets import shortcuts

Text = Callable[[], str]


def tr(text_: str) -> str:
    return QCoreApplication.translate("MainWindow", text_)


# (name, title): the menus in the bar's order. The language menu names itself in both languages.
MENUS: tuple[tuple[str, Text], ...] = (
    ("file", lambda: tr("文件")),
    ("view", lambda: tr("视图")),
    ("settings", lambda: tr("设置")),
    ("gridwork", lambda: QCoreApplication.translate("GridWork", "网格工作")),
    ("tools", lambda: tr("工具")),
    ("language", lambda: "语言 / Language"),
    ("help", lambda: tr("帮助")),
)


class MenuBuilder(QObject):
    """Owns the named menus of one menu bar and the texts of the entries added through it."""

    def __init__(self, bar: QMenuBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self._menus: dict[str, QMenu] = {}
        self._titles: dict[str, Text] = {}
        self._texts: list[tuple[QAction | QMenu, Text]] = []
        self.actions: dict[str, QAction] = {}
        for name, title in MENUS:
            menu = bar.addMenu(title())
            menu.setObjectName(f"{name}Menu")
            self._menus[name] = menu
            self._titles[name] = title

    def menu(self, name: str) -> QMenu:
        """A menu by name ("file", "view", "settings", "gridwork", "tools", "language", "help", or a submenu's
        "file/import"); KeyError names the known ones."""
        try:
            return self._menus[name]
        except KeyError:
            raise KeyError(f"no menu {name!r}; known: {', '.join(self._menus)}") from None

    def submenu(self, parent: str, name: str, title: Text) -> QMenu:
        """A submenu of a named menu, itself named "parent/name"."""
        menu = self.menu(parent).addMenu(title())
        menu.setObjectName(f"{parent}_{name}Menu")
        self._menus[f"{parent}/{name}"] = menu
        self._texts.append((menu, title))
        return menu

    def add(
        self,
        menu: str,
        action_id: str,
        text: Text,
        slot: Callable[..., object],
        *,
        checkable: bool = False,
        signal: str = "triggered",
    ) -> QAction:
        """An entry at the end of a named menu; `slot` takes the `signal` ("toggled" for a switch)."""
        action = QAction(text(), self.parent() or self)
        action.setObjectName(action_id)
        action.setCheckable(checkable)
        try:
            action.setShortcut(shortcuts.key_for(action_id))
        except KeyError:
            pass  # an entry without a key of its own
        getattr(action, signal).connect(slot)
        self.menu(menu).addAction(action)
        self.actions[action_id] = action
        self._texts.append((action, text))
        return action

    def separator(self, menu: str) -> None:
        self.menu(menu).addSeparator()

    def retranslate(self) -> None:
        for name, title in self._titles.items():
            self._menus[name].setTitle(title())
        for item, text in self._texts:
            if isinstance(item, QMenu):
                item.setTitle(text())
            else:
                item.setText(text())
