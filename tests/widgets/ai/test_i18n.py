"""Every string the AI screens show has English in resources/i18n/en/ai_ui.ts, and switching works."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from video.ai.events import KINDS
from video.ai.zones import RULES
from widgets.ai.consent_form import METHODS
from widgets.ai.event_model import LIST_ZH
from widgets.i18n import I18N_DIR, TsTranslator, read_ts

WIDGETS = Path(__file__).resolve().parents[3] / "widgets" / "ai"
MODULE_CONTEXTS = {"forget.py": "ForgetFace"}  # modules with a module-level tr() helper
# Strings translated from a table at run time, by the class that shows them.
DYNAMIC = {
    "AiEventModel": set(KINDS.values()) | set(LIST_ZH.values()),
    "AiEventList": set(KINDS.values()),
    "GalleryModel": set(LIST_ZH.values()),
    "ZoneEditorDialog": set(RULES.values()),
    "ConsentForm": set(METHODS),
}


def _is_tr(call: ast.AST) -> bool:
    return (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "tr"
        and bool(call.args)
        and isinstance(call.args[0], ast.Constant)
    )


def source_strings() -> set[tuple[str, str]]:
    wanted: set[tuple[str, str]] = set()
    for path in sorted(WIDGETS.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name in MODULE_CONTEXTS:
            wanted |= {(MODULE_CONTEXTS[path.name], s) for s in re.findall(r'\btr\("([^"]+)"\)', text)}
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                wanted |= {(node.name, call.args[0].value) for call in ast.walk(node) if _is_tr(call)}
    for context, texts in DYNAMIC.items():
        wanted |= {(context, text) for text in texts}
    return wanted


def test_every_ai_screen_string_has_english():
    english = read_ts(I18N_DIR / "en" / "ai_ui.ts")
    wanted = source_strings()
    assert len(wanted) > 100
    assert sorted(key for key in wanted if key not in english) == []
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in english.values())


@pytest.mark.gui
def test_the_zone_editor_speaks_english_when_switched(qtbot, qapp, shell, ai_site):
    from tests.video.ai.clips import background
    from widgets.ai.zone_editor import ZoneEditorDialog

    dialog = ZoneEditorDialog(shell.site, shell.reads.ai, ai_site.cameras["东门入口"], background())
    qtbot.addWidget(dialog)
    translator = TsTranslator("en")
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: dialog.save_button.text() == "Save zone")
        assert dialog.rule_box.itemText(1) == "Night zone" and dialog.rule_box.itemData(1) == "night"
        assert dialog.windowTitle() == "Zones — 东门入口"
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: dialog.save_button.text() == "保存区域")
