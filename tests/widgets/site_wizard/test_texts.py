"""Every word the wizard and the 设置 entries show has its English in resources/i18n/en/site_setup.ts."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from widgets.i18n import I18N_DIR, read_ts

FOLDER = Path(__file__).resolve().parents[3] / "widgets" / "site_wizard"
CALL = re.compile(r'\btr\(\s*((?:"[^"]*"\s*)+)\)')


def _sources() -> set[str]:
    found: set[str] = set()
    for path in FOLDER.glob("*.py"):
        for literals in CALL.findall(path.read_text(encoding="utf-8")):
            found.add("".join(ast.literal_eval(part) for part in re.findall(r'"[^"]*"', literals)))
    return found


def test_every_wizard_text_has_english():
    english = read_ts(I18N_DIR / "en" / "site_setup.ts")
    sources = _sources()
    assert len(sources) > 60  # the extraction still finds the texts
    missing = sorted(text for text in sources if ("SiteSetup", text) not in english)
    assert not missing, missing
    assert all(english[("SiteSetup", text)] for text in sources)
