"""工具 → 审计日志…: filter by person, action, entity and time; check the chain; export safely; only
for seats holding audit.view."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app import audit
from app.config import Seat
from app.context import SiteContext
from app.site_settings import write_setting
from runtime.permissions import AUDIT_VIEW, setting_key
from runtime.read.audit import AuditFilter, NotPermitted
from runtime.reads import ReadModels
from widgets.audit_viewer import AuditLogActions, AuditLogDialog

pytestmark = pytest.mark.gui
SUPERVISOR = Seat("李主任", "desk-9")


@pytest.fixture
def reads(sqlite_db):
    with sqlite_db.session() as session:
        audit.record(
            session, Seat("王芳", "desk-1"), "ticket.start", "ticket", 7, note='=HYPERLINK("http://x")'
        )
        audit.record(
            session, Seat("张伟", "desk-2"), "reveal_personal_data", "household", 3, reason="回拨 13812345678"
        )
        audit.record(session, Seat("王芳", "desk-1"), "ticket.close", "ticket", 7)
    return ReadModels(SiteContext(sqlite_db, seat=SUPERVISOR)).audit


def rows(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_viewer_filters_checks_and_exports(qtbot, reads, sqlite_db, tmp_path):
    dialog = AuditLogDialog(reads)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    assert [r[4] for r in rows(dialog)] == [
        "ticket.close",
        "reveal_personal_data",
        "ticket.start",
    ]  # newest first
    dialog.person.setText("王芳")
    dialog.action.setCurrentText("ticket.")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    dialog.entity.setCurrentText("household")
    dialog.person.clear()
    dialog.action.setCurrentText("")
    dialog.search()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert rows(dialog)[0][2:4] == ["张伟", "张伟@desk-2"]
    assert (
        "138****5678" in rows(dialog)[0][7] and "13812345678" not in rows(dialog)[0][7]
    )  # masked, as lists are

    dialog.check_chain()
    qtbot.waitUntil(lambda: "审计链完整" in dialog.status.text())

    dialog.entity.setCurrentText("")
    dialog.start_export(tmp_path / "audit.csv")
    qtbot.waitUntil(lambda: "已导出" in dialog.status.text() or "失败" in dialog.status.text())
    assert "已导出 3 条" in dialog.status.text(), dialog.status.text()
    with (tmp_path / "audit.csv").open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert not [c for c in cells if "13812345678" in c]
    (export,) = [line for line in reads.entries(AuditFilter(action="audit.export"))]
    assert export.actor == "李主任"


def test_a_seat_without_audit_view_is_refused(qtbot, reads, sqlite_db, monkeypatch):
    with sqlite_db.session() as session:
        write_setting(session, SUPERVISOR, setting_key(AUDIT_VIEW), ["另一位主任"])
    assert not reads.permitted()
    with pytest.raises(NotPermitted):
        reads.entries(AuditFilter())
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = AuditLogActions(reads, window)
    actions.ask_open()
    qtbot.waitUntil(lambda: bool(told))
    assert actions.dialog is None and "audit.view" in told[0]
