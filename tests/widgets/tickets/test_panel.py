"""The ticket dock: queues fill from the store, the countdown is coloured, actions go through the desk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.tickets import sweep
from tests.app.tickets.conftest import IN_G1, IN_G2, at, open_ticket
from tests.widgets.conftest import ADMIN_SEAT
from widgets.shell_context import ShellSettings, build_shell_context
from widgets.tickets.model import URGENCY_COLOURS, countdown
from widgets.tickets.panel import create_panel

pytestmark = pytest.mark.gui


def settle(qtbot, widget) -> None:
    """Wait until the dock's worker has answered everything asked so far."""
    qtbot.waitUntil(lambda: not widget.jobs.busy(), timeout=10_000)


@pytest.fixture
def panel(qtbot, db, site, desk, tmp_path):
    overdue = open_ticket(desk, IN_G2, when="2026-11-02T09:00")
    sweep(desk, at("2026-11-02T16:00"))
    fresh = open_ticket(desk, IN_G1, when="2099-01-05T09:00")
    context = build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    widget = create_panel(context)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    settle(qtbot, widget)
    return widget, overdue, fresh


def test_overdue_queue_and_countdown_colours(panel, qtbot):
    widget, overdue, _fresh = panel
    widget.queue_tabs.setCurrentIndex(2)  # 超时
    settle(qtbot, widget)
    assert [r.id for r in widget.model.rows] == [overdue]
    index = widget.model.index(0, 2)
    assert widget.model.data(index).startswith("超时") or widget.model.data(index).startswith("剩")
    assert (
        widget.model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == URGENCY_COLOURS["overdue"]
    )


def test_subtree_scope_and_detail_timeline(panel, site, qtbot):
    widget, overdue, fresh = panel
    widget.queue_tabs.setCurrentIndex(1)  # 本网格
    widget.scope.setCurrentIndex(widget.scope.findData(site.grids["G1"]))
    settle(qtbot, widget)
    assert [r.id for r in widget.model.rows] == [fresh]
    widget.table.selectRow(0)
    settle(qtbot, widget)
    assert widget.detail.ticket["id"] == fresh
    assert "派遣至幸福小区" in widget.detail.timeline.toPlainText()
    from app.tickets import Action

    assert (
        widget.detail.buttons[Action.START].isEnabled()
        and not widget.detail.buttons[Action.CLOSE].isEnabled()
    )


def test_mine_and_a_bulk_action(panel, site, qtbot):
    widget, _overdue, fresh = panel
    widget.me.setCurrentIndex(widget.me.findData(site.people["张小区"]))
    widget.queue_tabs.setCurrentIndex(0)
    settle(qtbot, widget)
    assert [r.id for r in widget.model.rows] == [fresh]
    widget.table.selectRow(0)
    from app.tickets import Action

    widget.act_on_selection(Action.START)
    settle(qtbot, widget)
    assert widget.desk.describe(fresh)["state"] == "in_progress"


def test_a_stale_row_is_refused_with_a_message(panel, site, monkeypatch, qtbot):
    widget, _overdue, fresh = panel
    widget.me.setCurrentIndex(widget.me.findData(site.people["张小区"]))
    widget.queue_tabs.setCurrentIndex(0)
    settle(qtbot, widget)
    widget.table.selectRow(0)
    widget.desk.act(fresh, "start")  # another seat acts first; the row still holds version 1
    shown = []
    monkeypatch.setattr("widgets.tickets.panel_acts.QMessageBox.warning", lambda *a: shown.append(a[2]))
    from app.tickets import Action

    widget.act_on_selection(Action.START)
    settle(qtbot, widget)
    assert shown and "已被其他席位更新" in shown[0]


def test_statistics_tab(panel, qtbot):
    widget, _overdue, _fresh = panel
    widget.tabs.setCurrentIndex(1)
    widget.stats.start.setDate(widget.stats.start.date().addYears(-5))
    widget.stats.end.setDate(widget.stats.end.date().addYears(80))
    widget.stats.refresh()
    settle(qtbot, widget)
    assert "工单 2 件" in widget.stats.summary.text()


def test_countdown_text():
    assert countdown(at("2026-11-02T12:00"), at("2026-11-02T09:30")) == "剩 2小时30分"
    assert countdown(at("2026-11-02T09:00"), at("2026-11-03T10:00")) == "超时 1天1小时"


def test_queue_queries_run_off_the_qt_thread(panel, qtbot, monkeypatch):
    import threading

    from runtime.read import tickets

    widget, _overdue, _fresh = panel
    threads = []
    real = tickets.fetch_page
    monkeypatch.setattr(
        tickets, "fetch_page", lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k)
    )
    for text in ("楼", "楼下", "楼下垃"):  # fast typing: older searches are superseded
        widget.search.setText(text)
        widget.reload()
    settle(qtbot, widget)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert widget.model.filter.text == "楼下垃"
    assert widget.model.rows and all("楼下垃" in r.text for r in widget.model.rows)


def test_return_asks_first_refuses_no_reason_and_does_nothing_when_cancelled(panel, site, qtbot):
    from app.tickets import Action

    widget, _overdue, fresh = panel
    widget.me.setCurrentIndex(widget.me.findData(site.people["张小区"]))
    widget.queue_tabs.setCurrentIndex(0)
    settle(qtbot, widget)
    widget.table.selectRow(0)
    confirm = widget.act_on_selection(Action.RETURN)
    assert f"#{fresh}" in confirm.consequence.text() and "共 1 件工单将退回" in confirm.consequence.text()
    confirm.act_button.click()  # empty reason
    assert confirm.isVisible() and confirm.error.text() == "请填写原因，它会记入记录"
    confirm.reject()
    settle(qtbot, widget)
    assert widget.desk.describe(fresh)["state"] == "dispatched"
    confirm = widget.act_on_selection(Action.RETURN)
    confirm.reason_edit.setPlainText("属物业管理范围")
    confirm.act_button.click()
    settle(qtbot, widget)
    shown = widget.desk.describe(fresh)
    assert shown["state"] == "returned" and any("属物业管理范围" in e["note"] for e in shown["timeline"])


def test_close_says_what_happens_and_takes_no_reason(panel, site, qtbot):
    from app.tickets import Action

    widget, _overdue, fresh = panel
    widget.table.selectRow(0)
    row = widget.selected_rows()[0]
    confirm = widget.act_on_selection(Action.CLOSE)
    assert "告知单" in confirm.consequence.text() and confirm.reason_edit.isHidden()
    confirm.reject()
    settle(qtbot, widget)
    assert widget.desk.describe(row.id)["state"] == row.state  # cancelled: nothing happened
