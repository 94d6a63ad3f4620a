"""文件 → 导出报告: the dialog previews the report's pages off the GUI thread, follows the period and grid
chosen, saves exactly the previewed report as PDF and .xlsx, and says in words what went wrong."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from app.store import Database
from runtime.reports.data import ReportError
from tests.app.tickets.conftest import IN_G1, IN_G2, build_site, make_desk, open_ticket
from tests.widgets.accounts.test_accounts_gui import accounts, open_window  # noqa: F401 (fixtures)
from widgets.reports.export_dialog import ReportExportDialog, failure_text

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def report_context(qapp, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context

    db = Database(f"sqlite:///{tmp_path / 'site.sqlite'}")
    db.upgrade()
    build_site(db)
    desk = make_desk(db)
    today = (datetime.now(UTC) + timedelta(hours=8)).replace(tzinfo=None)  # Asia/Shanghai, the default
    for place in (IN_G1, IN_G1, IN_G2):
        open_ticket(desk, where=place, when=today.strftime("%Y-%m-%dT00:10"))
    context = build_shell_context(db, ShellSettings(path=tmp_path / "window.ini"))
    yield context
    context.bridge.close()
    db.dispose()


def test_the_preview_shows_the_pages_and_the_save_writes_what_was_previewed(qtbot, report_context, tmp_path):
    dialog = ReportExportDialog(report_context.reads.reports)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.page_count() >= 3 and dialog.save.isEnabled()
    assert dialog.report.period.kind == "month" and dialog.report.kpis[0].current == 3
    assert "共" in dialog.status.text()

    dialog.grid.setCurrentIndex(dialog.grid.findData("G2"))
    assert not dialog.save.isEnabled()  # the pages shown are of the other choice until the new ones come
    qtbot.waitUntil(lambda: dialog.report.scope_code == "G2" and dialog.save.isEnabled(), timeout=20_000)
    assert dialog.report.kpis[0].current == 1

    dialog.save_as(tmp_path / "月报")
    qtbot.waitUntil(lambda: "已保存" in dialog.status.text(), timeout=20_000)
    assert (tmp_path / "月报.pdf").stat().st_size > 10_000
    sheet = load_workbook(tmp_path / "月报.xlsx").active
    assert sheet.cell(row=6, column=2).value == 1  # tickets received, as previewed
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "月报.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "工作月报" in text and "受理工单 tickets received" in text


def test_a_failed_save_says_why_and_keeps_the_preview(qtbot, report_context, tmp_path):
    dialog = ReportExportDialog(report_context.reads.reports)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.save_as(tmp_path / "no-such-folder" / "月报")
    qtbot.waitUntil(lambda: not dialog.working, timeout=20_000)
    assert dialog.status.text().startswith("无法写入文件") or dialog.status.text().startswith("报告生成失败")
    assert dialog.page_count() >= 3 and dialog.save.isEnabled()


def test_errors_are_told_in_the_users_words(languages):
    assert failure_text(ReportError("网格编码 X 不存在 unknown grid code")).startswith("无法生成该报告：")
    assert failure_text(FileNotFoundError(2, "No such file", "/x/y.pdf")).startswith("无法写入文件：")
    languages.switch("en")
    assert failure_text(FileNotFoundError(2, "No such file", "/x/y.pdf")).startswith(
        "Cannot write the file: "
    )


def test_the_file_menu_offers_the_report_to_an_operator(open_window):  # noqa: F811 (the fixture)
    window = open_window("小王")  # an operator: a report holds no personal data (view_site)
    action = window.menus.builder.actions["file.export_report"]
    assert action.isEnabled() and action.text() == "导出报告…"
    assert action in window.menus.builder.menu("file").actions()
    dialog = window.menus.open_report_export()
    assert isinstance(dialog, ReportExportDialog) and dialog.isVisible()
    dialog.close()


def test_the_dialog_speaks_english_after_a_switch(qtbot, report_context, languages):
    dialog = ReportExportDialog(report_context.reads.reports)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.show()
    languages.switch("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Export report")  # LanguageChange comes as an event
    assert dialog.save.text() == "Save…"
    assert (
        dialog.kind.currentText() == "Monthly report" and dialog.grid.itemText(0) == "Whole site (every grid)"
    )
