"""Every string the alarm views show has English in resources/i18n/en/alarms.ts, and switching works."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from alarms.ingest import KIND_ZH
from widgets.alarms.alarm_list import ACTION_ZH, OUTCOME_ZH
from widgets.i18n import I18N_DIR, TsTranslator, read_ts

WIDGETS = Path(__file__).resolve().parents[3] / "widgets" / "alarms"
# Strings translated from a table at run time, by the class that shows them.
DYNAMIC = {
    "AlarmTableModel": set(OUTCOME_ZH.values()),
    "AlarmListPanel": set(OUTCOME_ZH.values()) | set(ACTION_ZH.values()),
    "LearnDialog": set(KIND_ZH.values()),
}
# A mixin's `self.tr` looks its text up in the context of the class it is mixed into first (PySide
# walks the MRO), so its English sits under that class.
MIXED_INTO = {"AlarmActions": "AlarmPopup"}


def source_strings() -> set[tuple[str, str]]:
    wanted: set[tuple[str, str]] = set()
    for path in sorted(WIDGETS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr"
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                    ):
                        wanted.add((MIXED_INTO.get(node.name, node.name), call.args[0].value))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                wanted.add((node.args[0].value, node.args[1].value))
    for context, texts in DYNAMIC.items():
        wanted |= {(context, text) for text in texts}
    for module in ("dispatch_preview.py", "popup_headline.py"):
        wanted |= _passed_tr_strings(WIDGETS / module, "AlarmPopup")
    return wanted


def _passed_tr_strings(path: Path, context: str) -> set[tuple[str, str]]:
    """The strings a module translates with the `tr` its caller passes in (the popup's)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        (context, call.args[0].value)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "tr"
        and call.args
        and isinstance(call.args[0], ast.Constant)
    }


def test_every_alarm_string_has_english():
    english = read_ts(I18N_DIR / "en" / "alarms.ts")
    wanted = source_strings()
    assert len(wanted) > 60
    missing = sorted(key for key in wanted if key not in english)
    assert missing == []
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in english.values())


@pytest.mark.gui
def test_the_popup_speaks_english_when_switched(qtbot, qapp, popup, service, site):
    from alarms.models import Priority
    from alarms.values import AlarmDraft

    translator = TsTranslator("en")
    qapp.installTranslator(translator)
    try:
        popup.present(
            service.raise_alarm(
                AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
            )
        )
        qtbot.waitUntil(lambda: popup.ack_button.text() == "&Acknowledge")
        assert "Emergency contact" in popup.card.body.text()
        assert popup.summary.text() == "1 alarms, 1 not acknowledged"
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: popup.ack_button.text() == "确认(&A)")
