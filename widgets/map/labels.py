"""Grid labels that never overlap: placed greedily by priority, checked against a bucket grid.

Coarser levels claim space first. A name wider than its grid on screen is tried on two lines (the
街道/社区/镇 suffix under the rest), then smaller, then without its suffix; each form is tried at the
anchor and a little above, below or beside it, and taken where it lies wholly inside its grid (labels
inside their own grids cannot collide). Only a grid too small on screen for every form goes without
(the tooltip still names it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText

from widgets.map.style import LEVEL_STYLES

BUCKET_PX = 96
PADDING_PX = 3.0
BUILDING_NAME_WIDEST = "44号楼"
SMALLER = 0.82  # the smaller variant's share of the level's font size
SUFFIXES = ("街道", "社区", "小区", "号楼", "镇", "村")  # kept whole on the second line
# Offsets from the anchor tried in turn, in label widths and heights: nearer first.
NUDGES = tuple(
    sorted(
        ((dx, dy) for dx in (-0.5, -0.25, 0.0, 0.25, 0.5) for dy in (-1.0, -0.5, 0.0, 0.5, 1.0)),
        key=lambda d: (abs(d[0]) + abs(d[1]) / 2, d[1], d[0]),
    )
)


@dataclass
class LabelText:
    lines: list[QStaticText]
    font: QFont
    size: QSizeF  # of the whole block
    line_height: float

    @property
    def text(self) -> QStaticText:
        return self.lines[0]


def split_name(name: str) -> tuple[str, ...]:
    """A name on two lines: its 街道/社区/… suffix under the rest, else its two halves."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)], suffix
    if len(name) < 4:
        return (name,)
    middle = (len(name) + 1) // 2
    return name[:middle], name[middle:]


class LabelBook:
    """Prepared label texts per grid (layout is cached by QStaticText, so drawing is cheap)."""

    def __init__(self, family: str) -> None:
        self.family = family
        self._fonts: dict[tuple[int, float], QFont] = {}
        self._texts: dict[int, tuple[LabelText, ...]] = {}
        self._building_width: float | None = None

    def font(self, level: int, scale: float = 1.0) -> QFont:
        key = (level, scale)
        if key not in self._fonts:
            style = LEVEL_STYLES[level]
            font = QFont(self.family)
            font.setPointSizeF(style.label_pt * scale)
            font.setWeight(QFont.Weight(style.label_weight))
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[key] = font
        return self._fonts[key]

    def sibling_width(self, level: int) -> float:
        """Buildings are named "1号楼" … "44号楼": size them all by the longest so a row is all or none."""
        if level != 4:
            return 0.0
        if self._building_width is None:
            self._building_width = QFontMetricsF(self.font(4)).horizontalAdvance(BUILDING_NAME_WIDEST)
        return self._building_width

    def text(self, grid_id: int, name: str, level: int) -> LabelText:
        """The label as the level draws it: one line, full size."""
        return self.variants(grid_id, name, level)[0]

    def variants(self, grid_id: int, name: str, level: int) -> tuple[LabelText, ...]:
        """The ways a grid's name can be drawn, the preferred first: one line, two lines, both smaller,
        and last the name without its 街道/社区/… suffix."""
        found = self._texts.get(grid_id)
        if found is None:
            forms = [
                (lines, scale)
                for scale in (1.0, SMALLER)
                for lines in dict.fromkeys(((name,), split_name(name)))
            ]
            lines = split_name(name)
            if (
                len(lines) == 2 and lines[1] in SUFFIXES
            ):  # last: the name without 街道/社区 (the tooltip has it)
                forms.append(((lines[0],), SMALLER))
            found = tuple(self._prepare(lines, self.font(level, scale)) for lines, scale in forms)
            self._texts[grid_id] = found
        return found

    @staticmethod
    def _prepare(lines: tuple[str, ...], font: QFont) -> LabelText:
        metrics = QFontMetricsF(font)
        prepared = []
        for line in lines:
            static = QStaticText(line)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
            static.prepare(font=font)
            prepared.append(static)
        width = max(metrics.horizontalAdvance(line) for line in lines)
        return LabelText(prepared, font, QSizeF(width, metrics.height() * len(lines)), metrics.height())


class LabelPlacer:
    """Remembers the screen rectangles taken so far and refuses any new one that overlaps them."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[int, int], list[QRectF]] = defaultdict(list)

    def _keys(self, rect: QRectF):
        for bx in range(int(rect.left() // BUCKET_PX), int(rect.right() // BUCKET_PX) + 1):
            for by in range(int(rect.top() // BUCKET_PX), int(rect.bottom() // BUCKET_PX) + 1):
                yield bx, by

    @staticmethod
    def _padded(centre: QPointF, size: QSizeF) -> QRectF:
        return QRectF(
            centre.x() - size.width() / 2 - PADDING_PX,
            centre.y() - size.height() / 2 - PADDING_PX,
            size.width() + 2 * PADDING_PX,
            size.height() + 2 * PADDING_PX,
        )

    def _free(self, rect: QRectF) -> bool:
        return not any(
            rect.intersects(other) for key in self._keys(rect) for other in self._buckets.get(key, ())
        )

    def _claim(self, rect: QRectF) -> QRectF:
        for key in self._keys(rect):
            self._buckets[key].append(rect)
        return rect

    def place(self, centre: QPointF, size: QSizeF) -> QRectF | None:
        """The rectangle claimed for a label centred at `centre`, or None when the space is taken."""
        rect = self._padded(centre, size)
        return self._claim(rect) if self._free(rect) else None

    def place_near(self, anchor: QPointF, size: QSizeF, allowed: Callable[[QRectF], bool]) -> QRectF | None:
        """The first free rectangle centred at the anchor or nudged off it (NUDGES) that `allowed`
        accepts (the label's own grid holds it); None when there is none."""
        for dx, dy in NUDGES:
            centre = QPointF(anchor.x() + dx * size.width(), anchor.y() + dy * size.height())
            rect = self._padded(centre, size)
            if self._free(rect) and allowed(QRectF(rect.topLeft(), size).translated(PADDING_PX, PADDING_PX)):
                return self._claim(rect)
        return None
