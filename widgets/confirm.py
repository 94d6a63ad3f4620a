"""Asking before an act that cannot be taken back (误报, 派单, 退回, 升级, 结案).

The dialog says what will happen in the operator's words and, where the record needs one, takes the
reason: OK with an empty reason is refused in the dialog itself (the core refuses it too). It is opened
with `open()`, never `exec()`: the act runs on `confirmed`, so the alarm sound, the queue and the other
windows go on meanwhile, and a cancelled dialog changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

REASON_MAX = 500  # a reason is a sentence or two, kept whole in the record


class ConfirmActDialog(QDialog):
    """What an act will do, an optional or required reason, and the act's own button."""

    confirmed = Signal(str)  # the reason as typed, trimmed ("" when none is asked)

    def __init__(
        self,
        title: str,
        consequence: str,
        act_text: str,
        *,
        reason_label: str | None = None,
        reason_required: bool = False,
        reason: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirmActDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.reason_required = reason_required
        self.consequence = QLabel(consequence, objectName="confirmConsequence")
        self.consequence.setWordWrap(True)
        self.reason_label = QLabel(reason_label or "", objectName="confirmReasonLabel")
        self.reason_edit = QPlainTextEdit(reason, objectName="confirmReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(72)
        self.error = QLabel(objectName="confirmError")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        # its line is kept from the start: a refusal shown later moves nothing and clips nothing
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.act_button = self.buttons.addButton(act_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.act_button.setObjectName("confirmActButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.consequence)
        for widget in (self.reason_label, self.reason_edit):
            layout.addWidget(widget)
            widget.setVisible(reason_label is not None)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        # word-wrapped texts: the dialog takes the height they need at its width (no clipped lines)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        if reason_label is not None:
            self.reason_edit.setFocus()
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()  # Enter does not act

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """A top-level layout does not ask a word-wrapped label its height for the width it got: give the
        consequence the lines it needs, so no line of what will happen is cut off."""
        super().resizeEvent(event)
        needed = self.consequence.heightForWidth(self.consequence.width())
        if needed > self.consequence.minimumHeight():
            self.consequence.setMinimumHeight(needed)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def accept(self) -> None:
        reason = self.reason()
        if self.reason_required and not reason:
            self._refuse(self.tr("请填写原因，它会记入记录"))
            return
        if len(reason) > REASON_MAX:
            self._refuse(self.tr("原因过长（最多 %1 字）").replace("%1", str(REASON_MAX)))
            return
        super().accept()
        self.confirmed.emit(reason)

    def _refuse(self, message: str) -> None:
        """Say why the act cannot go on yet; the dialog stays open with what was typed."""
        self.error.setText(message)
        self.reason_edit.setFocus()
