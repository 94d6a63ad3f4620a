"""文件 → 导入花名册 / 导出花名册 from the window: every bad row listed, good rows only on request,
the export audited, all off the GUI thread."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from app.models import AuditEntry, Resident
from app.roster.reader import read_tables
from tests.app.roster.conftest import make_id, person, write_xlsx
from tests.widgets.conftest import ADMIN_SEAT
from widgets.roster_files import RosterFileActions

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]

GOOD = make_id(date(1985, 6, 1), 51)


@pytest.fixture
def actions(qtbot, qapp, writable_site, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context

    context = build_shell_context(writable_site.db, ShellSettings(path=tmp_path / "window.ini"), ADMIN_SEAT)
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = RosterFileActions(context, window)
    yield actions
    actions.jobs.wait()
    context.bridge.close()


def _residents(db) -> int:
    with db.session() as session:
        return len(session.scalars(select(Resident.id)).all())


def test_a_roster_with_a_bad_row_lists_it_and_imports_the_good_rows_on_request(
    qtbot, actions, writable_site, tmp_path
):
    rows = [
        person("周新", GOOD, building="3号楼", room="909"),
        person("错号", "410102198506010000", building="3号楼"),
    ]
    path = write_xlsx(tmp_path / "roster.xlsx", rows)
    before = _residents(writable_site.db)
    actions.start_import(path)
    qtbot.waitUntil(lambda: actions.problems is not None and actions.problems.isVisible(), timeout=10_000)
    lines = [actions.problems.problems.item(i).text() for i in range(actions.problems.problems.count())]
    assert len(lines) == 1 and "第 3 行" in lines[0] and "身份证号" in lines[0]
    assert _residents(writable_site.db) == before
    actions.problems.skip_button.click()
    qtbot.waitUntil(lambda: _residents(writable_site.db) == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: actions.notice is not None and actions.notice.isVisible(), timeout=5000)
    assert "已导入 1 名居民" in actions.notice.text() and "跳过有误的 1 行" in actions.notice.text()
    actions.notice.accept()


def test_export_is_masked_unless_a_reason_is_given_and_records_it(qtbot, actions, writable_site, tmp_path):
    target = tmp_path / "out.xlsx"
    actions.start_export(target)
    qtbot.waitUntil(lambda: actions.export_action.isEnabled() and target.exists(), timeout=10_000)
    text = "\n".join(str(v) for row in read_tables(target)[0].rows for v in row.values if v is not None)
    assert "张桂兰" in text and "410102194503120026" not in text and "410102********0026" in text
    full = tmp_path / "full.xlsx"
    actions.start_export(full, reason="街道核对")
    qtbot.waitUntil(lambda: actions.export_action.isEnabled() and full.exists(), timeout=10_000)
    text = "\n".join(str(v) for row in read_tables(full)[0].rows for v in row.values if v is not None)
    assert "410102194503120026" in text  # re-importable, as export-roster --full writes it
    with writable_site.db.session() as session:
        details = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "export_roster")).all()
    assert [json.loads(d) for d in details] == [
        {"file": "out.xlsx", "residents": 4, "households": 3, "full": False},
        {"file": "full.xlsx", "residents": 4, "households": 3, "full": True, "reason": "街道核对"},
    ]
