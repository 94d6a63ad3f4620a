"""The 新建站点 wizard's step that makes the site's first administrator (skipped when one exists)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWizardPage

from app.access import Role
from app.access.accounts import AccountError, Accounts
from widgets.accounts.password_forms import password_field
from widgets.accounts.texts import tr
from widgets.jobs import Jobs


class AdminPage(QWizardPage):
    """Name and password (twice) of the first administrator, stored off the GUI thread on 下一步."""

    def __init__(self, accounts: Accounts) -> None:
        super().__init__()
        self.setObjectName("adminPage")
        self.accounts = accounts
        self.jobs = Jobs(self)
        self.made: str | None = None
        self.setTitle(tr("管理员账户"))
        self.setSubTitle(tr("建立本站点的第一个管理员账户。之后用它登录，并在 设置 → 用户 中添加值班人员。"))
        self.name = QLineEdit(objectName="adminName")
        self.password = password_field("adminPassword")
        self.again = password_field("adminPasswordAgain")
        self.error = QLabel(objectName="adminError", wordWrap=True)
        form = QFormLayout(self)
        form.addRow(tr("用户名"), self.name)
        form.addRow(tr("密码"), self.password)
        form.addRow(tr("确认密码"), self.again)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if self.made is not None:
            return True
        if self.password.text() != self.again.text():
            self.error.setText(tr("两次输入的密码不一致"))
            return False
        self.error.setText(tr("正在保存…"))
        accounts, name, password = self.accounts, self.name.text(), self.password.text()
        self.jobs.submit(
            "admin", lambda: accounts.add(name, Role.ADMIN.value, password), self._made, self._failed
        )
        return False  # the wizard goes on once the account is stored

    def _made(self, summary) -> None:
        self.made = summary.name
        self.error.clear()
        self.wizard().next()

    def _failed(self, error: Exception) -> None:
        self.error.setText(
            str(error) if isinstance(error, AccountError) else f"{type(error).__name__}: {error}"
        )
