"""The ticket dock (工单): queues, filters, bulk actions, the detail pane with its timeline, statistics.

Keyboard (widgets/shortcuts.py): Ctrl+N 新建工单, Alt+1..5 switch queues, Ctrl+F search, F5 refresh; in the list S 签收,
H 处置完成, V 核查通过, C 结案, F 回访评价, N 备注 act on the selected ticket(s).

Every query and action runs on the dock's worker (`Jobs`); the Qt thread only paints and asks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.events import Change, Topic
from app.tickets import TicketConflict, TicketDesk, TicketError
from app.tickets.states import Action, Satisfaction, Source
from runtime.read.tickets import QueueFilter, QueueKind
from widgets.confirm import ConfirmActDialog
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.seat_settings import SeatSettings
from widgets.shell_context import ShellContext
from widgets.shortcuts import key_for
from widgets.table_fit import Column, FitColumns, dense_rows
from widgets.tickets.confirm_acts import CONFIRMED_ACTIONS, confirm_ticket_act, confirmed_params
from widgets.tickets.detail import BUTTONS, TicketDetail
from widgets.tickets.intake_dialog import Opened, TicketIntakeDialog
from widgets.tickets.model import ROW_ROLE, TicketQueueModel
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
TICK_MS = 30_000
BULK_ACTIONS = (Action.START, Action.VERIFY, Action.CLOSE)


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketPanel(QWidget):
    def __init__(self, context: ShellContext, desk: TicketDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.context = context
        self.desk = desk
        self.reads = context.reads.tickets
        self.directory = self.reads.directory()  # once per site, when the dock is first opened: ~1,000 grids
        self.jobs = Jobs(self)
        self.model = TicketQueueModel(self.reads, self.directory, self.jobs, self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda message: self.notice.setText(tr("读取失败：") + message))
        self._select_after_load: int | None = None
        self.intake_dialog: TicketIntakeDialog | None = None

        self.queue_tabs = QTabBar()
        for kind in QUEUE_ORDER:
            self.queue_tabs.addTab(tr(kind.zh))
        self.queue_tabs.currentChanged.connect(lambda _i: self.reload())

        self.me = QComboBox()
        self.me.setToolTip(tr("当前操作人：“我的待办”按此人筛选，审批以此人身份进行"))
        for person_id, name in sorted(self.directory.leaders.names.items(), key=lambda kv: kv[0]):
            self.me.addItem(name, person_id)
        self.scope = QComboBox()
        self.scope.addItem(tr("全部网格"), None)
        for info in self.directory.grids_down_to(3):
            self.scope.addItem("　" * (info.level - 1) + info.name, info.id)
        self.category = QComboBox()
        self.category.addItem(tr("全部类别"), None)
        for code, name in dict.fromkeys((c.group_code, c.group_name) for c in self.directory.categories):
            self.category.addItem(tr(name), code)
        self.source = QComboBox()
        self.source.addItem(tr("全部来源"), None)
        for source in Source:
            self.source.addItem(tr(source.zh), source.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索内容或地址 (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=300, timeout=self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.me, self.scope, self.category, self.source):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = QLabel()
        plain(self.count_label)
        self.count_label.setObjectName("resultCount")
        self.model.count_changed.connect(lambda n: self.count_label.setText(tr("共 {0} 件").format(n)))

        self.new_button = QPushButton(tr("＋ 新建工单"))
        self.new_button.setObjectName("newTicket")
        self.new_button.setToolTip(tr("居民来电、来访或巡查发现的问题，登记为工单并自动派遣") + " (Ctrl+N)")
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
            (tr("我是"), self.me),
            (tr("范围"), self.scope),
            (None, self.category),
            (None, self.source),
        ):
            if label:
                filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

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

        bulk = QHBoxLayout()
        bulk.setContentsMargins(8, 0, 8, 4)
        bulk.addWidget(QLabel(tr("批量操作：")))
        for action in BULK_ACTIONS:
            button = QPushButton(tr("批量") + tr(action.zh))
            button.clicked.connect(lambda _=False, a=action: self.act_on_selection(a))
            button.setEnabled(context.may(Permission.ACT_ON_TICKETS))
            bulk.addWidget(button)
        bulk.addWidget(self.notice, 1)

        self.detail = TicketDetail(may_act=context.may(Permission.ACT_ON_TICKETS))
        self.detail.action_requested.connect(lambda a: self.act_on_selection(Action(a)))
        self.detail.reveal_requested.connect(self.reveal_reporter)
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
        self.tabs.addTab(queues, tr("工单队列"))
        self.tabs.addTab(self.stats, tr("统计分析"))
        self.tabs.currentChanged.connect(lambda i: self.stats.refresh() if i == 1 else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._shortcuts()
        self._ticker = QTimer(self, interval=TICK_MS, timeout=self.model.tick)
        self._ticker.start()
        context.bridge.on(Topic.TICKET, self._changed, self)
        self._restore()
        self.reload()

    def showEvent(self, event) -> None:  # Qt override: give the list three fifths on first show
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            QTimer.singleShot(0, self._split)

    def _split(self) -> None:
        width = max(self.splitter.width(), 800)
        self.splitter.setSizes([width * 3 // 5, width * 2 // 5])

    # --- settings and shortcuts --------------------------------------------------------------------

    def _settings(self) -> SeatSettings:
        return self.context.seat_state

    def _restore(self) -> None:
        remembered = self._settings().value("tickets/me")
        if remembered is None:  # first start at this seat: begin with someone who has work waiting
            remembered = self.reads.busiest_assignee()
        if remembered is not None:
            index = self.me.findData(int(remembered))
            if index >= 0:
                self.me.setCurrentIndex(index)
        self.me.currentIndexChanged.connect(
            lambda _i: self._settings().setValue("tickets/me", self.me.currentData())
        )

    def _shortcuts(self) -> None:
        """Keys from the window's one table (widgets/shortcuts.py): the queues and search work while the
        keyboard is in this panel, the actions while it is in the queue's table."""
        in_panel = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for number, _kind in enumerate(QUEUE_ORDER, start=1):
            self._bind(
                f"tickets.queue{number}", lambda n=number: self.queue_tabs.setCurrentIndex(n - 1), in_panel
            )
        self._bind(
            "tickets.new",
            lambda: self.new_button.isEnabled() and self.new_ticket(),
            Qt.ShortcutContext.WindowShortcut,
        )
        self._bind("tickets.search", lambda: self.search.setFocus(), in_panel)
        self._bind("tickets.reload", self.reload, in_panel)
        for action, key in BUTTONS:
            if key:
                shortcut = QShortcut(QKeySequence(key), self.table, lambda a=action: self.act_on_selection(a))
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _bind(self, action_id: str, slot, context: Qt.ShortcutContext) -> None:
        shortcut = QShortcut(key_for(action_id), self, slot)
        shortcut.setContext(context)

    # --- loading -----------------------------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        kind = QUEUE_ORDER[max(0, self.queue_tabs.currentIndex())]
        scope = self.scope.currentData()
        return QueueFilter(
            kind,
            grid_id=scope,
            grid_level=self.directory.grids.grids[scope].level if scope is not None else None,
            person_id=self.me.currentData(),
            category_prefix=self.category.currentData(),
            source=self.source.currentData(),
            text=self.search.text().strip() or None,
        )

    def reload(self) -> None:
        """Ask for the queue again; the selection is put back when the rows arrive."""
        if self._select_after_load is None and self.detail.ticket:
            self._select_after_load = self.detail.ticket["id"]
        self.model.load(self.current_filter())

    def _loaded(self) -> None:
        ticket_id, self._select_after_load = self._select_after_load, None
        for row, data in enumerate(self.model.rows):
            if data.id == ticket_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        if ticket_id is not None:
            self._show(ticket_id)

    def _changed(self, change: Change) -> None:
        self.reload()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show(self.model.data(rows[-1], ROW_ROLE).id)

    def _show(self, ticket_id: int) -> None:
        reads = self.reads

        def failed(error: Exception) -> None:
            self.detail.show_ticket(None)
            if not isinstance(error, TicketError):
                self.notice.setText(tr("读取失败：") + str(error))

        self.jobs.submit("detail", lambda: reads.ticket(ticket_id), self.detail.show_ticket, failed)

    def reveal_reporter(self, ticket_id: int) -> None:
        """The reporter's phone whole, for ringing them back, after asking why (audited)."""
        reason, ok = QInputDialog.getText(
            self, tr("显示反映人电话"), tr("查看完整电话的理由（记入审计日志）：")
        )
        if ok:
            reads, failed = self.reads, lambda error: self.notice.setText(str(error)[:200])
            self.jobs.submit(
                "detail", lambda: reads.reveal(ticket_id, reason), self.detail.show_ticket, failed
            )

    # --- intake ------------------------------------------------------------------------------------

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

    # --- acting ------------------------------------------------------------------------------------

    def selected_rows(self) -> list:
        return [self.model.data(index, ROW_ROLE) for index in self.table.selectionModel().selectedRows()]

    def act_on_selection(self, action: Action) -> ConfirmActDialog | None:
        """Ask for the action's arguments here, apply it to each selected ticket on the worker; 退回,
        升级 and 结案 first say what will happen and wait for the confirmation (returned, open)."""
        rows = self.selected_rows()
        if not rows:
            return None
        if action in CONFIRMED_ACTIONS:
            dialog = confirm_ticket_act(action, rows, self)
            dialog.confirmed.connect(
                lambda reason: self._apply(action, rows, confirmed_params(action, reason))
            )
            return dialog
        params = self.ask(action)
        if params is not None:
            self._apply(action, rows, params)
        return None

    def _apply(self, action: Action, rows: list, params: dict) -> None:
        desk, me = self.desk, self.me.currentData()
        targets = [(row.id, row.version) for row in rows]

        def work() -> tuple[list[str], dict | None]:
            failures: list[str] = []
            fresh = None
            for ticket_id, version in targets:
                try:
                    desk.act(ticket_id, action, expected_version=version, actor_id=me, **params)
                except TicketConflict as conflict:
                    failures.append(str(conflict))
                    fresh = conflict.fresh if len(targets) == 1 else None
                except TicketError as error:
                    failures.append(f"#{ticket_id}：{error}")
            return failures, fresh

        self.notice.setText(tr("正在办理…"))
        self.jobs.submit("act", work, self._acted, lambda e: self._acted(([str(e)], None)))

    def _acted(self, answer: tuple[list[str], dict | None]) -> None:
        failures, fresh = answer
        self.notice.clear()
        if fresh is not None:
            self.detail.show_ticket(fresh)
        if failures:
            QMessageBox.warning(self, tr("操作未完成"), literal_html("\n".join(failures[:10])))
        self.reload()

    def ask(self, action: Action) -> dict | None:
        """The arguments an action needs, asked in a small dialog; None when the operator cancels."""
        text_prompts = {
            Action.HANDLE: ("result", tr("处置结果：")),
            Action.REJECT: ("reason", tr("核查不通过的原因：")),
            Action.NOTE: ("text", tr("备注：")),
            Action.WAIT: ("reason", tr("等待居民的原因：")),
            Action.DISMISS: ("reason", tr("不予立案理由：")),
        }
        if action in text_prompts:
            key, prompt = text_prompts[action]
            value, ok = QInputDialog.getText(self, tr(action.zh), prompt)
            return {key: value} if ok else None
        if action == Action.FEEDBACK:
            options = [s.value for s in Satisfaction]
            value, ok = QInputDialog.getItem(
                self, tr("回访评价"), tr("居民评价："), [tr(o) for o in options], 0, False
            )
            return {"satisfaction": options[[tr(o) for o in options].index(value)]} if ok else None
        if action == Action.REQUEST_EXTENSION:
            duration, ok = QInputDialog.getText(
                self, tr("申请延期"), tr("延期时长（如 2d、8h）："), text="1d"
            )
            if not ok:
                return None
            reason, ok = QInputDialog.getText(self, tr("申请延期"), tr("延期理由："))
            return {"duration": duration, "reason": reason} if ok else None
        return {}


def create_panel(context: ShellContext) -> QWidget:
    """The factory the shell's PANELS list calls."""
    reads = context.reads.tickets
    desk = TicketDesk(
        context.db,
        seat=context.seat,
        hub=context.hub,
        categories=reads.categories,
        locate=reads.grid_locator(),
    )
    return TicketPanel(context, desk)
