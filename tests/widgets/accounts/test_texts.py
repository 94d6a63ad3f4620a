"""Every string the accounts area shows has its English in resources/i18n/en/accounts.ts."""

import re
from pathlib import Path

from app.access import Role
from widgets.accounts.users_dialog import COLUMNS
from widgets.i18n import I18N_DIR, read_ts

AREA = Path(__file__).resolve().parents[3] / "widgets" / "accounts"


def test_every_string_and_role_name_has_english():
    english = read_ts(I18N_DIR / "en" / "accounts.ts")
    shown = {
        m for path in AREA.glob("*.py") for m in re.findall(r'\btr\(\s*"([^"]+)"', path.read_text("utf-8"))
    }
    shown |= set(COLUMNS) | {role.zh for role in Role}
    missing = sorted(text for text in shown if ("Accounts", text) not in english)
    assert not missing
