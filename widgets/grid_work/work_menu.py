"""The 网格工作 menu: 入户走访, 议事表决, 会议, 志愿服务与居民自治, 楼院自治, 工作统计 — each a window of
its own, opened for the whole site (the map and the household card open them for one grid)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QWidget

from widgets.grid_work.meetings_dialog import MeetingsDialog
from widgets.grid_work.micro_grid_dialog import MicroGridDialog
from widgets.grid_work.visits_dialog import VisitsDialog
from widgets.grid_work.volunteers_dialog import VolunteersDialog
from widgets.grid_work.votes_dialog import VotesDialog
from widgets.grid_work.work_stats_view import WorkStatsDialog
from widgets.grid_work.work_ui import tr
from widgets.menu_builder import MenuBuilder
from widgets.shell_context import ShellContext

MENU = "gridwork"


def menu_title() -> str:
    return tr("网格工作")


class GridWorkActions(QObject):
    """Opens the grid-work windows; one of each kind at a time (a second call raises the first)."""

    def __init__(self, context: ShellContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._parent = context, parent
        self.open_windows: dict[str, QDialog] = {}

    def add_to(self, menus: MenuBuilder) -> None:
        for key, text, slot in (
            ("gridwork.visits", lambda: tr("入户走访…"), lambda: self.visits()),
            ("gridwork.votes", lambda: tr("议事表决…"), lambda: self.votes()),
            ("gridwork.meetings", lambda: tr("会议…"), lambda: self.meetings()),
            ("gridwork.volunteers", lambda: tr("志愿服务与居民自治…"), lambda: self.volunteers()),
            ("gridwork.micro_grid", lambda: tr("楼院自治…"), lambda: self.micro_grid()),
            ("gridwork.stats", lambda: tr("工作统计…"), lambda: self.stats()),
        ):
            menus.add(MENU, key, text, slot)

    def visits(self, grid_code: str | None = None) -> QDialog:
        return self._show("visits", lambda: VisitsDialog(self._context, grid_code, self._parent))

    def votes(self) -> QDialog:
        return self._show("votes", lambda: VotesDialog(self._context, self._parent))

    def meetings(self, grid_code: str | None = None) -> QDialog:
        return self._show("meetings", lambda: MeetingsDialog(self._context, grid_code, self._parent))

    def volunteers(self, grid_code: str | None = None) -> QDialog:
        return self._show("volunteers", lambda: VolunteersDialog(self._context, grid_code, self._parent))

    def micro_grid(self, compound_code: str | None = None) -> QDialog:
        return self._show("micro_grid", lambda: MicroGridDialog(self._context, compound_code, self._parent))

    def stats(self, grid_code: str | None = None) -> QDialog:
        return self._show("stats", lambda: WorkStatsDialog(self._context, grid_code, self._parent))

    def _show(self, key: str, build) -> QDialog:
        window = self.open_windows.get(key)
        if window is None:
            window = build()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.destroyed.connect(lambda _obj=None, key=key: self.open_windows.pop(key, None))
            self.open_windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window
