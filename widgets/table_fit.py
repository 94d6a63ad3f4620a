"""Tables that fit their dock: dense rows, and columns that share the width instead of scrolling.

Columns sized to their contents (ResizeToContents) grow and shrink with every new row, so the table
jumps sideways while nobody touches it, and on a 1366x768 laptop the alarm list was cut after 告警 with
a scroll bar under three rows. `FitColumns` gives each column at least its minimum and shares the rest
by weight when the table's width changes (not when its rows do); texts and headers elide (…), the full
text is in the row's detail. When even the minimums do not fit, the columns that matter least are
hidden first (their `drop` rank), so a row is always read whole across the width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_PADDING_PX = 8  # above and below the text of a dense row


# A cell's room around a sample text: the theme's padding (6 px a side), the style's text margins and
# the grid line; less and Qt elides the last characters.
SAMPLE_PADDING_PX = 28


@dataclass(frozen=True)
class Column:
    min_px: int  # narrower than this the column is hidden instead
    weight: float = 0.0  # its share of the width left over after every shown column's minimum
    drop: int = 0  # 0: never hidden; higher ranks are hidden first when the table is narrow
    sample: str = ""  # a text that must show whole (a timestamp): measured in the table's font when fitted

    def measured(self, metrics: QFontMetrics) -> Column:
        if not self.sample:
            return self
        return replace(
            self, min_px=max(self.min_px, metrics.horizontalAdvance(self.sample) + SAMPLE_PADDING_PX)
        )


def dense_rows(table: QTableView) -> None:
    """Rows one text line high plus a little padding (the style's default is ~30 px)."""
    height = table.fontMetrics().height() + ROW_PADDING_PX
    table.verticalHeader().setMinimumSectionSize(height)
    table.verticalHeader().setDefaultSectionSize(height)


def share_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Each column's width for a table `width` pixels wide; 0 for a hidden column. The shown columns
    fill the width exactly (the last one takes the pixels rounding left over)."""
    shown = list(range(len(columns)))
    for rank in sorted({c.drop for c in columns if c.drop}, reverse=True):
        if sum(columns[i].min_px for i in shown) <= width:
            break
        shown = [i for i in shown if columns[i].drop != rank]
    spare = max(width - sum(columns[i].min_px for i in shown), 0)
    weights = sum(columns[i].weight for i in shown) or 1.0
    widths = [0] * len(columns)
    for i in shown:
        widths[i] = columns[i].min_px + int(spare * columns[i].weight / weights)
    if shown:
        widths[shown[-1]] += max(width - sum(widths), 0)
    return widths


class FitColumns(QObject):
    """Keeps a table's columns fitted to its width (see the module's docstring)."""

    def __init__(self, table: QTableView, columns: Sequence[Column]) -> None:
        super().__init__(table)
        self.table = table
        self.columns = tuple(columns)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumSectionSize(24)
        table.viewport().installEventFilter(self)
        table.installEventFilter(self)  # its font arrives with the theme's style sheet
        self.fit()

    def fit(self) -> None:
        metrics = self.table.fontMetrics()
        columns = [column.measured(metrics) for column in self.columns]
        widths = share_widths(columns, self.table.viewport().width())
        for column, width in enumerate(widths):
            self.table.setColumnHidden(column, width == 0)
            if width:
                self.table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False
