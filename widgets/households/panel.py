"""The roster panel (居民花名册): search bar, results list and the selected resident's household card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.events import Change, Topic
from runtime.read.household import SearchQuery
from runtime.read.resident_search import ResidentRow
from runtime.types import Tag
from widgets.households.actions import RosterActions
from widgets.households.card import HouseholdCard
from widgets.households.model import ADDRESS_COLUMN, ROW_ROLE, TAGS_COLUMN, TAGS_ROLE, ResidentSearchModel
from widgets.households.tags import TagChipsDelegate, tag_text
from widgets.households.visit_actions import VisitActions
from widgets.jobs import Jobs
from widgets.plain_text import plain
from widgets.shell_context import ShellContext
from widgets.theme import icon

SEARCH_DELAY_MS = 250
# Below this width the card goes under the list instead of beside it.
SIDE_BY_SIDE_WIDTH = 980
NARROW_BAR_WIDTH = 560  # below it the search box takes a row of its own
REFRESH_TOPICS = (Topic.RESIDENT, Topic.HOUSEHOLD)
CARD_TOPICS = (Topic.VISIT,)  # the open card shows the household's recent visits
CARD_JOB = "card"  # reading and revealing a card: the newest supersedes one still coming


def tr(text: str) -> str:
    return QCoreApplication.translate("Roster", text)


class RosterPanel(QWidget):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._households = context.reads.households
        self.model = ResidentSearchModel(self._households, self)
        self.model.count_changed.connect(self._show_count)
        self.model.failed.connect(self._show_failure)

        bar = self._build_search_bar()

        self._build_table()

        self.jobs = Jobs(self)
        self.notice = QLabel()
        plain(self.notice)
        self.notice.setObjectName("resultCount")
        self.actions = RosterActions(
            context.site, self._households, self.jobs, self.selected_row, self.notice.setText, self
        )
        self._bar_layout.addWidget(self.actions.bar, 2, 0, 1, 2)
        self._bar_layout.addWidget(self.notice, 2, 2, Qt.AlignmentFlag.AlignRight)
        self.model.modelReset.connect(self.actions.selection_changed)  # a new list has nothing selected
        self.card = HouseholdCard(may_reveal=context.may(Permission.REVEAL_PERSONAL_DATA))
        self.card.reveal_requested.connect(self.reveal_household)
        self.visits = VisitActions(context, self.jobs, self.notice.setText, self)
        self.card.visit_requested.connect(self.visits.record_visit)
        self.card.visits_requested.connect(self.visits.show_visits)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search_box.textChanged.connect(self._debounce.start)
        self._fill_tag_filter()
        self.tag_filter.currentIndexChanged.connect(self.search_now)
        for topic in REFRESH_TOPICS:
            context.bridge.on(topic, self._store_changed, self)
        for topic in CARD_TOPICS:
            context.bridge.on(topic, self._card_changed, self)
        self._retranslate()
        self.search_now()

    def _build_search_bar(self) -> QWidget:
        """The search box, the tag filter and the count, arranged for the panel's width."""
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search", "#8fa3bf"), QLineEdit.ActionPosition.LeadingPosition)
        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumContentsLength(6)
        self.count_label = QLabel()
        plain(self.count_label)
        self.count_label.setObjectName("resultCount")
        bar = QWidget()
        bar.setObjectName("rosterSearchBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._bar_layout = QGridLayout(bar)
        self._bar_layout.setContentsMargins(10, 8, 10, 8)
        self._bar_layout.setHorizontalSpacing(8)
        self._bar_layout.setVerticalSpacing(6)
        self._bar_wide: bool | None = None
        self._arrange_search_bar(wide=True)
        return bar

    def _build_table(self) -> None:
        """The residents found: one row each, tags as chips, the address taking the room left."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setItemDelegateForColumn(TAGS_COLUMN, TagChipsDelegate(TAGS_ROLE, self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((76, 48, 48, 158, 112, 250, 84, 170)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(ADDRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def search_now(self) -> None:
        self._debounce.stop()
        tag = self.tag_filter.currentData()
        self.model.search(SearchQuery(text=self.search_box.text().strip(), tag=tag or None))
        self.jobs.cancel(CARD_JOB)  # a card still coming belongs to the old list
        self.card.show_household(None)

    def show_household(self, household_id: int) -> None:
        """Read the household's card off the Qt thread (a PostgreSQL seat's round trips must not stall
        the window); the newest selection's card is the one shown."""
        households = self._households
        self.jobs.submit(
            CARD_JOB, lambda: households.card(household_id), self.card.show_household, self._card_failed
        )

    def reveal_household(self, household_id: int) -> None:
        """Show full ID numbers, phones and health notes after asking why; the audit log records who
        looked, from which seat, and the reason."""
        reason, ok = QInputDialog.getText(
            self, tr("显示完整信息"), tr("查看完整个人信息的理由（记入审计日志）：")
        )
        if not ok:
            return
        households = self._households
        self.jobs.submit(
            CARD_JOB,
            lambda: households.reveal(household_id, reason),
            self.card.show_household,
            self._card_failed,
        )

    def _card_failed(self, error: Exception) -> None:
        self.count_label.setText(tr("户卡读取失败：{error}").replace("{error}", str(error)[:120]))

    def selected_row(self) -> ResidentRow | None:
        """The resident selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.actions.selection_changed()
        indexes = selected.indexes()
        if indexes:
            self.show_household(indexes[0].data(ROW_ROLE).household_id)

    def _store_changed(self, _change: Change) -> None:
        """The roster changed (an import, an edit on another seat): refresh the list, keep the open card."""
        shown = self.card.data.household_id if self.card.data is not None else None
        self.search_now()
        if shown is not None:
            self.show_household(shown)

    def _card_changed(self, _change: Change) -> None:
        """A visit was recorded (here or at another seat): read the open card again."""
        if self.card.data is not None:
            self.show_household(self.card.data.household_id)

    def _fill_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(tr("全部标签"), "")
        for tag in Tag:
            self.tag_filter.addItem(tag_text(tag.value), tag.value)
        self.tag_filter.setCurrentIndex(max(self.tag_filter.findData(current), 0))
        self.tag_filter.blockSignals(False)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(tr("共 {n} 人").replace("{n}", f"{total:,}"))

    def _show_failure(self, message: str) -> None:
        self.count_label.setText(tr("查询失败：{error}").replace("{error}", message[:120]))

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(tr("搜索 姓名 / 电话 / 地址 / 身份证后4位"))
        self.actions.retranslate()
        self._fill_tag_filter()
        self.model.retranslate()
        self._show_count(self.model.total)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _arrange_search_bar(self, wide: bool) -> None:
        """One row when there is room; in a narrow dock the search box gets a row of its own."""
        if wide == self._bar_wide:
            return
        self._bar_wide = wide
        for widget in (self.search_box, self.tag_filter, self.count_label):
            self._bar_layout.removeWidget(widget)
        if wide:
            self._bar_layout.addWidget(self.search_box, 0, 0)
            self._bar_layout.addWidget(self.tag_filter, 0, 1)
            self._bar_layout.addWidget(self.count_label, 0, 2)
            self._bar_layout.setColumnStretch(0, 1)
        else:
            self._bar_layout.addWidget(self.search_box, 0, 0, 1, 2)
            self._bar_layout.addWidget(self.tag_filter, 1, 0)
            self._bar_layout.addWidget(self.count_label, 1, 1, Qt.AlignmentFlag.AlignRight)
            self._bar_layout.setColumnStretch(0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange_search_bar(wide=event.size().width() >= NARROW_BAR_WIDTH)
        wanted = (
            Qt.Orientation.Horizontal
            if event.size().width() >= SIDE_BY_SIDE_WIDTH
            else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            # side by side the list gets 60 %; stacked, the card needs half the height to be of use
            list_share = 0.6 if wanted == Qt.Orientation.Horizontal else 0.5
            total = event.size().width() if wanted == Qt.Orientation.Horizontal else event.size().height()
            self.splitter.setSizes([int(total * list_share), int(total * (1 - list_share))])
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(1100, 600)


def create_panel(context: ShellContext) -> QWidget:
    return RosterPanel(context)
