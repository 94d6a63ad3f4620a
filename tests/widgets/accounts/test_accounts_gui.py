"""Signing in, the account menu, 设置 → 用户, the idle lock and what each role is offered (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app.access.accounts import Accounts
from app.access.idle_lock import idle_lock_minutes
from app.config import Seat
from app.models import AuditEntry
from tests.widgets.test_main_window import light_panels
from widgets.accounts import account_actions
from widgets.accounts.sign_in import SignInDialog
from widgets.accounts.users_dialog import UsersDialog
from widgets.main_window import MainWindow
from widgets.shell_context import ShellSettings, build_shell_context

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

PASSWORD = "seat-password-1"


@pytest.fixture
def accounts(sqlite_db) -> Accounts:
    local = Accounts(sqlite_db, Seat())
    local.add("站长", "admin", PASSWORD)
    local.add("小王", "operator", PASSWORD)
    return local


def shell_for(qapp, sqlite_db, tmp_path, accounts, name):
    from widgets.theme import apply_theme

    apply_theme(qapp)
    seat = Seat.signed_in(accounts.sign_in(name, PASSWORD))
    return build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini"), seat)


@pytest.fixture
def open_window(qtbot, qapp, sqlite_db, tmp_path, accounts, languages):
    contexts, windows = [], []

    def open_as(name: str) -> MainWindow:
        context = shell_for(qapp, sqlite_db, tmp_path, accounts, name)
        contexts.append(context)
        window = MainWindow(context, languages, panels=light_panels(), remember_layout=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_as
    for window in windows:  # the roster's first loads land before the window goes
        roster = window.panel_widgets["roster"]
        qtbot.waitUntil(lambda roster=roster: not roster.jobs.busy(), timeout=10_000)
    for context in contexts:
        context.bridge.close()


def test_the_sign_in_dialog_refuses_a_wrong_password_then_signs_in(qtbot, accounts):
    dialog = SignInDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("小王")
    dialog.password_edit.setText("wrong-password")
    dialog.check()
    qtbot.waitUntil(lambda: "用户名或密码错误" in dialog.error.text(), timeout=10_000)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.password_edit.text() == ""
    dialog.password_edit.setText(PASSWORD)
    dialog.check()
    qtbot.waitUntil(lambda: dialog.user is not None, timeout=10_000)
    assert dialog.user.name == "小王" and dialog.user.role == "operator"


def test_an_operator_sees_their_name_and_is_not_offered_admin_actions(open_window):
    window = open_window("小王")
    assert window.account.name_label.text() == "值班员 小王"  # linked to no person: the login
    assert not window.account.users_action.isVisible()
    assert not window.site_backup.backup_action.isEnabled()
    assert not window.menus.builder.actions["settings.cameras"].isEnabled()
    assert not window.menus.builder.actions["tools.pin"].isEnabled()
    assert window.account.sign_out_action.isEnabled()
    assert not window.panel_widgets["roster"].card.may_reveal  # no 显示完整号码 for an operator


def test_the_status_bar_names_the_person_and_their_role_whole(open_window, accounts, sqlite_db):
    from app.models import Person

    with sqlite_db.session() as session:
        person = Person(name="王芳")
        session.add(person)
        session.flush()
        person_id = person.id
    accounts.update("小王", person_id=person_id)
    window = open_window("小王")
    window.resize(1366, 768)
    label = window.account.name_label
    assert label.text() == "值班员 王芳" and "小王" in label.toolTip()  # the login only in the tooltip
    assert label.isVisible() and label.width() >= label.sizeHint().width()  # never squeezed away


def test_an_admin_manages_users_in_the_dialog(qtbot, open_window, sqlite_db):
    window = open_window("站长")
    assert window.account.users_action.isVisible() and window.site_backup.backup_action.isEnabled()
    assert window.panel_widgets["roster"].card.may_reveal
    dialog = UsersDialog(window.context, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert not dialog.toggle_button.isEnabled()  # nothing chosen: no act on an account is offered
    dialog.table.selectRow([s.name for s in dialog.summaries].index("小王"))
    assert dialog.toggle_button.isEnabled() and dialog.toggle_button.text() == "停用"
    confirm = dialog.toggle_user()  # 停用 asks first
    assert not any(s.disabled for s in dialog.summaries)
    confirm.act_button.click()
    qtbot.waitUntil(lambda: any(s.name == "小王" and s.disabled for s in dialog.summaries), timeout=10_000)
    rows = {dialog.table.item(r, 0).text(): dialog.table.item(r, 4).text() for r in range(2)}
    assert rows == {"小王": "停用", "站长": "正常"}
    assert dialog.toggle_button.text() == "启用"  # 小王 is still chosen: the button now re-enables
    with sqlite_db.session() as session:
        changed = session.scalars(select(AuditEntry).where(AuditEntry.action == "user_changed")).one()
    assert changed.actor == "站长"
    assert dialog.idle_minutes.value() == 10
    dialog.idle_minutes.setValue(3)
    dialog.save_idle_minutes()
    qtbot.waitUntil(lambda: idle_lock_minutes(sqlite_db) == 3, timeout=10_000)


def test_the_users_dialog_refuses_an_operator(qtbot, open_window):
    window = open_window("小王")
    dialog = UsersDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled() and "管理员" in dialog.error.text()


def test_the_idle_lock_covers_the_window_and_the_password_opens_it(qtbot, open_window):
    window = open_window("小王")
    window.account.start_idle_lock()
    lock = window.account.idle_lock
    lock.idle_seconds = 0
    lock.check()
    assert lock.locked and lock.screen.isVisible()
    assert lock.screen.geometry() == window.rect()
    lock.screen.password.setText("not-it-at-all")
    lock.try_unlock()
    qtbot.waitUntil(lambda: "用户名或密码错误" in lock.screen.error.text(), timeout=10_000)
    assert lock.locked
    lock.idle_seconds = 3600
    lock.screen.password.setText(PASSWORD)
    lock.try_unlock()
    qtbot.waitUntil(lambda: not lock.locked, timeout=10_000)
    assert not lock.screen.isVisible()
    lock.stop()


def test_signing_out_is_audited_and_asks_the_keeper_for_a_fresh_window(
    qtbot, open_window, sqlite_db, monkeypatch
):
    exits = []
    monkeypatch.setattr(account_actions.QCoreApplication, "exit", exits.append)
    window = open_window("小王")
    window.account.sign_out_action.trigger()
    qtbot.waitUntil(lambda: exits == [account_actions.RESTART_EXIT_CODE], timeout=10_000)
    with sqlite_db.session() as session:
        actions = [(e.actor, e.action) for e in session.scalars(select(AuditEntry))]
    assert ("小王", "sign_in") in actions and ("小王", "sign_out") in actions


def test_a_wall_account_watches_tickets_and_alarms_without_acting(qtbot, qapp, sqlite_db, tmp_path, accounts):
    from alarms.service import AlarmService
    from widgets.alarms.popup import AlarmPopup
    from widgets.tickets.panel import create_panel

    accounts.add("大屏", "wall", PASSWORD)
    context = shell_for(qapp, sqlite_db, tmp_path, accounts, "大屏")
    try:
        tickets = create_panel(context)
        qtbot.addWidget(tickets)
        assert not tickets.new_button.isEnabled() and not tickets.detail.may_act
        popup = AlarmPopup(AlarmService(context.db, context.hub, context.seat))
        qtbot.addWidget(popup)
        assert not popup._detail.isEnabled()
        qtbot.waitUntil(lambda: not tickets.jobs.busy(), timeout=10_000)  # its first loads have landed
        tickets.jobs.wait()
    finally:
        context.bridge.close()
