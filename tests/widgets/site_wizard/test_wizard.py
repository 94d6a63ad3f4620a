"""The 新建站点 wizard on an empty database, fed an office's real files; and the 设置 menu's steps."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from app.access.accounts import Accounts
from app.commands.site_book import PASSPHRASE_ENV
from app.config import Seat
from app.context import SiteContext
from app.models import AuditEntry, Building, Camera, Grid, Household, Person, Resident
from app.site_keys import CameraPasswords
from app.site_settings import load_profile
from app.store import Database
from main import main as run
from runtime.site_setup import Step, needs_setup
from tests.app.site_book.conftest import CAMERA_PASSWORD, CAMERA_ROWS, build_grids, fill_template
from tests.runtime.site_files import grids_file, roster_file, workbook_file
from widgets.site_wizard.settings_menu import StepDialog
from widgets.site_wizard.wizard import SiteWizard

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def wizard(qtbot, sqlite_db):
    wizard = SiteWizard(SiteContext(sqlite_db))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _check_and_import(qtbot, panel, path) -> None:
    panel.choose(path)
    qtbot.waitUntil(lambda: panel.report is not None and not panel.busy, timeout=20_000)
    assert panel.report.ok, panel.report.problems
    assert panel.import_button.isEnabled() and not panel.report.written
    with qtbot.waitSignal(panel.written, timeout=20_000):
        panel.import_button.click()


def _make_admin(qtbot, wizard) -> None:
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.admin, timeout=10_000)
    wizard.admin.name.setText("站长")
    wizard.admin.password.setText("short")
    wizard.admin.again.setText("short")
    wizard.next()
    qtbot.waitUntil(lambda: "至少 8" in wizard.admin.error.text(), timeout=10_000)
    wizard.admin.password.setText("a-long-password")
    wizard.admin.again.setText("a-long-password")
    wizard.next()


def test_the_wizard_builds_a_site_from_its_files(qtbot, wizard, sqlite_db, tmp_path):
    assert needs_setup(sqlite_db)
    wizard.profile.name_edit.setText("")
    wizard.next()
    assert wizard.currentPage() is wizard.profile and "站点名称" in wizard.profile.error.text()
    wizard.profile.name_edit.setText("幸福社区")
    wizard.profile.language_box.setCurrentIndex(wizard.profile.language_box.findData("en"))
    wizard.next()
    _make_admin(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.steps[Step.GRIDS], timeout=10_000)
    assert Accounts(sqlite_db, Seat()).sign_in("站长", "a-long-password").role == "admin"
    assert load_profile(sqlite_db).name == "幸福社区"
    assert load_profile(sqlite_db).time_zone == "Asia/Shanghai"
    assert load_profile(sqlite_db).language == "en"  # every seat of the site starts in English
    assert wizard.profile.site.name == "幸福社区"  # the window opened next shows the new name

    grids = wizard.steps[Step.GRIDS].panel
    grids.choose(grids_file(tmp_path))
    qtbot.waitUntil(lambda: grids.report is not None and not grids.busy, timeout=20_000)
    assert "新增网格 9" in grids.summary.text() and _count(sqlite_db, Grid) == 0  # checked, not written
    with qtbot.waitSignal(grids.written, timeout=20_000):
        grids.import_button.click()
    assert _count(sqlite_db, Grid) == 9 and _count(sqlite_db, Building) == 2
    wizard.next()
    _check_and_import(qtbot, wizard.steps[Step.WORKBOOK].panel, workbook_file(tmp_path))
    wizard.next()
    roster = wizard.steps[Step.ROSTER].panel
    roster.choose(roster_file(tmp_path))
    qtbot.waitUntil(lambda: roster.pending, timeout=20_000)
    assert _count(sqlite_db, Resident) == 0
    wizard.next()  # 下一步 imports the checked roster, then moves on
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.page(wizard.pageIds()[-1]), timeout=20_000)
    assert "居民 3" in wizard.currentPage().text.text()
    assert (_count(sqlite_db, Person), _count(sqlite_db, Household), _count(sqlite_db, Resident)) == (3, 2, 3)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not needs_setup(sqlite_db)


def test_a_file_with_problems_shows_them_and_writes_nothing(qtbot, wizard, sqlite_db, tmp_path):
    wizard.profile.name_edit.setText("幸福社区")
    wizard.next()
    _make_admin(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.steps[Step.GRIDS], timeout=10_000)
    wizard.next()  # the grids are skipped: done later
    roster = wizard.steps[Step.ROSTER].panel
    roster.choose(roster_file(tmp_path))
    qtbot.waitUntil(lambda: roster.report is not None and not roster.busy, timeout=20_000)
    assert not roster.import_button.isEnabled()
    lines = [roster.problems.topLevelItem(i) for i in range(roster.problems.topLevelItemCount())]
    assert [line.text(2) for line in lines] == ["2", "3", "4"] and all(
        "楼栋" in line.text(4) for line in lines
    )
    assert "错误数：3" in roster.summary.text()
    assert _count(sqlite_db, Resident) == 0 and _count(sqlite_db, Grid) == 0
    wizard.next()
    wizard.next()
    assert "跳过" in wizard.currentPage().text.text()


def test_the_people_step_from_the_settings_menu(qtbot, sqlite_db, tmp_path):
    site = SiteContext(sqlite_db)
    grids = StepDialog(site, Step.GRIDS)
    qtbot.addWidget(grids)
    _check_and_import(qtbot, grids.panel, grids_file(tmp_path))
    people = StepDialog(site, Step.WORKBOOK)
    qtbot.addWidget(people)
    bad = [["王建国", "13800001111", None, "是", "404", "网格长"]]
    people.panel.choose(workbook_file(tmp_path, bad))
    qtbot.waitUntil(lambda: people.panel.report is not None and not people.panel.busy, timeout=20_000)
    first = people.panel.problems.topLevelItem(0)
    assert (first.text(1), first.text(2), first.text(3)) == ("人员", "2", "网格编码")
    assert _count(sqlite_db, Person) == 0
    _check_and_import(qtbot, people.panel, workbook_file(tmp_path))
    assert _count(sqlite_db, Person) == 3
    with sqlite_db.session() as session:
        actions = set(session.scalars(select(AuditEntry.action)))
    assert {"import_grids", "import_site"} <= actions


def test_the_wizard_opens_on_an_empty_database_only(qapp, sqlite_db, monkeypatch):
    from app.site_settings import save_profile
    from widgets import commands

    shown = []
    monkeypatch.setattr(SiteWizard, "exec", lambda self: shown.append(self) or 0)
    site = SiteContext(sqlite_db)
    commands._first_start_wizard(sqlite_db)
    assert len(shown) == 1
    save_profile(site.db, site.seat, "幸福社区", "Asia/Shanghai")  # a cancelled wizard after naming
    commands._first_start_wizard(sqlite_db)
    assert len(shown) == 1


def test_the_people_step_opens_carried_camera_passwords_with_the_passphrase(
    qtbot, sqlite_db, tmp_path, monkeypatch, cli_user
):
    """A workbook exported with --passwords from another site: refused per row without the passphrase,
    imported with it, the password sealed again with this site's key."""

    other = Database(f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.upgrade()
    build_grids(other)
    cli_user(other.url)  # import-site and export-site act as a signed-in user of the other site
    assert (
        run(
            [
                "import-site",
                str(fill_template(tmp_path / "c.xlsx", {"摄像机": CAMERA_ROWS})),
                "--db",
                other.url,
            ]
        )
        == 0
    )
    monkeypatch.setenv(PASSPHRASE_ENV, "moving-day-2026")
    exported = tmp_path / "moved.xlsx"
    assert run(["export-site", str(exported), "--passwords", "--db", other.url]) == 0
    other.dispose()
    build_grids(sqlite_db)
    people = StepDialog(SiteContext(sqlite_db), Step.WORKBOOK)
    qtbot.addWidget(people)
    people.panel.choose(exported)
    qtbot.waitUntil(lambda: people.panel.report is not None and not people.panel.busy, timeout=20_000)
    assert [(p.row, p.column) for p in people.panel.report.problems] == [(2, "密码"), (3, "密码")]
    people.panel.passphrase_edit.setText("moving-day-2026")
    _check_and_import(qtbot, people.panel, exported)
    with sqlite_db.session() as session:
        gate = session.scalars(select(Camera).where(Camera.name == "小区东门")).one()
        assert CameraPasswords.of_site(session).open(gate.password_sealed, gate.id) == CAMERA_PASSWORD
