"""The ticket dock (工单): queues, filters, bulk actions, the detail pane with its timeline, statistics.

Keyboard (widgets/shortcuts.py): Ctrl+N 新建工单, Alt+1..5 switch queues, Ctrl+F search, F5 refresh; in the list S 签收,
H 处置完成, V 核查通过, C 结案, F 回访评价, N 备注 act on the selected ticket(s).

Every query and action runs on the dock's worker (`Jobs`); the Qt thread only paints and asks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QWidget

from app.access import Permission
from app.events import Change, Topic
from app.tickets import TicketDesk, TicketError
from runtime.read.tickets import QueueFilter
from widgets.jobs import Jobs
from widgets.seat_settings import SeatSettings
from widgets.shell_context import ShellContext
from widgets.shortcuts import key_for
from widgets.tickets.detail import BUTTONS
from widgets.tickets.intake_dialog import TicketIntakeDialog
from widgets.tickets.model import ROW_ROLE, TicketQueueModel
from widgets.tickets.panel_acts import TicketActs
from widgets.tickets.panel_intake import TicketIntake
from widgets.tickets.panel_layout import QUEUE_ORDER, TicketPanelLayout

TICK_MS = 30_000


def tr(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


class TicketPanel(TicketActs, TicketIntake, TicketPanelLayout, QWidget):
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

        self._build_filter_widgets()
        filters = self._build_filter_bar()
        self._build_table()
        bulk = self._build_bulk_bar()
        self._lay_out(filters, bulk)

        self._shortcuts()
        self._ticker = QTimer(self, interval=TICK_MS, timeout=self.model.tick)
        self._ticker.start()
        context.bridge.on(Topic.TICKET, self._changed, self)
        context.bridge.on(Topic.CLIP, self._clip_finished, self)
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
        """我是 starts as the signed-in user's own person; a role that may record for others (a leader's
        approval given by phone) may pick another. An account linked to nobody starts with the person
        chosen last at this seat, or at first with someone who has work waiting."""
        user = self.context.seat.user
        own = user.person_id if user is not None else None
        if own is not None:
            if self.me.findData(own) < 0:  # not a leader: still who this user acts as
                self.me.insertItem(0, user.person_name or user.name, own)
            remembered = own
        else:
            remembered = self._settings().value("tickets/me")
            if remembered is None:  # first start at this seat: begin with someone who has work waiting
                remembered = self.reads.busiest_assignee()
        if remembered is not None:
            index = self.me.findData(int(remembered))
            if index >= 0:
                self.me.setCurrentIndex(index)
        if own is not None and not self.context.may(Permission.RECORD_FOR_OTHERS):
            self.me.setEnabled(False)
            self.words.text(self.me.setToolTip, "当前操作人：本账号所属人员（本角色不能代他人办理）")
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

    def _clip_finished(self, _change: Change) -> None:
        """A clip became ready: the shown ticket's timeline reads its clips again (a clip names its
        alarm, whose ticket this may be, so the ticket is asked rather than guessed)."""
        if self.detail.ticket:
            self._show(self.detail.ticket["id"])

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
