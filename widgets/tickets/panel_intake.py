"""Opening a ticket from the dock: one intake form at a time, and then the new (or merged-into) ticket shown
in a queue that holds it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from runtime.read.tickets import QueueKind
from widgets.tickets.intake_dialog import TicketIntakeDialog
from widgets.tickets.intake_submit import Opened
from widgets.tickets.panel_layout import QUEUE_ORDER


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketIntake:
    """The `TicketPanel`'s intake form and the ticket it opened."""

    def new_ticket(self, point: tuple[float, float] | None = None) -> TicketIntakeDialog:
        """Open the intake form (a map click passes its lon/lat); one form at a time."""
        if self.intake_dialog is not None and self.intake_dialog.isVisible():
            self.intake_dialog.raise_()
            self.intake_dialog.activateWindow()
            return self.intake_dialog
        dialog = TicketIntakeDialog(self.desk, self.reads, self.jobs, point, self)
        dialog.opened.connect(self._opened)
        dialog.finished.connect(self._intake_closed)
        self.intake_dialog = dialog
        dialog.open()
        return dialog

    def _intake_closed(self) -> None:
        dialog, self.intake_dialog = self.intake_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _opened(self, opened: Opened) -> None:
        """Show the new (or merged-into) ticket: in its grid's queue when the current one lacks it."""
        verb = tr("已合并到工单") if opened.merged else tr("已新建工单")
        self.notice.setText(f"{verb} #{opened.ticket_id}")
        reads = self.reads
        # its own key: a reload triggered by the same change must not supersede it
        self.jobs.submit("focus", lambda: reads.ticket(opened.ticket_id), self._focus_ticket)

    def _focus_ticket(self, ticket: dict) -> None:
        self.jobs.cancel("detail")
        self.detail.show_ticket(ticket)
        self._select_after_load = ticket["id"]
        grids = self.directory.grids
        chain = {
            g["level"]: grids.by_code[g["code"]].id
            for g in ticket["grid_chain"]
            if g["code"] in grids.by_code
        }
        scope = next((chain[level] for level in (3, 2, 1) if level in chain), None)
        widgets = (self.queue_tabs, self.scope, self.category, self.source, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.queue_tabs.setCurrentIndex(QUEUE_ORDER.index(QueueKind.SUBTREE))
            self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
            self.category.setCurrentIndex(0)
            self.source.setCurrentIndex(0)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.model.load(self.current_filter())
