"""The pairing board's two lists: households that can be dragged (unpaired first, those needing care
highlighted) and party members that take a household dropped on them. Items carry ids only; every text
shown is plain (QListWidgetItem text is never rich text)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from runtime.read.pairing import PairingBoard

HOUSEHOLD_MIME = "application/x-gcc-household-ids"
CARE_COLOUR = QColor("#5a3a12")  # a warm band behind a household needing care, readable in the dark theme
CARE_ZH = {"elderly_alone": "独居老人", "disabled": "残疾人", "low_income": "低保户"}


def tr(text: str) -> str:
    return QCoreApplication.translate("PairingBoard", text)


class HouseholdList(QListWidget):
    """The grid's households; selected ones are dragged as their ids."""

    def __init__(self) -> None:
        super().__init__(objectName="pairingHouseholds")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setUniformItemSizes(True)

    def fill(self, board: PairingBoard, members: dict[int, str]) -> None:
        self.clear()
        for home in board.households:
            care = "、".join(tr(CARE_ZH[c]) for c in home.care)
            owner = members.get(home.member_id, "") if home.member_id is not None else ""
            state = tr("联户：%1").replace("%1", owner) if owner else tr("未联户")
            text = f"{home.address}　{state}" + (f"　【{care}】" if care else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, home.household_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, home.member_id)
            if care:
                item.setBackground(QBrush(CARE_COLOUR))
            self.addItem(item)

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        ids = ",".join(str(item.data(Qt.ItemDataRole.UserRole)) for item in items)
        data.setData(HOUSEHOLD_MIME, QByteArray(ids.encode()))
        return data

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [HOUSEHOLD_MIME]

    def selected_ids(self) -> list[tuple[int, int | None]]:
        """(household id, its member id or None) of the selected households, in list order."""
        return [
            (item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1))
            for item in sorted(self.selectedItems(), key=self.row)
        ]


class MemberList(QListWidget):
    """The party members with how many households each looks after; households dropped on one are
    offered to them (`dropped`)."""

    dropped = Signal(int, list)  # person id, household ids

    def __init__(self) -> None:
        super().__init__(objectName="pairingMembers")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def fill(self, board: PairingBoard, high: int, low: int) -> None:
        current = self.current_id()
        self.clear()
        for member in board.members:
            text = tr("%1　%2 户").replace("%1", member.name).replace("%2", str(member.households))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, member.person_id)
            if member.households > high:
                item.setForeground(QBrush(QColor("#ef5350")))
                item.setToolTip(tr("联户超过 %1 户").replace("%1", str(high)))
            elif member.households < low:
                item.setForeground(QBrush(QColor("#35c27a")))
                item.setToolTip(tr("尚可多联"))
            self.addItem(item)
            if member.person_id == current:
                self.setCurrentItem(item)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        event.setAccepted(event.mimeData().hasFormat(HOUSEHOLD_MIME))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        item = self.itemAt(event.position().toPoint())
        event.setAccepted(item is not None and event.mimeData().hasFormat(HOUSEHOLD_MIME))
        if item is not None:
            self.setCurrentItem(item)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        item = self.itemAt(event.position().toPoint())
        if item is None or not event.mimeData().hasFormat(HOUSEHOLD_MIME):
            event.ignore()
            return
        raw = bytes(event.mimeData().data(HOUSEHOLD_MIME)).decode()
        ids = [int(part) for part in raw.split(",") if part.strip().isdigit()]
        event.acceptProposedAction()
        if ids:
            self.dropped.emit(item.data(Qt.ItemDataRole.UserRole), ids)
