"""What the grid-work screens share: their translation context, a read-only table, the grid picker,
times in the site's zone, the core's writers built once per seat (off the GUI thread), and the
`WorkDialog` every screen of the 网格工作 menu starts from."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.grid_work.meetings import MeetingBook
from app.grid_work.visit_corrections import VisitCorrections
from app.grid_work.visits import VisitLog
from app.grid_work.volunteers import VolunteerBook
from app.grid_work.votes import VoteDesk
from app.site_clock import MINUTES, SiteClock
from app.tickets import TicketDesk
from runtime.read.grid_work import GridChoice
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.shell_context import ShellContext

CONTEXT = "GridWork"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when(moment: datetime | None, zone: ZoneInfo) -> str:
    """Naive UTC shown as the site's wall-clock time, to the minute."""
    return SiteClock(zone.key).text(moment, MINUTES)


def typed_utc(edit: QDateTimeEdit, zone: ZoneInfo) -> datetime:
    """What a date-time field says, read as the site's wall-clock time, to naive UTC."""
    return SiteClock(zone.key).to_utc(datetime.fromisoformat(edit.dateTime().toString("yyyy-MM-ddTHH:mm")))


def site_time_edit(moment: datetime, zone: ZoneInfo) -> QDateTimeEdit:
    """A date-time field showing `moment` (naive UTC) in the site's zone."""
    local = QDateTime.fromString(when(moment, zone).replace(" ", "T"), "yyyy-MM-ddTHH:mm")
    edit = QDateTimeEdit(local)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setCalendarPopup(True)
    return edit


def read_only_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    return table


def fill_table(table: QTableWidget, rows: list[tuple], keys: list[object]) -> None:
    """Rows of plain text (an item never reads its text as markup); each row keeps its key as data."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, (row, key) in enumerate(zip(rows, keys, strict=True)):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)


def selected_key(table: QTableWidget) -> object | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


def grid_choices(grids: list[GridChoice]) -> list[tuple[str, str]]:
    """(the name indented by level, the code) for each grid."""
    return [("　" * (grid.level - 1) + grid.name, grid.code) for grid in grids]


def grid_picker(grids: list[GridChoice], whole_site: bool = True) -> QComboBox:
    """The grids indented by level; 全站 first when the whole site is a choice (data None)."""
    box = QComboBox()
    if whole_site:
        box.addItem(tr("全站"), None)
    for text, code in grid_choices(grids):
        box.addItem(text, code)
    return box


def choose_grid(box: QComboBox, code: str | None) -> None:
    """Select the grid `code` in a picker (the first entry when it is not there); None leaves it."""
    if code is not None:
        box.setCurrentIndex(max(0, box.findData(code)))


class Writers:
    """The core's services for one seat, built on first use on a job thread (the ticket desk reads the
    categories and the grid locator)."""

    def __init__(self, context: ShellContext) -> None:
        self._context = context
        self._desk: TicketDesk | None = None

    def desk(self) -> TicketDesk:
        if self._desk is None:
            context, tickets = self._context, self._context.reads.tickets
            self._desk = TicketDesk(
                context.db,
                seat=context.seat,
                hub=context.hub,
                categories=tickets.categories,
                locate=tickets.grid_locator(),
            )
        return self._desk

    def votes(self) -> VoteDesk:
        return VoteDesk(self._context.site)

    def meetings(self) -> MeetingBook:
        return MeetingBook(self._context.site, self.desk())

    def volunteers(self) -> VolunteerBook:
        return VolunteerBook(self._context.site)

    def visits(self) -> VisitLog:
        return VisitLog(self._context.site, self.desk())

    def corrections(self) -> VisitCorrections:
        return VisitCorrections(self._context.site)


class WorkDialog(QDialog):
    """What every screen of the 网格工作 menu starts with: its reads and writers, jobs off the GUI thread,
    times in the site's zone, the form it has open, a status line for what happened or went wrong, and a
    fresh list whenever the core announces a change of its topic (`follow`, after the subclass has
    built what its `refresh` fills)."""

    def __init__(
        self, context: ShellContext, name: str, title: str, size: tuple[int, int], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(*size)
        self._context, self._reads = context, context.reads.grid_work
        self._writers, self._jobs = Writers(context), Jobs(self)
        self._zone = context.reads.clock.zone
        self.form: QDialog | None = None
        self.status = plain(QLabel())

    def follow(self, topic: str) -> None:
        """Read the list now and again at every change of `topic` (this seat's or another's)."""
        self._context.bridge.on(topic, lambda _change: self.refresh(), self)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error)[:300])
