"""An alarm's words as the core means them: a message (its Chinese template) and the values it names.

The core stores the Chinese text it always stored (the alarm's title, an escalation's reason: search, the
ticket an alarm becomes, the command line and the audit read it) and, beside it, the message and its
values, so each screen words the alarm in its reader's language. Rows stored before carry no message
and show their stored text. No Qt here: a view passes its translate function in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

WORDING_KEY = "wording"  # in an alarm's detail JSON and in an escalation's audit detail

# message -> Chinese template; %1, %2 … are its values. The views translate the template itself (the
# English sits in resources/i18n/en/deskui11.ts, context "AlarmWords").
TEMPLATES = {
    "sos": "紧急呼叫(SOS)",
    "smoke": "烟雾报警",
    "gas": "燃气泄漏报警",
    "water": "水浸报警",
    "door_night": "夜间开门(重点关注老人)",
    "low_battery": "传感器电量低",
    "inactivity": "长时间无活动(%1小时)",
    "sensor_silent": "传感器%1小时无信号",
    "camera": "%1 · %2",  # an AI event's kind, the camera
    "camera_zone": "%1（%2） · %3",  # the kind, the zone, the camera
    "camera_night": "夜间%1 · %2",
    "camera_zone_night": "夜间%1（%2） · %3",
    "unacknowledged": "超过 %1 分钟无人确认",  # the escalation of an alarm nobody acknowledged
}
_PLACEHOLDER = re.compile(r"%(\d)")


@dataclass(frozen=True)
class Term:
    """A word of the product inside a message (an AI event's kind): translated, unlike the site's data."""

    zh: str


@dataclass(frozen=True)
class Wording:
    message: str
    values: tuple[str | Term, ...] = ()

    def __post_init__(self) -> None:
        if self.message not in TEMPLATES:
            raise ValueError(f"unknown alarm message {self.message!r}")

    def zh(self) -> str:
        """The Chinese text, as the core stores it."""
        return self.text(lambda source: source)

    def text(self, translate: Callable[[str], str]) -> str:
        """The text in the language `translate` speaks: the template and every term translated, the
        values as they are."""
        values = [translate(v.zh) if isinstance(v, Term) else v for v in self.values]
        return _fill(translate(TEMPLATES[self.message]), values)

    def stored(self) -> dict[str, Any]:
        """What goes into the JSON: {"message": …, "values": ["13", {"term": "陌生人逗留"}, …]}."""
        values = [{"term": v.zh} if isinstance(v, Term) else v for v in self.values]
        return {"message": self.message, "values": values}

    @classmethod
    def read(cls, stored: object) -> Wording | None:
        """The wording back from JSON; None for anything else (a row from before, another version's
        message), so the caller shows the stored text instead."""
        if not isinstance(stored, Mapping) or not isinstance(stored.get("values", []), list):
            return None
        values: list[str | Term] = []
        for value in stored.get("values", []):
            if isinstance(value, Mapping) and isinstance(value.get("term"), str):
                values.append(Term(value["term"]))
            elif isinstance(value, str | int | float):
                values.append(str(value))
            else:
                return None
        try:
            return cls(str(stored.get("message")), tuple(values))
        except ValueError:
            return None


def worded(detail: Mapping[str, Any], stored_text: str, translate: Callable[[str], str]) -> str:
    """An alarm's title (its detail) or an escalation's reason (its audit detail) in the language of
    `translate`; the stored text when no message was stored with it."""
    wording = Wording.read(detail.get(WORDING_KEY))
    return wording.text(translate) if wording is not None else stored_text


def _fill(template: str, values: list[str]) -> str:
    """%1 … %n replaced in one pass, so a value that itself contains "%2" stays as it is."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
