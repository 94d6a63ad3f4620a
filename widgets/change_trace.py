"""`gui --trace-changes FILE`: every change this seat's views hear, one JSON line each, as the GUI thread
receives it. For support ("did the seat hear the escalation?") and for tests that run real seats."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from app.events import Change
from widgets.bridge import QtBridge


class ChangeTrace(QObject):
    """Appends each change the bridge delivers to a file, flushed at once (a crash keeps what was heard)."""

    def __init__(self, bridge: QtBridge, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._file = path.open("a", encoding="utf-8")
        bridge.changed.connect(self.write)

    @Slot(object)
    def write(self, change: Change) -> None:
        self._file.write(json.dumps(change.as_dict(), ensure_ascii=False) + "\n")
        self._file.flush()
