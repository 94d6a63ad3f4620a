"""An alarm's title and an escalation's reason in the reader's language, for every screen that shows them
(the popup, the alarm list and its history, the wall's alarm overlay): the core stores the message beside
its Chinese text (`alarms.wording`); a row stored before it did shows its stored text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from alarms.values import AlarmView
from alarms.wording import worded

CONTEXT = "AlarmWords"


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def alarm_title(view: AlarmView) -> str:
    return worded(view.detail, view.title, translate)


def step_note(detail: Mapping[str, Any]) -> str:
    """What a step of an alarm's history says: the note or reason typed, or the core's own reason."""
    stored = detail.get("note") or detail.get("reason") or ""
    return worded(detail, str(stored), translate)
