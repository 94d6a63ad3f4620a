"""设置 → 用户 (administrators): every account with the person it belongs to, its role, grid and state;
add, edit role, grid and person, disable or enable (asked first), reset a password. Reads and writes go
through app.access.Accounts on a job thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.access import Permission
from app.access.accounts import AccountError, Accounts, AccountSummary
from app.access.idle_lock import LONGEST_MINUTES, idle_lock_minutes, save_idle_lock_minutes
from app.site_settings import SettingError
from runtime.read.cameras import CameraCatalogue, GridChoice
from runtime.read.staff import StaffChoice, staff_choices
from widgets.accounts.password_forms import ResetPasswordDialog, password_field
from widgets.accounts.texts import ROLE_ORDER, role_name, scope_tr, tr
from widgets.confirm import ConfirmActDialog
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext

COLUMNS = ("用户名", "姓名", "角色", "所属网格", "状态")


class UserFormDialog(QDialog):
    """A new user (name, person, role, grid, password twice) or an existing one's person, role and grid."""

    def __init__(
        self,
        grids: list[GridChoice],
        staff: list[StaffChoice],
        existing: AccountSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(
            tr("新建用户") if existing is None else tr("修改用户：{name}").replace("{name}", existing.name)
        )
        form = QFormLayout(self)
        self.name = QLineEdit(objectName="userName")
        self.role = QComboBox(objectName="userRole")
        for role in ROLE_ORDER:
            self.role.addItem(role_name(role), role.value)
        self.grid = QComboBox(objectName="userGrid")
        self.grid.addItem(tr("全站"), None)
        for grid in grids:
            self.grid.addItem("　" * (grid.level - 1) + grid.label, grid.id)
        self.person = _person_box(staff)
        self.password = password_field("userPassword")
        self.again = password_field("userPasswordAgain")
        if existing is None:
            form.addRow(tr("用户名"), self.name)
        form.addRow(scope_tr("对应人员"), self.person)
        form.addRow(tr("角色"), self.role)
        form.addRow(tr("所属网格"), self.grid)
        if existing is None:
            form.addRow(tr("密码"), self.password)
            form.addRow(tr("确认密码"), self.again)
        else:
            self.role.setCurrentIndex(max(0, self.role.findData(existing.role)))
            self.grid.setCurrentIndex(max(0, self.grid.findData(existing.grid_id)))
            self.person.setCurrentIndex(max(0, self.person.findData(existing.person_id)))
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if self.existing is None and self.password.text() != self.again.text():
            self.error.setText(tr("两次输入的密码不一致"))
            return
        if self.person.currentIndex() < 0 or self.person.currentText() != self.person.itemText(
            self.person.currentIndex()
        ):
            self.error.setText(scope_tr("请从列表中选择人员，或选“（无）”"))
            return
        self.accept()


def _person_box(staff: list[StaffChoice]) -> QComboBox:
    """The staff member an account belongs to: typed to filter (a site has thousands), "（无）" first."""
    box = QComboBox(objectName="userPerson")
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItem(scope_tr("（无）"), None)
    for person in staff:
        box.addItem(person.label, person.id)
    completer = box.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return box


class UsersDialog(QDialog):
    """The site's accounts for an administrator; refused (and not offered) to anyone else."""

    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(tr("用户"))
        self.context = context
        self.accounts = Accounts(context.db, context.seat)
        self.catalogue = CameraCatalogue(context.site)
        self.jobs = Jobs(self)
        self.summaries: list[AccountSummary] = []
        self.grids: list[GridChoice] = []
        self.staff: list[StaffChoice] = []
        self.table = QTableWidget(0, len(COLUMNS), objectName="usersTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._offer_for_selection)
        self.error = QLabel(objectName="dialogError", wordWrap=True)
        self.add_button = QPushButton(tr("新建用户…"), objectName="addUser")
        self.edit_button = QPushButton(scope_tr("修改…"), objectName="editUser")
        self.toggle_button = QPushButton(tr("停用"), objectName="toggleUser")
        self.reset_button = QPushButton(tr("重置密码…"), objectName="resetPassword")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.toggle_button.clicked.connect(self.toggle_user)
        self.reset_button.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.toggle_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        self.idle_minutes = QSpinBox(objectName="idleLockMinutes", minimum=1, maximum=LONGEST_MINUTES)
        self.idle_minutes.setSuffix(tr(" 分钟"))
        self.idle_minutes.editingFinished.connect(self.save_idle_minutes)
        row.addWidget(QLabel(tr("无操作锁定席位")))
        row.addWidget(self.idle_minutes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.resize(860, 460)
        self.allowed = allowed = context.may(Permission.MANAGE_USERS)
        self.add_button.setEnabled(allowed)
        self.idle_minutes.setEnabled(allowed)
        self._offer_for_selection()
        if allowed:
            self.reload()
        else:
            self.error.setText(tr("只有管理员可以管理用户"))

    def reload(self) -> None:
        accounts, catalogue, db, site = self.accounts, self.catalogue, self.context.db, self.context.site
        self.jobs.submit(
            "load",
            lambda: (accounts.summaries(), catalogue.grids(), idle_lock_minutes(db), staff_choices(site)),
            self._loaded,
            self._failed,
        )

    def save_idle_minutes(self) -> None:
        db, seat, minutes = self.context.db, self.context.seat, self.idle_minutes.value()
        self._write(lambda: save_idle_lock_minutes(db, seat, minutes))

    def _loaded(self, result: tuple[list[AccountSummary], list[GridChoice], int, list[StaffChoice]]) -> None:
        chosen = self.selected()
        self.summaries, self.grids, minutes, self.staff = result
        self.idle_minutes.blockSignals(True)
        self.idle_minutes.setValue(minutes)
        self.idle_minutes.blockSignals(False)
        self.table.setRowCount(len(self.summaries))
        for row, s in enumerate(self.summaries):
            state = (
                tr("停用")
                if s.disabled
                else (
                    tr("锁定 {n} 秒").replace("{n}", str(s.seconds_locked))
                    if s.seconds_locked
                    else tr("正常")
                )
            )
            texts = (s.name, s.person_name or "—", role_name(s.role), s.grid_name or tr("全站"), state)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.name)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()  # "网格长/网格员" and long grid names whole
        names = [s.name for s in self.summaries]
        if chosen is not None and chosen.name in names:  # the row acted on stays selected
            self.table.selectRow(names.index(chosen.name))
        self._offer_for_selection()

    def _offer_for_selection(self) -> None:
        """The acts on one account need one chosen; 停用 or 启用 says which it will do."""
        chosen = self.selected() if self.table.selectedItems() else None
        for button in (self.edit_button, self.toggle_button, self.reset_button):
            button.setEnabled(self.allowed and chosen is not None)
        self.toggle_button.setText(tr("启用") if chosen is not None and chosen.disabled else tr("停用"))

    def selected(self) -> AccountSummary | None:
        row = self.table.currentRow()
        return self.summaries[row] if 0 <= row < len(self.summaries) else None

    def add_user(self) -> None:
        form = UserFormDialog(self.grids, self.staff, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        accounts = self.accounts
        name, role, grid, password, person = (
            form.name.text(),
            form.role.currentData(),
            form.grid.currentData(),
            form.password.text(),
            form.person.currentData(),
        )
        self._write(lambda: accounts.add(name, role, password, grid_id=grid, person_id=person))

    def edit_user(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        form = UserFormDialog(self.grids, self.staff, chosen, parent=self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        accounts, role, grid = self.accounts, form.role.currentData(), form.grid.currentData()
        person = form.person.currentData()
        self._write(lambda: accounts.update(chosen.name, role=role, grid_id=grid, person_id=person))

    def toggle_user(self) -> ConfirmActDialog | None:
        """启用 at once; 停用 asks first (the person is shut out of every seat and the command line)."""
        chosen = self.selected()
        if chosen is None:
            return None
        accounts = self.accounts
        if chosen.disabled:
            self._write(lambda: accounts.update(chosen.name, disabled=False))
            return None
        dialog = ConfirmActDialog(
            tr("停用"),
            scope_tr("停用后，{name} 不能再登录任何席位，也不能使用命令行。").replace(
                "{name}", chosen.person_name or chosen.name
            ),
            tr("停用"),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(
            lambda _reason: self._write(lambda: accounts.update(chosen.name, disabled=True))
        )
        dialog.open()
        return dialog

    def reset_password(self) -> None:
        chosen = self.selected()
        if chosen is not None and ResetPasswordDialog(self.accounts, chosen.name, self).exec():
            self.reload()

    def _write(self, work) -> None:
        self.error.clear()
        self.jobs.submit("write", work, lambda _result: self.reload(), self._failed)

    def _failed(self, error: Exception) -> None:
        self.error.setText(
            str(error)
            if isinstance(error, (AccountError, PermissionError, SettingError))
            else f"{type(error).__name__}: {error}"
        )
