"""迁往其他住户: move one resident into another household, found by address or a resident's name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from runtime.read.household import Households
from widgets.households.edit_dialog import FormDialog
from widgets.jobs import Jobs
from widgets.plain_text import plain

FIND_JOB = "find"
FIND_DELAY_MS = 250


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterEdit", text)


class MoveResidentDialog(FormDialog):
    """A search box and the households it finds; saving moves the resident to the one chosen."""

    def __init__(
        self,
        jobs: Jobs,
        households: Households,
        name: str,
        current_household: int,
        write: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(jobs, parent)
        self._households = households
        self._current = current_household
        self._write = write
        self.setWindowTitle(tr("迁往其他住户"))
        who = QLabel(name)
        plain(who)
        who.setObjectName("dialogMessage")
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("输入地址或住户成员姓名"))
        self.search.setMinimumWidth(360)
        self.results = QListWidget()
        self.results.setMinimumHeight(180)
        self.form.addRow(tr("居民"), who)
        self.form.addRow(tr("查找住户"), self.search)
        self.add_field("household", tr("迁入住户"), self.results)
        self._debounce = QTimer(self, singleShot=True, interval=FIND_DELAY_MS)
        self._debounce.timeout.connect(self.find_now)
        self.search.textChanged.connect(self._debounce.start)

    def find_now(self) -> None:
        """Look the households up off the GUI thread; the newest text's answer is the one shown."""
        self._debounce.stop()
        text, households = self.search.text().strip(), self._households
        if not text:
            self.results.clear()
            return
        self._jobs.submit(FIND_JOB, lambda: households.find(text), self._show_found)

    def _show_found(self, found: list[tuple[int, str]]) -> None:
        self.results.clear()
        for household_id, address in found:
            if household_id == self._current:
                continue  # moving into the household they are in is no move
            item = QListWidgetItem(address)
            item.setData(Qt.ItemDataRole.UserRole, household_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def chosen(self) -> int | None:
        item = self.results.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def local_problems(self) -> dict[str, str]:
        return {} if self.chosen() is not None else {"household": tr("请先查找并选择要迁入的住户")}

    def write_work(self) -> Callable[[], object]:
        target, write = self.chosen(), self._write
        return lambda: write(target)
