"""Every string the grid-work screens translate has its English in resources/i18n/en/grid_work_ui.ts
(context GridWork), including the names they translate from the core's enums and tables."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from app.grid_work.findings import FindingTag
from app.grid_work.volunteers import TeamKind
from app.grid_work.vote_rules import Threshold
from widgets.grid_work.meetings_form import ATTENDANCE, KINDS
from widgets.grid_work.micro_grid_dialog import ROLES
from widgets.grid_work.visits_dialog import PERIODS
from widgets.i18n import I18N_DIR, read_ts

WIDGETS = Path(__file__).resolve().parents[3] / "widgets"
# The pairing board and the fund (pairing_*, fund_*) keep their words in pairing.ts, tested beside them.
MODULES = [
    path
    for path in sorted((WIDGETS / "grid_work").glob("*.py"))
    if not path.name.startswith(("pairing", "fund"))
] + [WIDGETS / "map" / "visit_coverage.py"]


def source_strings() -> set[str]:
    found: set[str] = set()
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        for quote in ('"', "'"):
            pattern = rf"\btr\(\s*{quote}([^{quote}]+){quote}\s*\)"
            found |= {ast.literal_eval(f'"{s}"') for s in re.findall(pattern, text)}
        found |= set(re.findall(r'QCoreApplication\.translate\("GridWork", "([^"]+)"\)', text))
    found |= {tag.zh for tag in FindingTag} | {rule.zh for rule in Threshold} | {kind.zh for kind in TeamKind}
    found |= set(KINDS) | {label for _v, label in ATTENDANCE} | {label for _d, label in PERIODS}
    found |= {label for _v, label in ROLES} | {"网格工作"}  # the menu's title (widgets/menu_builder.py)
    return found


def test_every_grid_work_string_has_english():
    english = read_ts(I18N_DIR / "en" / "grid_work_ui.ts")
    missing = sorted(s for s in source_strings() if ("GridWork", s) not in english)
    assert not missing, missing
    assert all(english[("GridWork", s)].strip() for s in source_strings())
