"""The household card's 走访 and 走访记录 buttons: what the forms start from (visitors, ticket
categories, the site's time zone) and the visit list are read off the GUI thread; saving goes through
the core's `VisitLog`, whose published change refreshes the card."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app.grid_work.visits import VisitDraft, VisitLog
from app.tickets import TicketDesk
from widgets.households.visit_dialog import VisitDialog, VisitListDialog
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext

FORM_JOB = "visit-form"


def tr(text: str) -> str:
    return QCoreApplication.translate("Visits", text)


class VisitActions(QObject):
    def __init__(
        self, context: ShellContext, jobs: Jobs, report: Callable[[str], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._jobs = jobs
        self._report = report
        self._parent = parent
        self._log: VisitLog | None = None
        self.dialog: VisitDialog | VisitListDialog | None = None

    def record_visit(self, household_id: int, address: str) -> None:
        work, tickets = self._context.reads.work, self._context.reads.tickets

        def read() -> tuple:
            categories = [(c.code, c.path) for c in tickets.categories]
            return work.visitors(household_id), categories, work.zone()

        def opened(found: tuple) -> None:
            visitors, categories, zone = found
            self.dialog = VisitDialog(
                self._jobs, address, visitors, categories, zone, self._write, household_id, self._parent
            )
            self.dialog.accepted.connect(lambda: self._report(tr("走访已登记")))
            self.dialog.open()

        self._jobs.submit(FORM_JOB, read, opened, self._failed)

    def show_visits(self, household_id: int, address: str) -> None:
        work = self._context.reads.work

        def opened(found: tuple) -> None:
            visits, zone = found
            self.dialog = VisitListDialog(address, visits, zone, self._parent)
            self.dialog.open()

        self._jobs.submit(
            FORM_JOB, lambda: (work.household_visits(household_id), work.zone()), opened, self._failed
        )

    def _write(self, draft: VisitDraft) -> object:
        """Runs on a job thread: the desk (and its grid lookup) is built on the first visit saved."""
        if self._log is None:
            context, tickets = self._context, self._context.reads.tickets
            desk = TicketDesk(
                context.db,
                seat=context.seat,
                hub=context.hub,
                categories=tickets.categories,
                locate=tickets.grid_locator(),
            )
            self._log = VisitLog(context.site, desk)
        return self._log.record(draft)

    def _failed(self, error: Exception) -> None:
        self._report(tr("走访读取失败：{error}").replace("{error}", str(error)[:160]))
