"""Every string the clip views show has English in resources/i18n/en/clips_ui.ts (or clips23.ts)."""

from __future__ import annotations

import re
from pathlib import Path

from widgets.i18n import I18N_DIR, read_ts

CLIP_VIEWS = Path(__file__).resolve().parents[3] / "widgets" / "clips"
EVENT_WORDS = {"告警", "事件"}  # PlaybackSource.event_word, translated when shown


def test_every_clip_view_string_has_english():
    english = read_ts(I18N_DIR / "en" / "clips_ui.ts") | read_ts(I18N_DIR / "en" / "clips23.ts")
    wanted = EVENT_WORDS | {
        "告警 %1 的录像回放",
        "该告警还没有录像片段：正在录制，或附近没有本机画面墙上的摄像机",
    }
    for path in CLIP_VIEWS.glob("*.py"):
        wanted |= set(re.findall(r'\btr\(["\']([^"\']+)["\']\)', path.read_text(encoding="utf-8")))
    missing = sorted(text for text in wanted if ("ClipsUi", text) not in english)
    assert not missing, missing
    assert english[("ClipsUi", "%1前 %2 秒")] == "%2 s before the %1"
