"""Translations: the .ts reader, the translator, and English for every string the shell shows."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.grid_work.findings import FindingTag
from app.models import DutyRole, GridLevel, ResidenceType
from app.models.residents import TAG_ZH
from widgets.households.model import COLUMNS
from widgets.i18n import I18N_DIR, TsTranslator, read_ts
from widgets.panels import PANELS

WIDGETS = Path(__file__).resolve().parents[2] / "widgets"
# Modules whose tr() helper translates in one context.
TR_CONTEXTS = {
    "main_window.py": "MainWindow",
    "menu_builder.py": "MainWindow",
    "window_menus.py": "MainWindow",
    "nav_rail.py": "MainWindow",
    "help_menu.py": "MainWindow",
    "site_book_files.py": "SiteBookFiles",
    "site_status.py": "SiteStatus",
    "kiosk.py": "Kiosk",
    "households/card.py": "HouseholdCard",
    "households/panel.py": "Roster",
    "households/edit_dialog.py": "RosterEdit",
    "households/actions.py": "RosterEdit",
    "households/move_dialog.py": "RosterEdit",
    "households/visit_dialog.py": "Visits",
    "households/visit_actions.py": "Visits",
    "site_backup.py": "SiteBackup",
    "roster_files.py": "RosterFiles",
}


# The shell's own modules (the other areas check their own .ts files).
SHELL_MODULES = [
    WIDGETS / name
    for name in (
        "main_window.py",
        "kiosk.py",
        "panels.py",
        "stats.py",
        "status_bar.py",
        "commands.py",
        "dock_title.py",
    )
] + sorted((WIDGETS / "households").glob("*.py"))


@pytest.fixture(scope="module")
def english() -> dict[tuple[str, str], str]:
    """Every English file, as the translator reads them (an area may add its entries in its own file)."""
    return {
        key: text for path in sorted((I18N_DIR / "en").glob("*.ts")) for key, text in read_ts(path).items()
    }


def _unquote(literal: str) -> str:
    return ast.literal_eval(f'"{literal}"')


def _source_strings() -> set[tuple[str, str]]:
    wanted: set[tuple[str, str]] = set()
    for name, context in TR_CONTEXTS.items():
        text = (WIDGETS / name).read_text(encoding="utf-8")
        wanted |= {(context, _unquote(s)) for s in re.findall(r'\btr\("([^"]+)"\)', text)}
    for path in SHELL_MODULES:
        text = path.read_text(encoding="utf-8")
        found = re.findall(r'QCoreApplication\.translate\("(\w+)", "([^"]+)"\)', text)
        wanted |= {(context, _unquote(s)) for context, s in found}
    wanted |= {("Panels", p.title) for p in PANELS}
    wanted |= {("Roster", header) for header, _ in COLUMNS}
    wanted |= {("Tags", zh) for zh in TAG_ZH.values()}
    wanted |= {("Grid", level.zh) for level in GridLevel}
    wanted |= {("Roles", role.zh) for role in DutyRole}
    wanted |= {("Residence", kind.zh) for kind in ResidenceType}
    wanted |= {("Visits", tag.zh) for tag in FindingTag}
    return wanted


def test_every_shell_string_has_english(english):
    from widgets.stats import site_figures  # noqa: F401 (the figure names are checked below)

    stats_names = set(re.findall(r'Figure\("([^"]+)"', (WIDGETS / "stats.py").read_text(encoding="utf-8")))
    wanted = _source_strings() | {("Stats", name) for name in stats_names}
    missing = sorted(key for key in wanted if key not in english)
    assert not missing, missing


def test_translator_uses_context_then_source_and_keeps_unknown_text(qapp, tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en">'
        "<context><name>A</name>"
        "<message><source>告警</source><translation>Alarm</translation></message>"
        '<message><source>未完成</source><translation type="unfinished">Half</translation></message>'
        "</context></TS>",
        encoding="utf-8",
    )
    (tmp_path / "en" / "broken.ts").write_text("<TS><context>", encoding="utf-8")
    translator = TsTranslator("en", tmp_path)
    assert len(translator) == 1
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("A", "告警") == "Alarm"
        assert QCoreApplication.translate("Elsewhere", "告警") == "Alarm"
        assert QCoreApplication.translate("A", "未完成") == "未完成"
        assert QCoreApplication.translate("A", "没有译文") == "没有译文"
    finally:
        qapp.removeTranslator(translator)


def test_every_shipped_translation_file_parses():
    files = sorted((I18N_DIR / "en").glob("*.ts"))
    assert any(path.name == "shell.ts" for path in files)
    for path in files:
        assert read_ts(path), f"{path.name} has no finished translations"


def test_qt_own_words_follow_the_language(qapp, languages):
    """Qt's standard buttons and file dialog speak the window's language (qtbase_*.qm from the wheel)."""
    from PySide6.QtWidgets import QDialogButtonBox

    def buttons() -> list[str]:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        return [button.text() for button in box.buttons()]

    assert buttons() == ["确定", "取消"]
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    languages.switch("en")
    assert buttons() == ["OK", "Cancel"]
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "Look in:"
    languages.switch("zh_CN")
    assert buttons() == ["确定", "取消"]


def test_time_limits_are_said_in_words_in_either_language(qapp, languages):
    from app.tickets.categories import load_categories
    from widgets.tickets.category_picker import CategoryPicker

    def limits() -> dict[str, str]:
        picker = CategoryPicker(load_categories())
        return {code: item.text(1) for code, item in picker._items.items()}

    chinese = limits()
    assert chinese["BM04"] == "承诺件 3个工作日" and chinese["BM01"] == "即办件 4个工作小时"
    languages.switch("en")
    english = limits()
    assert english["BM04"].endswith(" 3 working days") and english["BM01"].endswith(" 4 working hours")
    assert not any(re.search(r"\d[dhm]\b", text) for text in [*chinese.values(), *english.values()])


def test_the_core_s_two_language_messages_are_shown_in_one(qapp, languages):
    from widgets.bilingual import in_language

    refusal = "工单 195 当前为「等待居民」，不能核查通过（仅限：已处置）。 Action 'verify' is not allowed in state 'waiting'."
    pin = "未设置值班长密码，无法进入值守模式 / no supervisor PIN is set: set one in the main window first"
    assert in_language(refusal) == "工单 195 当前为「等待居民」，不能核查通过（仅限：已处置）。"
    assert in_language(pin) == "未设置值班长密码，无法进入值守模式"
    assert in_language("只有中文的消息") == "只有中文的消息"
    languages.switch("en")
    assert in_language(refusal) == "Action 'verify' is not allowed in state 'waiting'."
    assert in_language(pin) == "no supervisor PIN is set: set one in the main window first"
    assert in_language("只有中文的消息") == "只有中文的消息"  # nothing lost when there is no English half


def test_words_said_again_follow_the_language(qtbot, languages):
    from PySide6.QtWidgets import QTabWidget, QWidget

    from widgets.said_again import SaidAgain
    from widgets.tickets.panel import tr

    owner = QWidget()
    qtbot.addWidget(owner)
    words = SaidAgain(owner, tr)
    label = words.label("工单队列")
    tabs = QTabWidget(owner)
    words.tab(tabs, QWidget(), "统计分析")
    count = words.counted(label.setToolTip, "共 {0} 件")
    count(23)
    assert (label.text(), tabs.tabText(0), label.toolTip()) == ("工单队列", "统计分析", "共 23 件")
    languages.switch("en")
    qtbot.waitUntil(lambda: label.text() != "工单队列")
    assert (label.text(), tabs.tabText(0)) == ("Queues", "Statistics")
    assert "23" in label.toolTip() and "共" not in label.toolTip()
