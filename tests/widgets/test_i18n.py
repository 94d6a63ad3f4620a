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
