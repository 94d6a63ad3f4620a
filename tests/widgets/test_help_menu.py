"""帮助 and the menus people look for: the bundled manual opens offline with its pictures, 关于 names
the versions, the named menus take other areas' entries."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QTextDocument

from widgets.help_menu import MANUAL_DIR, AboutDialog, ManualDialog, manual_path
from widgets.main_window import MainWindow
from widgets.panels import PANELS, under_construction

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def window(qtbot, shell_context, languages):
    panels = [
        p if p.key in ("roster", "stats") else replace(p, factory=under_construction(p.title)) for p in PANELS
    ]
    window = MainWindow(shell_context, languages, panels=panels, remember_layout=False)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_manual_is_bundled_with_every_picture_it_shows(language):
    path = manual_path(language)
    assert path.parent == MANUAL_DIR and path.name == f"manual.{language}.html"
    pictures = re.findall(r'<img src="([^"]+)"', path.read_text(encoding="utf-8"))
    assert len(pictures) >= 5
    for picture in pictures:
        assert (path.parent / picture).resolve().is_file(), picture


def test_the_manual_opens_in_the_window_with_its_pictures_loaded(qtbot):
    dialog = ManualDialog("zh_CN")
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    assert "用户手册" in document.toPlainText() and "恢复默认布局" in document.toPlainText()
    picture = dialog.browser.source().resolved(QUrl("../screenshots/main_window.png"))
    assert document.resource(QTextDocument.ResourceType.ImageResource, picture) is not None
    assert manual_path("fr").name == "manual.zh_CN.html"  # no manual in a language: the Chinese one


def test_about_names_the_versions_of_the_app_qt_python_the_database_and_onnxruntime(qtbot, shell_context):
    dialog = AboutDialog(shell_context)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "SQLite 3." in dialog.text.text(), timeout=5000)
    text = dialog.text.text()
    for name in ("Qt", "PySide6", "Python", "onnxruntime"):
        assert f"<td>{name}</td>" in text
    assert qVersion() in text


def test_the_menus_hold_what_people_look_for_and_take_other_areas_entries(qtbot, window):
    def titles(menu):
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    assert titles(window.menu("file")) == [
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
    assert titles(window.menus.builder.menu("file/import")) == ["导入花名册…", "网格与楼栋…", "人员与职责…"]
    assert titles(window.menus.builder.menu("file/export")) == [
        "导出花名册…",
        "站点工作簿…",
        "站点工作簿模板…",
    ]
    assert titles(window.menu("help")) == ["用户手册", "快捷键", "关于"]
    assert "恢复默认布局" in titles(window.menu("view")) and "转到" in titles(window.menu("view"))
    added = window.menus.builder.add("settings", "settings.users", lambda: "用户…", lambda: None)
    assert window.menu("settings").actions()[-1] is added
    with pytest.raises(KeyError, match="known: file, view"):
        window.menu("accounts")
