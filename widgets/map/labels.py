"""Grid labels that never overlap: placed greedily by priority, checked against a bucket grid.

Coarser levels and larger grids claim space first; a label that would overlap one already placed, or
is wider than its grid on screen, is simply left out (the tooltip still names it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText

from widgets.map.style import LEVEL_STYLES

BUCKET_PX = 96
PADDING_PX = 3.0
BUILDING_NAME_WIDEST = "44号楼"


@dataclass
class LabelText:
    text: QStaticText
    font: QFont
    size: QSizeF


class LabelBook:
    """Prepared label texts per grid (layout is cached by QStaticText, so drawing is cheap)."""

    def __init__(self, family: str) -> None:
        self.family = family
        self._fonts: dict[int, QFont] = {}
        self._texts: dict[int, LabelText] = {}
        self._building_width: float | None = None

    def font(self, level: int) -> QFont:
        if level not in self._fonts:
            style = LEVEL_STYLES[level]
            font = QFont(self.family)
            font.setPointSizeF(style.label_pt)
            font.setWeight(QFont.Weight(style.label_weight))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[level] = font
        return self._fonts[level]

    def sibling_width(self, level: int) -> float:
        """Buildings are named "1号楼" … "44号楼": size them all by the longest so a row is all or none."""
        if level != 4:
            return 0.0
        if self._building_width is None:
            self._building_width = QFontMetricsF(self.font(4)).horizontalAdvance(BUILDING_NAME_WIDEST)
        return self._building_width

    def text(self, grid_id: int, name: str, level: int) -> LabelText:
        found = self._texts.get(grid_id)
        if found is None:
            font = self.font(level)
            static = QStaticText(name)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(font=font)
            metrics = QFontMetricsF(font)
            found = LabelText(static, font, QSizeF(metrics.horizontalAdvance(name), metrics.height()))
            self._texts[grid_id] = found
        return found


class LabelPlacer:
    """Remembers the screen rectangles taken so far and refuses any new one that overlaps them."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _keys(self, rect: QRectF):
        for bx in range(int(rect.left() // BUCKET_PX), int(rect.right() // BUCKET_PX) + 1):
            for by in range(int(rect.top() // BUCKET_PX), int(rect.bottom() // BUCKET_PX) + 1):
                yield bx, by

    def place(self, centre: QPointF, size: QSizeF) -> QRectF | None:
        """The rectangle claimed for a label centred at `centre`, or None when the space is taken."""
        rect = QRectF(
            centre.x() - size.width() / 2 - PADDING_PX,
            centre.y() - size.height() / 2 - PADDING_PX,
            size.width() + 2 * PADDING_PX,
            size.height() + 2 * PADDING_PX,
        )
        keys = list(self._keys(rect))
        for key in keys:
            if any(rect.intersects(other) for other in self._buckets.get(key, ())):
                return None
        for key in keys:
            self._buckets[key].append(rect)
        return rect
