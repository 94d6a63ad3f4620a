"""The results list of the household browser: a table model filled page by page off the GUI thread."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal, Slot

from runtime.read.household import PAGE_SIZE, Households, ResidentRow, SearchQuery
from widgets.households.tags import tag_text
from widgets.plain_text import literal_html

# (source header text, ResidentRow attribute)
COLUMNS = [
    ("姓名", "name"),
    ("性别", "sex"),
    ("年龄", "age"),
    ("身份证号", "id_masked"),
    ("联系电话", "phone_masked"),
    ("住址", "address"),
    ("与户主关系", "relation"),
    ("标签", "tags"),
]
ADDRESS_COLUMN = 5
TAGS_COLUMN = 7
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
TAGS_ROLE = Qt.ItemDataRole.UserRole + 2


_CITY_DISTRICT = re.compile(r"^[^市]{2,8}市[^区县]{1,8}[区县]")


def short_address(address: str) -> str:
    """The address without its city and district, which every row of one site shares (full in the tooltip)."""
    return _CITY_DISTRICT.sub("", address, count=1)


class ResidentSearchModel(QAbstractTableModel):
    """Matching residents; the first page and the count load on `search()`, more as the view scrolls.

    Queries run on one worker thread; results come back through a queued signal and are dropped if
    the search has changed meanwhile (the generation number).
    """

    count_changed = Signal(int)
    page_loaded = Signal()
    failed = Signal(str)
    _results = Signal(int, object, object)  # generation, rows, total (None when only a page)

    def __init__(self, households: Households, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._households = households
        self._rows: list[ResidentRow] = []
        self._query = SearchQuery()
        self._generation = 0
        self._more = False
        self._pending = False
        self.total = 0
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roster-search")
        self._results.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        executor = self._executor  # a closure: the wrapper may be gone when `destroyed` fires
        self.destroyed.connect(lambda *_: executor.shutdown(wait=False, cancel_futures=True))

    # ---- searching ------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> None:
        """Start a new search; the list empties now and fills when the first page arrives."""
        self._generation += 1
        self._query = query
        self.beginResetModel()
        self._rows = []
        self._more = False
        self.endResetModel()
        self._request(after_id=0, with_count=True)

    @property
    def loading(self) -> bool:
        return self._pending

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt signature)
        return not parent.isValid() and self._more and not self._pending

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(after_id=self._rows[-1].resident_id, with_count=False)

    def _request(self, after_id: int, with_count: bool) -> None:
        self._pending = True
        generation, query = self._generation, self._query

        def work() -> None:
            try:
                rows = self._households.search(query, after_id=after_id, limit=PAGE_SIZE)
                total = self._households.count(query) if with_count else None
            except Exception as error:  # shown in the panel, not lost in a worker thread
                self._results.emit(generation, error, None)
                return
            self._results.emit(generation, rows, total)

        self._executor.submit(work)

    @Slot(int, object, object)
    def _apply(self, generation: int, rows: list[ResidentRow] | Exception, total: int | None) -> None:
        if generation != self._generation:
            return  # an older search's answer
        self._pending = False
        if isinstance(rows, Exception):
            self.failed.emit(str(rows))
            return
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._more = len(rows) == PAGE_SIZE
        if total is not None:
            self.total = total
            self.count_changed.emit(total)
        self.page_loaded.emit()

    def close(self) -> None:
        self._generation += 1
        self._executor.shutdown(wait=False, cancel_futures=True)

    # ---- the table ------------------------------------------------------------------------------

    def row_at(self, row: int) -> ResidentRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Roster", COLUMNS[section][0])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == TAGS_ROLE:
            return row.tags
        attribute = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, attribute)
            if attribute == "tags":
                return "、".join(tag_text(tag) for tag in value)
            if attribute == "address":
                return short_address(value)
            if attribute == "sex":
                return QCoreApplication.translate("Roster", value) if value else ""
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and attribute in ("sex", "age"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and attribute == "address":
            return literal_html(row.address)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
