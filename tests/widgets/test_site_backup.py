"""文件 → 备份… / 恢复…: the menu entries, a backup written off the Qt thread, a restore that asks
first and ends the window with the keeper's "start me again" code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from app.config import Seat
from app.events import SITE_RESTORED, Change, SiteChanged, Topic
from app.models import Grid
from app.store.backup import back_up
from runtime.launcher import RESTART_EXIT_CODE
from tests.widgets.conftest import ADMIN_SEAT
from tests.widgets.test_main_window import light_panels
from widgets.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("This plugin does not support"),
]


@pytest.fixture
def context(qapp, sqlite_db, tmp_path):
    """A window's context on a private site (restores replace it), started by the keeper."""
    from widgets.shell_context import ShellSettings, build_shell_context

    with sqlite_db.session() as session:
        session.add(Grid(code="S1", name="东城街道", level=1))
    context = build_shell_context(
        sqlite_db, ShellSettings(path=tmp_path / "window.ini", kept=True), ADMIN_SEAT
    )
    yield context
    context.bridge.close()


@pytest.fixture
def window(qtbot, context, languages):
    window = MainWindow(context, languages, panels=light_panels())
    qtbot.addWidget(window)
    return window


class Said:
    """Message boxes shown, recorded instead of waiting for a click."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes) -> None:
        self.boxes: list[tuple[str, str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(
                QMessageBox,
                kind,
                lambda _parent, title, text, *_a, kind=kind: self.boxes.append((kind, title, text)),
            )

        def question(_parent, title, text, *_args):
            self.boxes.append(("question", title, text))
            return answer

        monkeypatch.setattr(QMessageBox, "question", question)


def _file_entries(window) -> list[str]:
    return [action.text() for action in window.file_menu.actions() if not action.isSeparator()]


def test_the_file_menu_offers_backup_and_restore_in_both_languages(qtbot, window):
    """导入 ▸, 导出 ▸, 导出报告…, then 备份… and 恢复…, the account's entries, 退出 last."""
    assert _file_entries(window) == [
        "导入",
        "导出",
        "导出报告…",
        "备份…",
        "恢复…",
        "修改密码…",
        "锁定席位",
        "注销",
        "退出",
    ]
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _file_entries(window)[3:5] == ["Back Up…", "Restore…"])
    assert _file_entries(window)[:3] == ["Import", "Export", "Export report…"]
    assert _file_entries(window)[5:] == ["Change password…", "Lock seat", "Sign out", "Quit"]


def test_backup_runs_off_the_gui_thread_and_says_where_and_how_big(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "saved" / "站点"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    said = Said(monkeypatch)
    window.site_backup.backup_action.trigger()
    assert not window.site_backup.restore_action.isEnabled()  # busy until the job answers
    qtbot.waitUntil(lambda: bool(said.boxes), timeout=20_000)
    kind, title, text = said.boxes[0]
    written = target.with_name("站点.gccbackup")
    assert (kind, title) == ("information", "备份完成") and written.is_file()
    assert str(written) in text and "KB" in text and "网格 1" in text
    assert window.site_backup.restore_action.isEnabled()


def test_restore_asks_first_then_restarts_the_window_on_the_restored_site(
    qtbot, window, context, tmp_path, monkeypatch
):
    backup = back_up(context.db, tmp_path / "before.gccbackup", Seat()).path
    with context.db.session() as session:
        session.add(Grid(code="S2", name="西城街道", level=1))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(backup), ""))
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda code=0: exits.append(code))
    said = Said(monkeypatch)
    window.site_backup.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(exits), timeout=20_000)
    assert exits == [RESTART_EXIT_CODE]
    (question, _, asked), (done, title, text) = said.boxes
    assert question == "question" and "网格 1" in asked and ".before-restore" in asked
    assert (done, title) == ("information", "恢复完成") and "重新启动" in text
    assert context.reads is not None
    with context.db.session() as session:
        assert session.scalars(select(Grid.code)).all() == ["S1"]
    assert Path(f"{context.db.engine.url.database}.before-restore").is_file()


def test_a_declined_or_damaged_restore_changes_nothing(qtbot, window, context, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.gccbackup"
    damaged.write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(damaged), ""))
    said = Said(monkeypatch, answer=QMessageBox.StandardButton.Cancel)
    window.site_backup.restore_action.trigger()
    assert said.boxes[0][:2] == ("warning", "无法恢复") and "damaged" in said.boxes[0][2]

    backup = back_up(context.db, tmp_path / "ok.gccbackup", Seat()).path
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(backup), ""))
    window.site_backup.restore_action.trigger()
    assert said.boxes[-1][0] == "question" and not window.site_backup.jobs.busy()
    assert not Path(f"{context.db.engine.url.database}.before-restore").exists()


def test_a_restore_made_elsewhere_restarts_a_kept_window_without_a_dialog(
    qtbot, window, context, monkeypatch
):
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda code=0: exits.append(code))
    said = Said(monkeypatch)
    notice = SiteChanged(SITE_RESTORED, "2026-12-01T02:00:00+00:00")
    context.hub.publish(Change(Topic.SITE, (), notice, origin="another-seat"))
    qtbot.waitUntil(lambda: bool(exits), timeout=5_000)
    assert exits == [RESTART_EXIT_CODE] and said.boxes == []
    assert "站点已由其他席位或命令从备份恢复" in window.statusBar().currentMessage()
    assert not window.site_backup.restore_action.isEnabled()


def test_a_restore_made_elsewhere_closes_a_window_without_keeper_after_saying_so(
    qtbot, qapp, sqlite_db, languages, tmp_path, monkeypatch
):
    from widgets.shell_context import ShellSettings, build_shell_context

    context = build_shell_context(sqlite_db, ShellSettings(path=tmp_path / "window.ini", kept=False))
    window = MainWindow(context, languages, panels=light_panels())
    qtbot.addWidget(window)
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda code=0: exits.append(code))
    said = Said(monkeypatch)
    context.hub.publish(Change(Topic.SITE, (), SiteChanged(SITE_RESTORED), origin="restore-command"))
    qtbot.waitUntil(lambda: bool(exits), timeout=5_000)
    ((kind, title, text),) = said.boxes
    assert (kind, title) == ("information", "站点已恢复") and "请重新打开" in text
    context.bridge.close()
