"""A ticket's clips as entries of its timeline: when the event was, the camera, the length and a ▶ 回放
link (`clip:<id>`) the timeline's owner turns into the player."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl

from widgets.clips.texts import tr

CLIP_SCHEME = "clip"
CLIP_COLOUR = "#b388ff"


def clip_rows(clips: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(the event's time as the timeline sorts it, the entry's table row) for each clip."""
    rows = []
    for clip in clips:
        when = (clip["at"] or "").replace("T", " ")[:16]
        length = tr("%1 秒").replace("%1", f"{clip['seconds']:.0f}") if clip["seconds"] else ""
        rows.append(
            (
                clip["at"] or "",
                f"<tr><td style='color:#8fa3bf;white-space:nowrap;padding-right:8px'>{when}</td>"
                f"<td style='color:{CLIP_COLOUR};white-space:nowrap;padding-right:8px'>● {html.escape(tr('录像'))}</td>"
                f"<td>{html.escape(clip['camera'])} {html.escape(length)}　"
                f"<a href='{CLIP_SCHEME}:{clip['id']}' style='color:{CLIP_COLOUR}'>▶ {html.escape(tr('回放'))}</a>"
                "</td></tr>",
            )
        )
    return rows


def clip_of_link(url: QUrl) -> int | None:
    """The clip a timeline link plays, or None for any other link."""
    if url.scheme() != CLIP_SCHEME or not url.path().isdigit():
        return None
    return int(url.path())
