"""The AI event list's table: the events matching a filter, a page at a time as the view scrolls, each
row's kind, camera, who (names only where the seat may see them) and detail in the operator's words."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.site_clock import SHORT_SECONDS
from runtime.read.ai import PAGE_SIZE, AiReads, EventFilter, EventRow
from video.ai.events import KINDS

URGENT_TINT = QColor(179, 38, 30, 80)
LIST_ZH = {"resident": "居民", "watchlist": "重点人员"}


class AiEventModel(QAbstractTableModel):
    """The events matching a filter; the first page on `reload`, the next as the view scrolls down."""

    def __init__(self, reads: AiReads, names_visible: bool, parent=None) -> None:
        super().__init__(parent)
        self.reads = reads
        self.names_visible = names_visible
        self.where = EventFilter()
        self.rows: list[EventRow] = []
        self.total = 0
        self._more = False

    def headers(self) -> list[str]:
        return [self.tr("时间"), self.tr("类型"), self.tr("摄像机"), self.tr("人员 / 区域"), self.tr("说明")]

    def reload(self, where: EventFilter | None = None) -> None:
        if where is not None:
            self.where = where
        page = self.reads.event_page(self.where, limit=PAGE_SIZE, names_visible=self.names_visible)
        self.beginResetModel()
        self.rows = page
        self._more = len(page) == PAGE_SIZE
        self.total = self.reads.count_events(self.where)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 (Qt)
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802 (Qt)
        if parent.isValid() or not self.rows:
            return
        last = self.rows[-1]
        page = self.reads.event_page(
            self.where,
            before=(last.at, last.event_id),
            limit=PAGE_SIZE,
            names_visible=self.names_visible,
        )
        self._more = len(page) == PAGE_SIZE
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def kind_text(self, row: EventRow) -> str:
        text = self.tr(KINDS.get(row.kind, row.kind))
        return f"{text} · {self.tr('紧急')}" if row.urgent else text

    def who_text(self, row: EventRow) -> str:
        if row.kind == "zone":
            return row.zone or ""
        if row.subject_list is not None:
            who = row.who or self.tr("姓名不可见")
            return f"{self.tr(LIST_ZH.get(row.subject_list, row.subject_list))}：{who}"
        if row.kind == "stranger":
            return self.tr("陌生人")
        return ""

    def detail_text(self, row: EventRow) -> str:
        detail = row.detail
        if row.kind == "watchlist_hit":
            return self.tr("相似度 %1").replace("%1", f"{row.score:.2f}")
        if row.kind == "stranger":
            minutes = float(detail.get("lingered_s", 0.0)) / 60
            text = self.tr("逗留 %1 分钟").replace("%1", f"{minutes:.1f}")
            return f"{text} · {self.tr('夜间')}" if detail.get("night") else text
        if row.kind == "zone":
            return self.tr("停留 %1 秒").replace("%1", f"{float(detail.get('inside_s', 0.0)):.0f}")
        return ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and row.urgent:
            return URGENT_TINT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        camera = row.camera_name or (
            self.tr("已删除的摄像机") if row.camera_id is None else f"#{row.camera_id}"
        )
        return [
            self.reads.clock.text(row.at, SHORT_SECONDS),
            self.kind_text(row),
            camera,
            self.who_text(row),
            self.detail_text(row),
        ][index.column()]
