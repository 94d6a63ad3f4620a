"""回放 of one alarm: the clip player (widgets/clips/player.py) over the alarm's ready clips."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.config import Seat
from app.store import Database
from runtime.clip_library import list_clips
from widgets.clips.player import ClipPlayerDialog
from widgets.clips.texts import tr


class ClipPlayer(ClipPlayerDialog):
    """The popup's and the alarm list's player: the alarm's clips, a camera chooser when several."""

    def __init__(self, db: Database, seat: Seat, alarm_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            db,
            seat,
            list_clips(db, alarm_id=alarm_id),
            tr("告警 %1 的录像回放").replace("%1", str(alarm_id)),
            tr("该告警还没有录像片段：正在录制，或附近没有本机画面墙上的摄像机"),
            "告警",
            parent,
        )
