"""How the map looks: one style per grid level, overlay colour classes, markers, on the dark theme.

Colours follow the shell's control-room palette (widgets/theme.py): a deep navy ground, cyan-blue
outlines that get finer and dimmer the deeper the level, and warm colours only for what needs
attention (tickets, alarms), so an operator's eye goes there first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

BACKGROUND = QColor("#0b1320")
TEXT = QColor("#dce6f2")
HALO = QColor(8, 14, 24, 230)  # the dark rim around label text
SELECTION = QColor("#ffd54a")
HOVER_FILL = QColor(47, 140, 255, 60)
FOCUS_DIM = QColor(4, 9, 16, 120)  # dims what lies outside the grid drilled into


@dataclass(frozen=True)
class LevelStyle:
    """How one level is drawn as a region (fill + edge) and as a boundary of its finer children."""

    fill: QColor
    edge: QColor
    edge_width: float  # device pixels when the level is the one shown
    boundary_width: float  # device pixels when drawn over its children
    label_pt: float
    label_weight: int  # QFont.Weight value
    label_colour: QColor


LEVEL_STYLES: dict[int, LevelStyle] = {
    1: LevelStyle(QColor(30, 60, 100, 110), QColor("#4fa3ff"), 1.6, 2.6, 13.0, 700, QColor("#e8f1ff")),
    2: LevelStyle(QColor(28, 70, 96, 100), QColor("#3fc1d9"), 1.2, 1.8, 10.5, 600, QColor("#d6f3fa")),
    3: LevelStyle(QColor(30, 78, 84, 90), QColor("#5fb8a6"), 1.0, 1.4, 9.5, 500, QColor("#cfe9e3")),
    4: LevelStyle(QColor(120, 140, 170, 150), QColor("#b8c7dc"), 1.0, 1.0, 8.5, 500, QColor("#f0f4fa")),
}

# Overlay classes: 0 stays calm; then yellow to red as counts rise (colour-blind safe order of lightness).
OVERLAY_ZERO = QColor(40, 90, 70, 90)
OVERLAY_RAMP = (
    QColor(240, 200, 60, 120),
    QColor(245, 150, 50, 140),
    QColor(235, 90, 50, 160),
    QColor(210, 40, 60, 185),
)

CAMERA = QColor("#4fc3f7")
CAMERA_AI = QColor("#b388ff")
SENSOR = QColor("#81c784")
TICKET_PIN = QColor("#ffb74d")
TICKET_PIN_OVERDUE = QColor("#ef5350")
ALARM = QColor("#ff3b3b")
SEARCH_PIN = QColor("#ffd54a")
