"""The numbers in a Zigbee2MQTT state, checked before anything uses them.

Python's JSON reader takes NaN and Infinity, and a faulty or forged device can send any number. One
bad field must never cost the message: `{"action":"sos","battery":NaN}` once failed on `int(NaN)`
and the SOS was lost. A value that is not a finite number in its range is left out, the rest of the
state is used, and the event carries a note saying what was left out and why.
"""

from __future__ import annotations

import math
from typing import Any

# Ranges a real device reports in (Zigbee2MQTT's units): percent, millivolts, °C, percent, 0-255.
RANGES: dict[str, tuple[float, float]] = {
    "battery": (0, 100),
    "voltage": (0, 10_000),
    "temperature": (-60, 100),
    "humidity": (0, 100),
    "linkquality": (0, 255),
}


def checked_state(state: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The state without the numbers that cannot be true, and a note for each one left out."""
    kept: dict[str, Any] = {}
    notes: list[str] = []
    for key, value in state.items():
        problem = _problem(key, value)
        if problem is None:
            kept[key] = value
        else:
            notes.append(f"{key}={value!r} 已忽略 ignored: {problem}")
    return kept, tuple(notes)


def _problem(key: str, value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return "不是有限数 not a finite number"
    if key not in RANGES:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "不是数字 not a number"
    low, high = RANGES[key]
    if not low <= value <= high:
        return f"超出范围 out of range {low:g}..{high:g}"
    return None
