"""The ticket dock's widgets and their layout: the queue tabs and filters, the table, the bulk actions, the
detail pane beside the list, and the statistics tab."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.tickets.states import Action, Source
from runtime.read.tickets import QueueKind
from widgets.clips.replay import play_ticket
from widgets.eliding_combo import ElidingComboBox
from widgets.plain_text import plain
from widgets.said_again import SaidAgain
from widgets.table_fit import Column, FitColumns, dense_rows
from widgets.tickets.detail import TicketDetail
from widgets.tickets.stats import TicketStatsView

# 编号 状态 倒计时 分类 内容 承办 层级 受理时间: the content takes the room left; 层级 goes first when narrow.
TABLE_COLUMNS = (
    Column(48),
    Column(64, sample="等待居民"),
    Column(96, sample="剩 13小时47分"),
    Column(80, 1, drop=1),
    Column(100, 3),
    Column(72, 1, drop=2),
    Column(56, drop=3),
    Column(84, drop=2, sample="12-07 22:32"),
)
QUEUE_ORDER = (QueueKind.MINE, QueueKind.SUBTREE, QueueKind.OVERDUE, QueueKind.VERIFY, QueueKind.FEEDBACK)
BULK_ACTIONS = (Action.START, Action.VERIFY, Action.CLOSE)
SEARCH_CHARACTERS = 12


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketPanelLayout:
    """Builds the `TicketPanel`'s widgets (as its attributes) and lays them out."""

    def _build_filter_widgets(self) -> None:
        self.words = SaidAgain(self, tr)
        self.queue_tabs = QTabBar()
        for index, kind in enumerate(QUEUE_ORDER):
            self.queue_tabs.addTab("")
            self.words.text(lambda text, i=index: self.queue_tabs.setTabText(i, text), kind.zh)
        self.queue_tabs.currentChanged.connect(lambda _i: self.reload())

        self.me = ElidingComboBox()
        self.words.text(self.me.setToolTip, "当前操作人：“我的待办”按此人筛选，审批以此人身份进行")
        for person_id, name in sorted(self.directory.leaders.names.items(), key=lambda kv: kv[0]):
            self.me.addItem(name, person_id)
        self.scope = ElidingComboBox()
        self.scope.addItem("", None)
        self.words.text(lambda text: self.scope.setItemText(0, text), "全部网格")
        for info in self.directory.grids_down_to(3):
            self.scope.addItem("　" * (info.level - 1) + info.name, info.id)
        self.category = ElidingComboBox()
        groups = dict.fromkeys((c.group_code, c.group_name) for c in self.directory.categories)
        for index, (code, name) in enumerate([(None, "全部类别"), *groups]):
            self.category.addItem("", code)
            self.words.text(lambda text, i=index: self.category.setItemText(i, text), name)
        self.source = ElidingComboBox()
        for index, (value, name) in enumerate([(None, "全部来源"), *((s.value, s.zh) for s in Source)]):
            self.source.addItem("", value)
            self.words.text(lambda text, i=index: self.source.setItemText(i, text), name)
        self.search = QLineEdit()
        self.words.text(self.search.setPlaceholderText, "搜索内容或地址 (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        # The search takes what the filters leave, down to a word or two; only then do they give way.
        self.search.setSizePolicy(QSizePolicy.Policy.Ignored, self.search.sizePolicy().verticalPolicy())
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("x" * SEARCH_CHARACTERS))
        self._search_timer = QTimer(self, singleShot=True, interval=300, timeout=self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.me, self.scope, self.category, self.source):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        plain(self.count_label)
        self.count_label.setObjectName("resultCount")
        self.model.count_changed.connect(self.words.counted(self.count_label.setText, "共 {0} 件"))

    def _build_filter_bar(self) -> QHBoxLayout:
        """The new-ticket button, the filters and the count; the notice line it creates goes with the bulk actions."""
        context = self.context
        self.new_button = self.words.button("＋ 新建工单")
        self.new_button.setObjectName("newTicket")
        self.words.text(
            self.new_button.setToolTip, "居民来电、来访或巡查发现的问题，登记为工单并自动派遣", " (Ctrl+N)"
        )
        self.new_button.clicked.connect(lambda: self.new_ticket())
        self.new_button.setEnabled(context.may(Permission.OPEN_TICKETS))
        self.notice = QLabel()
        plain(self.notice)
        self.notice.setObjectName("ticketNotice")
        self.notice.setWordWrap(False)
        # a status line: it may be cut short but must never widen the dock
        self.notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        filters = QHBoxLayout()
        filters.setContentsMargins(8, 4, 8, 4)
        filters.addWidget(self.new_button)
        for label, widget in (
            ("我是", self.me),
            ("范围", self.scope),
            (None, self.category),
            (None, self.source),
        ):
            if label:
                filters.addWidget(self.words.label(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        return filters

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        dense_rows(self.table)  # a laptop's short dock still shows eight rows and more
        self.columns = FitColumns(self.table, TABLE_COLUMNS)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_bulk_bar(self) -> QHBoxLayout:
        context = self.context
        bulk = QHBoxLayout()
        bulk.setContentsMargins(8, 0, 8, 4)
        bulk.addWidget(self.words.label("批量操作："))
        for action in BULK_ACTIONS:
            button = self.words.button("批量", action.zh)
            button.clicked.connect(lambda _=False, a=action: self.act_on_selection(a))
            button.setEnabled(context.may(Permission.ACT_ON_TICKETS))
            bulk.addWidget(button)
        bulk.addWidget(self.notice, 1)
        return bulk

    def _lay_out(self, filters: QHBoxLayout, bulk: QHBoxLayout) -> None:
        context = self.context
        self.detail = TicketDetail(may_act=context.may(Permission.ACT_ON_TICKETS))
        self.detail.action_requested.connect(lambda a: self.act_on_selection(Action(a)))
        self.detail.reveal_requested.connect(self.reveal_reporter)
        self.detail.clip_requested.connect(lambda ticket, clip: play_ticket(context.site, ticket, self, clip))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(bulk)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter

        queues = QWidget()
        queue_layout = QVBoxLayout(queues)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(self.queue_tabs)
        queue_layout.addLayout(filters)
        queue_layout.addWidget(splitter, 1)
        self.stats = TicketStatsView(self.reads, self.jobs)
        self.tabs = QTabWidget()
        self.words.tab(self.tabs, queues, "工单队列")
        self.words.tab(self.tabs, self.stats, "统计分析")
        self.tabs.currentChanged.connect(lambda i: self.stats.refresh() if i == 1 else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
