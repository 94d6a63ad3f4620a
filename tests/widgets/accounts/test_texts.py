"""Every string the accounts area shows has its English in resources/i18n/en/ (accounts.ts, and scope.ts
for the people's names and the grid scope)."""

import re
from pathlib import Path

from app.access import Role
from widgets.accounts.users_dialog import COLUMNS
from widgets.i18n import I18N_DIR, read_ts

AREA = Path(__file__).resolve().parents[3] / "widgets" / "accounts"


def test_every_string_and_role_name_has_english():
    english = read_ts(I18N_DIR / "en" / "accounts.ts") | read_ts(I18N_DIR / "en" / "scope.ts")
    sources = [path.read_text("utf-8") for path in AREA.glob("*.py")]
    shown = {m for text in sources for m in re.findall(r'\btr\(\s*"([^"]+)"', text)}
    shown |= set(COLUMNS) | {role.zh for role in Role}
    missing = sorted(text for text in shown if ("Accounts", text) not in english)
    people = {m for text in sources for m in re.findall(r'\bscope_tr\(\s*"([^"]+)"', text)}
    missing += sorted(text for text in people if ("AccountsPeople", text) not in english)
    assert people and not missing
