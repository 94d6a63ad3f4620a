"""The ticket dock's 我是 starts as the signed-in user's own person: changeable for a role that may record
what another decided (a leader's approval by phone), fixed for one that may not."""

from __future__ import annotations

import pytest

from app.access import Role
from app.access.user import User
from app.config import Seat
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.tickets.panel import create_panel

pytestmark = pytest.mark.gui


def dock_for(qtbot, db, tmp_path, user: User):
    seat = Seat.signed_in(user, "test-seat")
    widget = create_panel(build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"), seat))
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.jobs.busy(), timeout=10_000)
    return widget


def test_a_supervisor_starts_as_themselves_and_may_act_for_a_leader(qtbot, db, site, tmp_path):
    me = site.people["孙值班"]
    widget = dock_for(
        qtbot, db, tmp_path, User(7, "sun", Role.SUPERVISOR.value, person_id=me, person_name="孙值班")
    )
    assert widget.me.currentData() == me and widget.me.isEnabled()
    widget.me.setCurrentIndex(widget.me.findData(site.people["张小区"]))
    assert widget.current_filter().person_id == site.people["张小区"]


def test_an_operator_acts_as_themselves_only_even_when_no_leader(qtbot, db, site, tmp_path):
    me = site.people["钱网格员"]  # on no leader list: still who this operator is
    widget = dock_for(
        qtbot, db, tmp_path, User(8, "qian", Role.OPERATOR.value, person_id=me, person_name="钱网格员")
    )
    assert (widget.me.currentData(), widget.me.currentText()) == (me, "钱网格员")
    assert not widget.me.isEnabled()
    assert widget.current_filter().person_id == me


def test_an_account_linked_to_nobody_starts_with_someone_who_has_work(qtbot, db, site, tmp_path):
    widget = dock_for(qtbot, db, tmp_path, User(9, "ops", Role.ADMIN.value))
    assert widget.me.isEnabled()
    assert widget.me.currentData() in site.people.values()
