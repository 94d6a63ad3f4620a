"""The map coloured by each grid's SLA (时效) for a period: its on-time closure rate in four bands
from red to green, or its overdue steps in the overlay's classes, with a legend saying which.

The figures come from `ReportReads.grid_sla` (runtime/read/reports.py): tickets received and overdue
steps from the daily roll-ups, the on-time rate as `tickets kpi` counts it. The roll-ups hold levels 1
to 3, so micro grids stay uncoloured; a grid with no ticket closed in the period has no rate and is
drawn in the calm "no figure" colour rather than as good or bad.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.rollups.grid_sla import GridSla
from widgets.map.overlay import Colouring, Colours, LegendEntry, class_breaks, colour_for, legend
from widgets.map.scene import MapScene

NO_FIGURE = QColor(120, 130, 150, 70)
# (lowest rate of the band, colour), best first: the bands an office is judged by (≥ 95 % is good).
RATE_BANDS = (
    (0.95, QColor(60, 170, 90, 150)),
    (0.90, QColor(170, 200, 70, 150)),
    (0.80, QColor(245, 160, 50, 160)),
    (0.0, QColor(215, 45, 60, 185)),
)


def tr(text_: str) -> str:
    return QCoreApplication.translate("MapSla", text_)


@dataclass(frozen=True)
class SlaColours:
    colours: Colours
    title: str
    entries: list[LegendEntry]
    figures: dict[int, GridSla]  # by grid id, for the tooltip


def sla_line(sla: GridSla | None) -> str:
    """A grid's SLA in the map's tooltip."""
    if sla is None:
        return tr("本期无工单")
    rate = "—" if sla.on_time_rate is None else f"{sla.on_time_rate * 100:.1f}%"
    return (
        tr("按时办结率 {rate}（{t}/{h}）· 超期 {o} 次")
        .replace("{rate}", rate)
        .replace("{t}", str(sla.on_time))
        .replace("{h}", str(sla.handled))
        .replace("{o}", str(sla.overdue))
    )


def rate_colour(rate: float | None) -> QColor:
    if rate is None:
        return NO_FIGURE
    return next(colour for lowest, colour in RATE_BANDS if rate >= lowest)


def rate_legend() -> list[LegendEntry]:
    return [
        LegendEntry(RATE_BANDS[0][1], "≥ 95%"),
        LegendEntry(RATE_BANDS[1][1], "90% – 95%"),
        LegendEntry(RATE_BANDS[2][1], "80% – 90%"),
        LegendEntry(RATE_BANDS[3][1], "< 80%"),
        LegendEntry(NO_FIGURE, tr("本期无结案")),
    ]


def sla_colours(
    scene: MapScene, figures: Mapping[str, GridSla], colouring: Colouring, period_label: str
) -> SlaColours:
    """Fills for every grid of the scene the figures cover, and the legend of `colouring`."""
    by_code = {grid.code: grid_id for grid_id, grid in scene.grids.items()}
    values = {by_code[code]: sla for code, sla in figures.items() if code in by_code}
    if colouring == Colouring.SLA_ON_TIME:
        fills = {grid_id: rate_colour(sla.on_time_rate) for grid_id, sla in values.items()}
        for grid_id, grid in scene.grids.items():
            if grid_id not in fills and grid.level <= 3:
                fills[grid_id] = NO_FIGURE  # nothing received in the period
        title = tr("按时办结率") + f" · {period_label}"
        return SlaColours(Colours(fills, {}, {}), title, rate_legend(), values)
    counts = {grid_id: sla.overdue for grid_id, sla in values.items()}
    by_level: dict[int, list[int]] = {}
    for grid_id, grid in scene.grids.items():
        if grid.level <= 3:
            by_level.setdefault(grid.level, []).append(counts.get(grid_id, 0))
    breaks = {level: class_breaks(found) for level, found in by_level.items()}
    fills = {
        grid_id: colour_for(counts.get(grid_id, 0), breaks[grid.level])
        for grid_id, grid in scene.grids.items()
        if grid.level <= 3
    }
    title = tr("超期次数") + f" · {period_label}"
    return SlaColours(Colours(fills, breaks, counts), title, [], values)


def overdue_legend(colours: SlaColours, level: int) -> list[LegendEntry]:
    """The overdue classes of the level the view shows (as the count colourings' legend does)."""
    return legend(colours.colours.breaks_by_level.get(level, [1, 2, 3, 4]))
