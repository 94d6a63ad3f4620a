"""What the alarm service takes and gives: the draft of an alarm to raise, the detached view of a stored
one, and the error for an act that does not fit an alarm's state."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from alarms.models import Alarm, Priority
from alarms.wording import WORDING_KEY, Wording


class AlarmError(Exception):
    """An action that does not fit the alarm's state (say, acknowledging a handled alarm)."""


@dataclass(frozen=True)
class AlarmDraft:
    """An alarm about to be raised: what happened, where, and how urgent."""

    kind: str
    priority: Priority
    title: str
    source: str = "sensor"
    household_id: int | None = None
    grid_id: int | None = None
    sensor_id: int | None = None
    camera_id: int | None = None
    lon: float | None = None
    lat: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    wording: Wording | None = None  # the title's message: screens word it in their reader's language

    @classmethod
    def worded(cls, kind: str, priority: Priority, wording: Wording, **rest: Any) -> AlarmDraft:
        """A draft whose title is `wording`'s Chinese, the message kept beside it."""
        return cls(kind, priority, wording.zh(), wording=wording, **rest)

    def stored_detail(self) -> dict[str, Any]:
        """The detail as stored: the title's message under `WORDING_KEY` when there is one."""
        if self.wording is None:
            return self.detail
        return self.detail | {WORDING_KEY: self.wording.stored()}


@dataclass(frozen=True)
class AlarmView:
    """A detached snapshot of an alarm row, safe to hand to other threads and the ticket workflow."""

    id: int
    raised_at: datetime
    source: str
    kind: str
    priority: int
    state: str
    title: str
    household_id: int | None
    grid_id: int | None
    sensor_id: int | None
    camera_id: int | None
    lon: float | None
    lat: float | None
    detail: dict[str, Any]
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    ack_note: str | None
    handled_at: datetime | None
    handled_by: str | None
    outcome: str | None
    outcome_note: str | None
    ticket_id: int | None
    escalated_at: datetime | None

    @classmethod
    def of(cls, row: Alarm) -> AlarmView:
        return cls(
            **{name: getattr(row, name) for name in cls.__dataclass_fields__ if name != "detail"},
            detail=json.loads(row.detail or "{}"),
        )

    @classmethod
    def from_mapping(cls, row: Any) -> AlarmView:
        """From a Core row of `_VIEW_COLUMNS` (the state comes back as a plain string there)."""
        values = dict(row)
        values["detail"] = json.loads(values["detail"] or "{}")
        return cls(**values)

    def as_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for key, value in out.items():
            if isinstance(value, datetime):
                out[key] = value.isoformat(timespec="seconds")
        return out
