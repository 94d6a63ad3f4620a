"""The sign-in dialog shown before the main window, and again to unlock an idle seat.

The password check (Argon2id, ~0.3 s) runs on a job thread so the dialog keeps painting; a refusal
says why (wrong name or password, disabled, locked for N seconds) and keeps the name typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.access import User
from app.access.accounts import Accounts, SignInRefused
from widgets.accounts.texts import tr
from widgets.jobs import Jobs


class SignInDialog(QDialog):
    """Name and password; `user` holds who signed in once the dialog is accepted."""

    def __init__(
        self,
        accounts: Accounts,
        *,
        name: str = "",
        hint: str = "",
        fixed_name: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.accounts = accounts
        self.user: User | None = None
        self.jobs = Jobs(self)
        self.setWindowTitle(tr("网格指挥中心 · 登录"))
        self.name_edit = QLineEdit(name, objectName="signInName")
        self.name_edit.setReadOnly(fixed_name)
        self.password_edit = QLineEdit(objectName="signInPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("用户名"), self.name_edit)
        form.addRow(tr("密码"), self.password_edit)
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint, objectName="dialogMessage", wordWrap=True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        (self.password_edit if name else self.name_edit).setFocus()

    def check(self) -> None:
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        if not name or not password:
            self.error.setText(tr("请输入用户名和密码"))
            return
        self.buttons.setEnabled(False)
        self.error.setText(tr("正在验证…"))
        accounts = self.accounts
        self.jobs.submit("sign_in", lambda: accounts.sign_in(name, password), self._signed_in, self._refused)

    def _signed_in(self, user: User) -> None:
        self.user = user
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, SignInRefused):
            self.error.setText(str(error))
        else:
            self.error.setText(f"{type(error).__name__}: {error}")

    def done(self, result: int) -> None:
        self.jobs.cancel("sign_in")
        super().done(result)
