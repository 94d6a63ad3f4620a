"""联户党员包联看板: one compound's households and its party members. Unpaired households come first,
those with an elderly resident living alone, a disabled or a low-income resident highlighted; drag
households onto a member (or select both and press 联户) to pair them, see each member's count and a
balance hint; end a pairing with a reason (the history keeps it); print the 联户党员明信片.

Reads and writes run on a job thread through the runtime (`reads.pairing`) and the core's
`PairingBook`; the board follows Topic.PAIRING changes from any seat."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.events import Topic
from app.grid_work.pairing import PairingBook
from app.grid_work.pairing_reads import TYPICAL_HIGH, TYPICAL_LOW, Balance
from runtime.read.pairing import PairingBoard
from widgets.confirm import ConfirmActDialog
from widgets.grid_work.pairing_lists import HouseholdList, MemberList
from widgets.jobs import Jobs
from widgets.plain_text import literal_html, plain
from widgets.shell_context import ShellContext

KIND_ZH = {"leader": "包保领导", "cadre": "包片干部"}


def tr(text: str) -> str:
    return QCoreApplication.translate("PairingBoard", text)


def balance_text(balance: Balance) -> str:
    """The board's hint: counts, the fair share, who carries too many, who has room, members needed."""
    parts = [
        tr("共 %1 户，已联户 %2 户，未联户 %3 户；联户党员 %4 名，平均每人 %5 户。")
        .replace("%1", str(balance.households)).replace("%2", str(balance.paired))
        .replace("%3", str(balance.unpaired)).replace("%4", str(balance.members))
        .replace("%5", str(balance.fair_share))
    ]  # fmt: skip
    if balance.over:
        parts.append(tr("联户超过 %1 户：").replace("%1", str(TYPICAL_HIGH)) + "、".join(balance.over) + "。")
    if balance.under:
        parts.append(tr("尚可多联：") + "、".join(balance.under) + "。")
    if balance.members < balance.members_needed:
        parts.append(
            tr("按每人不超过 %1 户，至少需要 %2 名联户党员。")
            .replace("%1", str(TYPICAL_HIGH)).replace("%2", str(balance.members_needed))
        )  # fmt: skip
    if balance.unpaired and balance.members:
        parts.append(tr("建议把未联户的住户拖到户数较少的党员名下。"))
    return "".join(parts)


class PairingBoardDialog(QDialog):
    def __init__(
        self, context: ShellContext, grid_code: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pairingBoard")
        self.setWindowTitle(tr("联户党员包联看板"))
        self.resize(1180, 680)
        self.context = context
        self.reads = context.reads.pairing
        self.jobs = Jobs(self)
        self.board: PairingBoard | None = None
        self.wanted = grid_code
        self.grid = QComboBox(objectName="pairingGrid")
        self.households = HouseholdList()
        self.members = MemberList()
        self.balance = plain(QLabel(objectName="pairingBalance", wordWrap=True))
        self.backers = plain(QLabel(objectName="pairingBackers", wordWrap=True))
        self.status = plain(QLabel(objectName="pairingStatus", wordWrap=True))
        self.pair_button = QPushButton(tr("联户到所选党员"), objectName="pairingPair")
        self.end_button = QPushButton(tr("解除联户…"), objectName="pairingEnd")
        self.print_button = QPushButton(tr("打印明信片…"), objectName="pairingPrint")
        self._layout()
        self.grid.currentIndexChanged.connect(self.reload)
        self.members.dropped.connect(self.offer)
        self.pair_button.clicked.connect(self._pair_selected)
        self.end_button.clicked.connect(self.ask_end)
        self.print_button.clicked.connect(self.ask_print)
        context.bridge.on(Topic.PAIRING, lambda _change: self.reload(), self)
        self.jobs.submit("grids", self.reads.compounds, self._fill_grids, self._failed)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("小区网格")))
        top.addWidget(self.grid, 1)
        top.addWidget(self.print_button)
        left, right = QWidget(), QWidget()
        left_box, right_box = QVBoxLayout(left), QVBoxLayout(right)
        left_box.addWidget(QLabel(tr("住户（未联户在前，需关爱的住户以底色标出）")))
        left_box.addWidget(self.households)
        right_box.addWidget(QLabel(tr("联户党员（把住户拖到党员名下）")))
        right_box.addWidget(self.members)
        right_box.addWidget(self.pair_button)
        right_box.addWidget(self.end_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([720, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.backers)
        layout.addWidget(split, 1)
        layout.addWidget(self.balance)
        layout.addWidget(self.status)

    # ---- reading ---------------------------------------------------------------------------------

    def _fill_grids(self, grids: list[tuple[str, str, int]]) -> None:
        self.grid.blockSignals(True)
        for code, name, households in grids:
            self.grid.addItem(
                tr("%1（%2，%3 户）").replace("%1", name).replace("%2", code).replace("%3", str(households)),
                code,
            )
        if grids:  # the largest compound first: where most of the work is
            self.grid.setCurrentIndex(max(range(len(grids)), key=lambda i: grids[i][2]))
        if self.wanted and self.grid.findData(self.wanted) >= 0:
            self.grid.setCurrentIndex(self.grid.findData(self.wanted))
        self.grid.blockSignals(False)
        self.reload()

    def code(self) -> str | None:
        return self.grid.currentData()

    def reload(self) -> None:
        code = self.code()
        if code:
            self.jobs.submit("board", lambda: self.reads.board(code), self._show, self._failed)

    def _show(self, board: PairingBoard) -> None:
        self.board = board
        names = {m.person_id: m.name for m in board.members}
        self.households.fill(board, names)
        self.members.fill(board, TYPICAL_HIGH, TYPICAL_LOW)
        self.balance.setText(balance_text(board.balance))
        backers = "；".join(f"{tr(KIND_ZH.get(b.kind, b.kind))}：{b.person}" for b in board.backers)
        self.backers.setText(backers or tr("本网格尚无包保领导"))
        may = self.context.may(Permission.EDIT_ROSTER, board.grid.id)
        for widget in (self.pair_button, self.end_button):
            widget.setEnabled(may)
        self.members.setAcceptDrops(may)

    # ---- pairing ---------------------------------------------------------------------------------

    def _pair_selected(self) -> None:
        member = self.members.current_id()
        chosen = [h for h, _m in self.households.selected_ids()]
        if member is None or not chosen:
            self.status.setText(tr("请先选择住户和联户党员"))
            return
        self.offer(member, chosen)

    def offer(self, person_id: int, household_ids: list[int]) -> None:
        """Pair the households with the member; households paired with someone else move only once the
        operator confirms (their old pairing ends and stays on record)."""
        if self.board is None:
            return
        current = {h.household_id: h.member_id for h in self.board.households}
        moving = [h for h in household_ids if current.get(h) not in (None, person_id)]
        name = next((m.name for m in self.board.members if m.person_id == person_id), str(person_id))
        if not moving:
            self._pair(person_id, household_ids)
            return
        dialog = ConfirmActDialog(
            tr("调整联户党员"),
            tr("%1 户已有联户党员，将改由 %2 联系；原联户关系解除，并保留在记录中。")
            .replace("%1", str(len(moving))).replace("%2", name),
            tr("调整"),
            parent=self,
        )  # fmt: skip
        dialog.confirmed.connect(lambda _reason: self._pair(person_id, household_ids))
        dialog.open()

    def _pair(self, person_id: int, household_ids: list[int]) -> None:
        book = PairingBook(self.context.site)

        def work() -> int:
            done = 0
            for household_id in household_ids:
                book.pair_household(person_id, household_id, move=True)
                done += 1
            return done

        self.jobs.submit("pair", work, self._paired, self._failed)

    def _paired(self, count: int) -> None:
        self.status.setText(tr("已联户 %1 户").replace("%1", str(count)))
        self.reload()

    def ask_end(self) -> None:
        if self.board is None:
            return
        pairing = {h.household_id: h.pairing_id for h in self.board.households}
        ids = [pairing[h] for h, member in self.households.selected_ids() if member is not None]
        if not ids:
            self.status.setText(tr("请选择已联户的住户"))
            return
        dialog = ConfirmActDialog(
            tr("解除联户"),
            tr("解除所选 %1 户的联户关系？记录保留，住户回到未联户。").replace("%1", str(len(ids))),
            tr("解除"),
            reason_label=tr("原因"),
            reason_required=True,
            parent=self,
        )
        dialog.confirmed.connect(lambda reason: self._end(ids, reason))
        dialog.open()

    def _end(self, pairing_ids: list[int], reason: str) -> None:
        book = PairingBook(self.context.site)
        self.jobs.submit(
            "end", lambda: [book.end(p, reason) for p in pairing_ids], lambda _r: self.reload(), self._failed
        )

    # ---- postcards -------------------------------------------------------------------------------

    def ask_print(self) -> None:
        code = self.code()
        if not code:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("打印联户党员明信片"), f"联户党员明信片-{code}.pdf", tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.jobs.submit(
                "cards",
                lambda: self.reads.postcards(code),
                lambda cards: self._print(cards, Path(path)),
                self._failed,
            )

    def _print(self, cards: list, path: Path) -> None:
        from widgets.grid_work.pairing_postcards import write_postcards

        if not cards:
            self.status.setText(tr("本网格没有已联户的住户"))
            return
        pages = write_postcards(cards, path, "a4")
        book, code = PairingBook(self.context.site), self.code()
        self.jobs.submit(
            "cards-audit", lambda: book.note_postcards(code, len(cards)), lambda _r: None, self._failed
        )
        self.status.setText(
            tr("已写入 %1：%2 张明信片，%3 页")
            .replace("%1", str(path))
            .replace("%2", str(len(cards)))
            .replace("%3", str(pages))
        )

    def _failed(self, error: Exception) -> None:
        self.reload()
        QMessageBox.warning(self, tr("联户党员包联看板"), literal_html(str(error)))
