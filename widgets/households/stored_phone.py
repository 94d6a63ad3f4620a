"""A phone field over a number the roster already holds. The number is only ever shown masked (as the
placeholder), so an empty field cannot mean "no phone": left empty it keeps the stored number, and
清除 is the explicit way to remove it (the edit's audit entry records the masked number before)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("RosterEdit", text)


class StoredPhone(QWidget):
    """`edit` with a checkable 清除 beside it; `form_value()` is what the roster's form takes."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self._keep_hint = edit.placeholderText()
        self.clear_button = QPushButton(tr("清除"))
        self.clear_button.setObjectName("clearPhoneButton")
        self.clear_button.setCheckable(True)
        self.clear_button.setToolTip(tr("删除已登记的号码（保存后生效，记入审计）"))
        self.clear_button.toggled.connect(self._toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(edit, 1)
        row.addWidget(self.clear_button)

    @property
    def cleared(self) -> bool:
        return self.clear_button.isChecked()

    def form_value(self) -> str | None:
        """ "" removes the stored number, None keeps it, else the number typed to replace it."""
        if self.cleared:
            return ""
        return self.edit.text().strip() or None

    def _toggled(self, clearing: bool) -> None:
        self.edit.clear()
        self.edit.setEnabled(not clearing)
        self.edit.setPlaceholderText(tr("保存后将删除已登记的号码") if clearing else self._keep_hint)
