"""回放 from the lists: a button the alarm list and the AI event list compose in beside their rows,
and the player opened for an alarm, an AI event or a ticket (its own clips and its alarms').

The button shows how many ready clips the selected row has ("回放 (2)") and stays off without any, so
an operator sees at a glance which alarm has video; the count is one small query per selection, and
again when a clip of the selected row becomes ready (`Change(clip)`, `follow`), without reselecting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.context import SiteContext
from app.events import Change, Topic
from runtime.clip_library import clip_counts, list_clips
from widgets.alarms.clip_player import ClipPlayer
from widgets.bridge import QtBridge
from widgets.clips.player import ClipPlayerDialog
from widgets.clips.texts import tr

ALARM, AI_EVENT = "alarm", "ai_event"


def _shown(player: ClipPlayerDialog) -> ClipPlayerDialog:
    player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    player.show()
    return player


def play_alarm(site: SiteContext, alarm_id: int, parent: QWidget | None) -> ClipPlayerDialog:
    return _shown(ClipPlayer(site.db, site.seat, alarm_id, parent))


def play_ai_event(site: SiteContext, event_id: int, parent: QWidget | None) -> ClipPlayerDialog:
    return _shown(
        ClipPlayerDialog(
            site.db,
            site.seat,
            list_clips(site.db, ai_event_id=event_id),
            tr("AI 事件 %1 的录像回放").replace("%1", str(event_id)),
            tr("该事件还没有录像片段：正在录制，或不是需要录像的紧急事件"),
            "事件",
            parent,
        )
    )


def play_ticket(
    site: SiteContext, ticket_id: int, parent: QWidget | None, clip_id: int | None = None
) -> ClipPlayerDialog:
    """The ticket's clips (its own and its alarms'), starting with `clip_id` when given."""
    clips = list_clips(site.db, ticket_id=ticket_id)
    chosen = [clip for clip in clips if clip.id == clip_id] + [clip for clip in clips if clip.id != clip_id]
    return _shown(
        ClipPlayerDialog(
            site.db,
            site.seat,
            chosen,
            tr("工单 %1 的录像回放").replace("%1", str(ticket_id)),
            tr("该工单没有录像片段"),
            "告警",
            parent,
        )
    )


class ReplayButton(QPushButton):
    """回放 for the selected row of a list: `selected()` gives the row's id (None: nothing selected)."""

    def __init__(self, site: SiteContext, kind: str, selected: Callable[[], int | None], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}ReplayButton")
        self.site, self.kind, self.selected = site, kind, selected
        self._count_shown = 0
        self.clicked.connect(self.play)
        self._say()
        self.setEnabled(False)  # until the list has a selection to count: its owner calls refresh()

    def _say(self) -> None:
        self.setToolTip(tr("播放所选记录前后的录像（回放记入审计日志）"))
        self.setText(tr("回放") + (f" ({self._count_shown})" if self._count_shown else ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._say()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Count the selected row's ready clips again (the selection moved, or a clip became ready)."""
        row = self.selected()
        self._count_shown = 0 if row is None else self._count(row)
        self._say()
        self.setEnabled(self._count_shown > 0)

    def follow(self, bridge: QtBridge) -> None:
        """Count again when a clip of the selected row is finished (written here or by another process)."""
        bridge.on(Topic.CLIP, self._clip_finished, self)

    def _clip_finished(self, change: Change) -> None:
        row = self.selected()
        linked = change.payload.alarm_id if self.kind == ALARM else change.payload.ai_event_id
        if row is not None and linked == row:
            self.refresh()

    def _count(self, row: int) -> int:
        ids = {"alarm_ids": [row]} if self.kind == ALARM else {"ai_event_ids": [row]}
        return clip_counts(self.site.db, **ids).get((self.kind, row), 0)

    def play(self) -> ClipPlayerDialog | None:
        row = self.selected()
        if row is None:
            return None
        opener = play_alarm if self.kind == ALARM else play_ai_event
        return opener(self.site, row, self.window())
