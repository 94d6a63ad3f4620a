"""Password dialogs: the first administrator of a new site, one's own change, an admin's reset.

Hashing runs on a job thread; the core checks the password (length, not the name) and says why not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from app.access import Role, User
from app.access.accounts import AccountError, Accounts
from widgets.accounts.texts import tr
from widgets.jobs import Jobs


def password_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _PasswordDialog(QDialog):
    """A form ending in a new password typed twice; `work()` runs off the GUI thread when both match."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.jobs = Jobs(self)
        self.form = QFormLayout(self)
        self.new = password_field("newPassword")
        self.again = password_field("newPasswordAgain")
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(400)

    def finish_form(self) -> None:
        self.form.addRow(tr("新密码"), self.new)
        self.form.addRow(tr("确认新密码"), self.again)
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def work(self) -> Callable[[], object]:
        raise NotImplementedError

    def save(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(tr("两次输入的新密码不一致"))
            return
        self.buttons.setEnabled(False)
        self.error.setText(tr("正在保存…"))
        self.jobs.submit("password", self.work(), lambda _result: self.accept(), self._failed)

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(
            str(error) if isinstance(error, AccountError) else f"{type(error).__name__}: {error}"
        )


class FirstAdminDialog(_PasswordDialog):
    """A site without accounts: the office names its first administrator (the local system adds it)."""

    def __init__(self, accounts: Accounts, parent: QWidget | None = None) -> None:
        super().__init__(tr("建立管理员账户"), parent)
        self.setObjectName("firstAdminDialog")
        self.accounts = accounts
        note = QLabel(
            tr("本站点还没有用户。请建立第一个管理员账户，之后用它登录并在 设置 → 用户 中添加值班人员。")
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.name = QLineEdit(objectName="adminName")
        self.form.addRow(tr("用户名"), self.name)
        self.finish_form()

    def work(self) -> Callable[[], object]:
        accounts, name, password = self.accounts, self.name.text(), self.new.text()
        return lambda: accounts.add(name, Role.ADMIN.value, password)


class ChangePasswordDialog(_PasswordDialog):
    """One's own password: the current one first."""

    def __init__(self, accounts: Accounts, user: User, parent: QWidget | None = None) -> None:
        super().__init__(tr("修改密码"), parent)
        self.accounts, self.user = accounts, user
        self.current = password_field("currentPassword")
        self.form.addRow(tr("当前密码"), self.current)
        self.finish_form()

    def work(self) -> Callable[[], object]:
        accounts, user, old, new = self.accounts, self.user, self.current.text(), self.new.text()
        return lambda: accounts.change_password(user, old, new)


class ResetPasswordDialog(_PasswordDialog):
    """An administrator sets a user's new password (and lifts their lockout)."""

    def __init__(self, accounts: Accounts, name: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("重置密码：{name}").replace("{name}", name), parent)
        self.accounts, self.name = accounts, name
        self.finish_form()

    def work(self) -> Callable[[], object]:
        accounts, name, password = self.accounts, self.name, self.new.text()
        return lambda: accounts.reset_password(name, password)
