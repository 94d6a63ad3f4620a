"""The queue table: pages of an indexed queue query, fetched as the view scrolls, with a live countdown."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.site_clock import SHORT
from app.tickets.states import LEVEL_ZH, State
from runtime.read.tickets import QueueFilter, QueueRow, TicketDirectory, TicketReads
from widgets.jobs import Jobs
from widgets.plain_text import literal_html

PAGE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# Readable on the dark theme: light text colours, each a step of urgency.
URGENCY_COLOURS = {
    "overdue": "#ff6b6b",
    "critical": "#ff9f43",
    "warning": "#f0c419",
    "ok": "#4cd08a",
    "paused": "#8fa3bf",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


COLUMNS = ("编号", "状态", "倒计时", "分类", "内容", "承办", "层级", "受理时间")
SORT_KEYS = ("id", "state", "due", "category", None, None, None, "created")


def countdown(deadline: datetime | None, now: datetime) -> str:
    """ "剩 3小时05分" or "超时 1天2小时": plain elapsed time, the way a caller would say it."""
    if deadline is None:
        return "—"
    seconds = int((deadline - now).total_seconds())
    late = seconds < 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        amount = tr("{0}天{1}小时").format(days, hours)
    elif hours:
        amount = tr("{0}小时{1:02d}分").format(hours, minutes)
    else:
        amount = tr("{0}分钟").format(minutes)
    return (tr("超时") if late else tr("剩")) + " " + amount


def urgency(row: QueueRow, now: datetime) -> str:
    if row.state not in (State.DISPATCHED, State.IN_PROGRESS):
        return "paused"
    if row.overdue_since is not None or (row.deadline_at is not None and row.deadline_at <= now):
        return "overdue"
    if row.warn_level >= 90:
        return "critical"
    if row.warn_level >= 70:
        return "warning"
    return "ok"


class TicketQueueModel(QAbstractTableModel):
    """Rows of one queue; more pages arrive through canFetchMore/fetchMore as the view scrolls.

    Queries run on the dock's worker (`Jobs`); a newer filter supersedes an older one still running,
    so only the newest answer is shown.
    """

    count_changed = Signal(int)
    loaded = Signal()  # the first page of the current filter is in
    failed = Signal(str)

    def __init__(self, reads: TicketReads, directory: TicketDirectory, jobs: Jobs, parent=None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.directory = directory
        self.jobs = jobs
        self.filter: QueueFilter | None = None
        self.rows: list[QueueRow] = []
        self.total = 0
        self.now = self.reads.now()

    # --- loading ---------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self.jobs.busy("page") or self.jobs.busy("more")

    def load(self, flt: QueueFilter) -> None:
        """Ask for the first page and the count; the rows shown stay until the answer arrives."""
        self.filter = flt
        self.jobs.cancel("more")
        reads = self.reads
        self.jobs.submit("page", lambda: reads.first_page(flt, PAGE), self._loaded, self._failed)

    def _loaded(self, answer: tuple[tuple[QueueRow, ...], int]) -> None:
        self.beginResetModel()
        rows, self.total = answer
        self.rows = list(rows)
        self.now = self.reads.now()
        self.endResetModel()
        self.count_changed.emit(self.total)
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.failed.emit(str(error))

    def reload(self) -> None:
        if self.filter is not None:
            self.load(self.filter)

    def tick(self) -> None:
        """Advance the countdowns without a query."""
        self.now = self.reads.now()
        if self.rows:
            column = COLUMNS.index("倒计时")
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and len(self.rows) < self.total and not self.loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if self.filter is None or not self.canFetchMore(parent):
            return
        flt, offset, reads = self.filter, len(self.rows), self.reads

        def arrived(more: tuple[QueueRow, ...]) -> None:
            if flt != self.filter or offset != len(self.rows) or not more:
                return
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

        self.jobs.submit("more", lambda: reads.page(flt, offset, PAGE), arrived, self._failed)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None or self.filter is None:
            return
        self.load(replace(self.filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    # --- table -----------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in ("倒计时", "状态"):
            if column == "倒计时" or row.overdue_since is not None:
                return QBrush(QColor(URGENCY_COLOURS[urgency(row, self.now)]))
        if role == Qt.ItemDataRole.ToolTipRole and column == "内容":
            return literal_html(row.text)  # what the resident said, as said
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("编号", "层级"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: QueueRow, column: str) -> str:
        d = self.directory
        if column == "编号":
            return str(row.id)
        if column == "状态":
            text = tr(State(row.state).zh)
            if row.pending_request:
                text += tr("·待审批")
            return text
        if column == "分类":
            category = d.categories.categories.get(row.category_code)
            return tr(category.name) if category else row.category_code
        if column == "内容":
            return row.text if len(row.text) <= 40 else row.text[:39] + "…"
        if column == "承办":
            who = d.leaders.name(row.assignee_id) if row.assignee_id else "—"
            return f"{d.grids.name(row.assigned_grid_id)} {who}" if row.assigned_grid_id else who
        if column == "层级":
            level = tr(LEVEL_ZH[row.level]) if row.level is not None else "—"
            return level + (f" ↑{row.escalation_count}" if row.escalation_count else "")
        if column == "倒计时":
            if row.state not in (State.DISPATCHED, State.IN_PROGRESS):
                return tr("计时暂停") if row.state in (State.WAITING, State.PARKED) else "—"
            return countdown(row.deadline_at, self.now)
        if column == "受理时间":
            return self.reads.clock.text(row.created_at, SHORT)
        return ""
