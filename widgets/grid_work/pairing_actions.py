"""The menu entries of pairings and the fund (工具 → 联户党员包联看板… / 爱心基金…): each opens its screen,
which shows and disables what the signed-in user may not change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from app.access import Permission
from widgets.shell_context import ShellContext


def tr(text: str) -> str:
    return QCoreApplication.translate("PairingBoard", text)


class PairingActions(QObject):
    def __init__(self, context: ShellContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.board_action = QAction(window, objectName="pairingBoardAction")
        self.fund_action = QAction(window, objectName="fundAction")
        self.board_action.triggered.connect(lambda: self.open_board())
        self.fund_action.triggered.connect(self.open_fund)
        self.board_action.setEnabled(context.may(Permission.VIEW_SITE))
        self.fund_action.setEnabled(context.may(Permission.KEEP_FUND))
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        menu.addAction(self.board_action)
        menu.addAction(self.fund_action)

    def retranslate(self) -> None:
        self.board_action.setText(tr("联户党员包联看板…"))
        self.fund_action.setText(tr("爱心基金…"))

    def open_board(self, grid_code: str | None = None) -> QDialog:
        """The board of `grid_code` (a compound), or of the first compound with households."""
        from widgets.grid_work.pairing_board import PairingBoardDialog

        return self._open(PairingBoardDialog(self.context, grid_code, self.window))

    def open_fund(self) -> QDialog:
        from widgets.grid_work.fund_screen import FundDialog

        return self._open(FundDialog(self.context, self.window))

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
