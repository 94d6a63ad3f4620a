"""The roster panel's edit buttons: 新增住户, 编辑住户, 新增居民, 编辑居民, 迁出.

They act on the resident selected in the list (and their household). What a form starts from is read
off the GUI thread, the write too; the list refreshes from the change the write publishes, as it does
for an edit on another seat.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QMenu, QMessageBox, QPushButton, QWidget

from app.context import SiteContext
from app.roster.edits import RosterEditError, RosterEdits
from runtime.read.household import Households
from runtime.read.resident_search import ResidentRow
from widgets.households.edit_dialog import SAVE_JOB, FormDialog, HouseholdDialog, ResidentDialog
from widgets.households.move_dialog import MoveResidentDialog
from widgets.jobs import Jobs
from widgets.plain_text import literal_html

DRAFT_JOB = "draft"


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterEdit", text)


class RosterActions(QObject):
    """The buttons and what they do; `selected()` says which resident row the list has selected."""

    def __init__(
        self,
        site: SiteContext,
        households: Households,
        jobs: Jobs,
        selected: Callable[[], ResidentRow | None],
        report: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._edits = RosterEdits(site)
        self._households = households
        self._jobs = jobs
        self._selected = selected
        self._report = report
        self._parent = parent
        self.dialog: FormDialog | None = None
        self.bar = QWidget()
        self.bar.setObjectName("rosterActions")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.add_household_button = QPushButton()
        self.edit_household_button = QPushButton()
        self.add_resident_button = QPushButton()
        self.edit_resident_button = QPushButton()
        self.remove_button = QPushButton()
        self.remove_menu = QMenu(self.remove_button)
        self.move_resident_action = self.remove_menu.addAction("")
        self.remove_resident_action = self.remove_menu.addAction("")
        self.remove_household_action = self.remove_menu.addAction("")
        self.remove_button.setMenu(self.remove_menu)
        for button in (
            self.add_household_button,
            self.edit_household_button,
            self.add_resident_button,
            self.edit_resident_button,
            self.remove_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        self.add_household_button.clicked.connect(self.add_household)
        self.edit_household_button.clicked.connect(self.edit_household)
        self.add_resident_button.clicked.connect(self.add_resident)
        self.edit_resident_button.clicked.connect(self.edit_resident)
        self.move_resident_action.triggered.connect(self.move_resident)
        self.remove_resident_action.triggered.connect(self.remove_resident)
        self.remove_household_action.triggered.connect(self.remove_household)
        self.retranslate()
        self.selection_changed()

    def retranslate(self) -> None:
        self.add_household_button.setText(tr("新增住户"))
        self.edit_household_button.setText(tr("编辑住户"))
        self.add_resident_button.setText(tr("新增居民"))
        self.edit_resident_button.setText(tr("编辑居民"))
        self.remove_button.setText(tr("迁出"))
        self.move_resident_action.setText(tr("迁往其他住户…"))
        self.remove_resident_action.setText(tr("迁出该居民"))
        self.remove_household_action.setText(tr("迁出整户"))

    def selection_changed(self) -> None:
        """Buttons that need a selected resident are off without one."""
        chosen = self._selected() is not None
        for button in (
            self.edit_household_button,
            self.add_resident_button,
            self.edit_resident_button,
            self.remove_button,
        ):
            button.setEnabled(chosen)

    def add_household(self) -> None:
        households = self._households
        self._jobs.submit(DRAFT_JOB, households.buildings, self._open_new_household, self._failed)

    def _open_new_household(self, buildings: list) -> None:
        self._show(HouseholdDialog(self._jobs, buildings, self._edits.add_household, parent=self._parent))

    def edit_household(self) -> None:
        row = self._selected()
        if row is None:
            return
        households, household_id = self._households, row.household_id
        edits = self._edits

        def opened(found: tuple) -> None:
            buildings, draft = found
            if draft is None:
                self._report(tr("该住户已不存在"))
                return
            write = lambda form: edits.change_household(household_id, form)  # noqa: E731
            self._show(HouseholdDialog(self._jobs, buildings, write, draft, parent=self._parent))

        self._jobs.submit(
            DRAFT_JOB, lambda: (households.buildings(), households.draft(household_id)), opened, self._failed
        )

    def add_resident(self) -> None:
        row = self._selected()
        if row is None:
            return
        household_id, edits = row.household_id, self._edits
        write = lambda form: edits.add_resident(household_id, form)  # noqa: E731
        self._show(ResidentDialog(self._jobs, row.address, write, parent=self._parent))

    def edit_resident(self) -> None:
        row = self._selected()
        if row is None:
            return
        households, edits, resident_id = self._households, self._edits, row.resident_id

        def opened(draft) -> None:
            found = [r for r in draft.residents if r.resident_id == resident_id] if draft else []
            if not found:
                self._report(tr("该居民已不存在"))
                return
            write = lambda form: edits.change_resident(resident_id, form)  # noqa: E731
            self._show(ResidentDialog(self._jobs, draft.address, write, found[0], parent=self._parent))

        self._jobs.submit(DRAFT_JOB, lambda: households.draft(row.household_id), opened, self._failed)

    def move_resident(self) -> None:
        row = self._selected()
        if row is None:
            return
        edits, resident_id = self._edits, row.resident_id
        write = lambda household_id: edits.move_resident(resident_id, household_id)  # noqa: E731
        self._show(
            MoveResidentDialog(self._jobs, self._households, row.name, row.household_id, write, self._parent)
        )

    def remove_resident(self) -> None:
        row = self._selected()
        if row is None or not self.confirm(tr("确定将 {name} 从花名册迁出？").replace("{name}", row.name)):
            return
        edits, resident_id = self._edits, row.resident_id
        self._jobs.submit(SAVE_JOB, lambda: edits.remove_resident(resident_id), self._done, self._failed)

    def remove_household(self) -> None:
        row = self._selected()
        question = tr("确定将 {address} 整户 (含全部居民) 从花名册迁出？")
        if row is None or not self.confirm(question.replace("{address}", row.address)):
            return
        edits, household_id = self._edits, row.household_id
        self._jobs.submit(SAVE_JOB, lambda: edits.remove_household(household_id), self._done, self._failed)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self._parent, tr("迁出"), literal_html(question))
        return answer == QMessageBox.StandardButton.Yes

    def _show(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _done(self, _result: object) -> None:
        self._report(tr("已迁出"))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, RosterEditError):
            self._report("; ".join(error.problems.values()))
        else:
            self._report(tr("操作失败：{error}").replace("{error}", str(error)[:160]))
