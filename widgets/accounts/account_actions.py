"""文件 → 修改密码… / 锁定席位 / 注销, 设置 → 用户…, the signed-in name in the status bar, the idle
lock, and which of the window's actions this user is offered (each asks the permission table)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSizePolicy

from app.access import Permission
from app.access.accounts import Accounts
from app.access.idle_lock import idle_lock_minutes
from runtime.launcher import RESTART_EXIT_CODE
from widgets.accounts.idle_lock import IdleLock
from widgets.accounts.password_forms import ChangePasswordDialog
from widgets.accounts.texts import role_name, scope_tr, tr
from widgets.accounts.users_dialog import UsersDialog
from widgets.jobs import Jobs
from widgets.shell_context import ShellContext
from widgets.shortcuts import key_for

NAME_MAX_CHARS = 16  # a longer name is cut in the status bar (whole in its tooltip)


class AccountActions(QObject):
    """The account's menu entries and the idle lock of one main window."""

    def __init__(self, context: ShellContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.user = context.seat.user
        self.accounts = Accounts(context.db, context.seat)
        self.jobs = Jobs(self)
        self.change_password_action = QAction(window, objectName="changePasswordAction")
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(window, objectName="lockSeatAction", shortcut=key_for("account.lock"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = QAction(window, objectName="signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.users_action = QAction(window, objectName="usersAction")
        self.users_action.triggered.connect(self.open_users)
        self.users_action.setVisible(context.may(Permission.MANAGE_USERS))
        for action in (self.change_password_action, self.lock_action, self.sign_out_action):
            action.setEnabled(self.user is not None)
        self.name_label = QLabel(objectName="signedInUser")
        # Always whole: who is at the seat is what a supervisor walking past must be able to read. A
        # very long name is cut (whole in the tooltip), so it cannot push the bar past the screen.
        # Minimum: never narrower than its text in the font it is drawn with (the theme's, set later).
        self.name_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.name_label.setContentsMargins(4, 0, 8, 0)  # off the window's edge
        window.statusBar().addPermanentWidget(self.name_label)
        self.idle_lock: IdleLock | None = None
        self.retranslate()

    def add_to(self, menu: QMenu) -> None:
        for action in (self.change_password_action, self.lock_action, self.sign_out_action):
            menu.addAction(action)

    def add_users_to(self, menu: QMenu) -> None:
        menu.addAction(self.users_action)

    def start_idle_lock(self, popup=None) -> None:
        """Lock the seat after the site's idle time (read once: a change counts from the next sign-in)."""
        if self.user is not None:
            minutes = idle_lock_minutes(self.context.db)
            self.idle_lock = IdleLock(self.window, self.accounts, self.user, minutes, popup)
            self.idle_lock.screen.sign_out_button.clicked.connect(self.sign_out)

    def retranslate(self) -> None:
        self.change_password_action.setText(tr("修改密码…"))
        self.lock_action.setText(tr("锁定席位"))
        self.sign_out_action.setText(tr("注销"))
        self.users_action.setText(tr("用户…"))
        if self.user is None:
            self.name_label.setText(tr("未登录"))
        else:
            # "值班员 王芳": the role, then the person (the login when the account names nobody)
            shown = self.user.shown_name
            if len(shown) > NAME_MAX_CHARS:
                shown = shown[: NAME_MAX_CHARS - 1] + "…"
            self.name_label.setText(f"{role_name(self.user.role)} {shown}")
            self.name_label.setToolTip(
                scope_tr("{person}，登录名 {login}")
                .replace("{person}", self.user.shown_name)
                .replace("{login}", self.user.name)
            )

    def change_password(self) -> None:
        ChangePasswordDialog(self.accounts, self.user, self.window).open()

    def lock(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def sign_out(self) -> None:
        """Audited, then the window ends asking its keeper to start again: the sign-in dialog comes
        back on a fresh window, with nothing of this user's left in memory."""
        accounts, user = self.accounts, self.user
        self.jobs.submit("sign_out", lambda: accounts.sign_out(user), self._signed_out, self._signed_out)

    def _signed_out(self, _result: object) -> None:
        QCoreApplication.exit(RESTART_EXIT_CODE)

    def open_users(self) -> None:
        UsersDialog(self.context, self.window).open()


def offer_by_permission(context: ShellContext, menus) -> None:
    """Enable the window's menu entries this user may use (`menus`: widgets.window_menus.WindowMenus):
    each entry names the permission it needs."""
    entry = menus.builder.actions
    needs = (
        (menus.site_backup.backup_action, Permission.BACKUP_RESTORE),
        (menus.site_backup.restore_action, Permission.BACKUP_RESTORE),
        (menus.roster_files.import_action, Permission.EDIT_ROSTER),
        (menus.roster_files.export_action, Permission.EXPORT_PERSONAL_DATA),
        (menus.site_book.export_action, Permission.MANAGE_SITE),
        (menus.site_settings.grids_action, Permission.MANAGE_SITE),
        (menus.site_settings.people_action, Permission.MANAGE_SITE),
        (menus.site_settings.categories_action, Permission.MANAGE_SITE),
        (entry["settings.cameras"], Permission.MANAGE_CAMERAS),
        (entry["settings.sensors"], Permission.MANAGE_SITE),
        (entry["tools.pin"], Permission.SET_KIOSK_PIN),
    )
    for action, permission in needs:
        action.setEnabled(context.may(permission))
