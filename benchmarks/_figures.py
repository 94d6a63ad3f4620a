"""What every benchmark prints: one JSON object `{"figures": [{"name", "value", "unit", "target", "met"},
...]}` (plus any context the script adds), so figures from all scripts read and compare alike.

The scripts run as `python benchmarks/NAME.py`, which puts this folder on the path: `from _figures import ...`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any


def figure(
    name: str,
    value: float,
    unit: str,
    target: Any = None,
    met: bool | None = None,
    *,
    digits: int = 3,
    **extra: Any,
) -> dict[str, Any]:
    """One figure; `met` stays None where there is no target to meet."""
    return {"name": name, "value": round(value, digits), "unit": unit, "target": target, "met": met, **extra}


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank, no interpolation)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def print_figures(figures: list[dict[str, Any]], **context: Any) -> None:
    """The script's one line of output."""
    print(json.dumps({"figures": figures, **context}, ensure_ascii=False, default=str))
