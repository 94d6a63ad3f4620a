"""How the map colours the grids by what is filed in them (the counts come from `MapReads.overlay`).

Counts arrive per grid where the ticket or alarm is filed; a street's colour is the sum over its whole
subtree, so every level tells the truth about what lies inside it. Class breaks are chosen from the
values of the level being coloured, and the legend shows exactly those classes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from runtime.read.map import MapOverlay
from widgets.map.scene import MapScene
from widgets.map.style import OVERLAY_RAMP, OVERLAY_ZERO


class Colouring(StrEnum):
    NONE = "none"
    OPEN_TICKETS = "open_tickets"
    OVERDUE_TICKETS = "overdue_tickets"
    ALARMS = "alarms"
    SLA_ON_TIME = "sla_on_time"  # the period's on-time closure rate (widgets/map/sla_colouring.py)
    SLA_OVERDUE = "sla_overdue"  # the period's overdue steps, from the roll-ups

    @property
    def is_sla(self) -> bool:
        return self in (Colouring.SLA_ON_TIME, Colouring.SLA_OVERDUE)

    def label(self) -> str:
        return {
            "none": QCoreApplication.translate("MapOverlay", "不着色"),
            "open_tickets": QCoreApplication.translate("MapOverlay", "按未办结工单"),
            "overdue_tickets": QCoreApplication.translate("MapOverlay", "按超期工单"),
            "alarms": QCoreApplication.translate("MapOverlay", "按告警次数"),
            "sla_on_time": QCoreApplication.translate("MapOverlay", "按时效：按时办结率"),
            "sla_overdue": QCoreApplication.translate("MapOverlay", "按时效：超期次数"),
        }[self.value]


def coloured_counts(overlay: MapOverlay, colouring: Colouring) -> Mapping[int, int]:
    """The counts per grid that `colouring` paints (none for no colouring)."""
    return {
        Colouring.OPEN_TICKETS: overlay.open_tickets,
        Colouring.OVERDUE_TICKETS: overlay.overdue_tickets,
        Colouring.ALARMS: overlay.alarms,
    }.get(colouring, {})


def subtree_totals(scene: MapScene, counts: Mapping[int, int]) -> dict[int, int]:
    """Each grid's count plus everything filed below it."""
    totals: dict[int, int] = {}

    def total(grid_id: int) -> int:
        grid = scene.grids[grid_id]
        value = counts.get(grid_id, 0) + sum(total(child) for child in grid.children)
        totals[grid_id] = value
        return value

    for root in scene.roots:
        total(root)
    return totals


def class_breaks(values: list[int]) -> list[int]:
    """Lower bounds of up to four classes above zero, starting at 1 and strictly increasing."""
    top = max(values, default=0)
    if top <= len(OVERLAY_RAMP):
        return list(range(1, len(OVERLAY_RAMP) + 1))
    bounds = [1] + [max(2, math.ceil(top * k / len(OVERLAY_RAMP))) for k in range(1, len(OVERLAY_RAMP))]
    out: list[int] = []
    for bound in bounds:
        if not out or bound > out[-1]:
            out.append(bound)
    return out


def colour_for(value: int, breaks: list[int]) -> QColor:
    if value <= 0:
        return OVERLAY_ZERO
    index = max(i for i, lower in enumerate(breaks) if value >= lower)
    return OVERLAY_RAMP[min(index, len(OVERLAY_RAMP) - 1)]


@dataclass(frozen=True)
class LegendEntry:
    colour: QColor
    text: str


def legend(breaks: list[int]) -> list[LegendEntry]:
    """The classes as a legend: "0", "1", "2–4", "≥ 9" ..."""
    entries = [LegendEntry(OVERLAY_ZERO, "0")]
    for i, lower in enumerate(breaks):
        upper = breaks[i + 1] - 1 if i + 1 < len(breaks) else None
        if upper is None:
            text = f"≥ {lower}" if len(breaks) > 1 and lower > 1 else f"{lower}+"
        elif upper == lower:
            text = str(lower)
        else:
            text = f"{lower}–{upper}"
        entries.append(LegendEntry(OVERLAY_RAMP[i], text))
    return entries


@dataclass
class Colours:
    """Overlay fills for the grids of each level, with the breaks used per level."""

    fills: dict[int, QColor]
    breaks_by_level: dict[int, list[int]]
    totals: dict[int, int]


def overlay_colours(scene: MapScene, counts: Mapping[int, int]) -> Colours:
    totals = subtree_totals(scene, counts)
    by_level: dict[int, list[int]] = {}
    for grid_id, value in totals.items():
        by_level.setdefault(scene.grids[grid_id].level, []).append(value)
    breaks = {level: class_breaks(values) for level, values in by_level.items()}
    fills = {
        grid_id: colour_for(value, breaks[scene.grids[grid_id].level]) for grid_id, value in totals.items()
    }
    return Colours(fills, breaks, totals)
