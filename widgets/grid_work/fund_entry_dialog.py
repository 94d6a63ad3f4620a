"""登记收支: the form of one fund entry (income or spending, category, amount in yuan, date, who, receipt,
note). The amount is read exactly into fen (`parse_yuan`); a bad field is said under the form and
nothing typed is lost. The entry itself is recorded by the fund screen after its confirmation."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.grid_work.errors import WorkError
from app.grid_work.fund import INCOME_CATEGORIES, SPENDING_CATEGORIES, FundDraft, FundKind, parse_yuan
from widgets.plain_text import plain


def tr(text: str) -> str:
    return QCoreApplication.translate("FundScreen", text)


class FundEntryDialog(QDialog):
    drafted = Signal(object)  # a FundDraft (at: the site's wall clock, naive; the screen converts it)

    def __init__(self, grid_code: str, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundEntryDialog")
        self.setWindowTitle(tr("登记收支"))
        self.grid_code = grid_code
        self.kind = QComboBox(objectName="fundKind")
        self.kind.addItem(tr("收入"), FundKind.INCOME)
        self.kind.addItem(tr("支出"), FundKind.SPENDING)
        self.category = QComboBox(objectName="fundCategory", editable=True)
        self.amount = QLineEdit(objectName="fundAmount", placeholderText=tr("元，最多两位小数"))
        self.at = QDateTimeEdit(QDateTime(now), objectName="fundAt", calendarPopup=True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.party = QLineEdit(objectName="fundParty")
        self.receipt = QLineEdit(objectName="fundReceipt")
        self.note = QLineEdit(objectName="fundNote")
        self.error = plain(QLabel(objectName="fundError", wordWrap=True))
        self.error.setStyleSheet("color:#ef5350")
        form = QFormLayout(self)
        for label, widget in (
            (tr("类型"), self.kind), (tr("类别"), self.category), (tr("金额（元）"), self.amount),
            (tr("日期"), self.at), (tr("付款人/收款人"), self.party), (tr("收据号"), self.receipt),
            (tr("备注"), self.note),
        ):  # fmt: skip
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("下一步"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._categories)
        self._categories()

    def _categories(self) -> None:
        self.category.clear()
        income = self.kind.currentData() == FundKind.INCOME
        self.category.addItems(list(INCOME_CATEGORIES if income else SPENDING_CATEGORIES))

    def draft(self) -> FundDraft:
        """The form as a draft, or WorkError saying what to fix."""
        fen = parse_yuan(self.amount.text())
        category = self.category.currentText().strip()
        if not category:
            raise WorkError(tr("请填写类别"))
        at = self.at.dateTime().toPython()
        return FundDraft(
            self.grid_code, FundKind(self.kind.currentData()), category, fen, at,
            self.party.text(), self.receipt.text(), self.note.text(),
        )  # fmt: skip

    def accept(self) -> None:
        try:
            draft = self.draft()
        except WorkError as error:
            self.error.setText(str(error))
            return
        super().accept()
        self.drafted.emit(draft)
