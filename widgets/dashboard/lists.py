"""The wall's moving lists: the newest tickets scroll a row at a time, the newest open alarm flashes.

Both only animate what they were given (`show_lines`): the timers here move rows and colours, they
never read anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel

from app.site_clock import SiteClock
from runtime.read.dashboard import AlarmLine, TicketLine
from widgets.dashboard import style
from widgets.dashboard.texts import tr
from widgets.dashboard.tiles import Card

SCROLL_EVERY_MS = 3000
FLASH_EVERY_MS = 600
PRIORITY_COLOURS = {1: style.RED, 2: style.AMBER, 3: style.BLUE}


def _tickets(text: str) -> str:
    """Ticket states and categories have their English in the ticket area's context."""
    return QCoreApplication.translate("Tickets", text)


def when(clock: SiteClock, moment) -> str:
    """The time of day for today's, the date too for older ones (site time)."""
    local = clock.to_local(moment)
    return local.strftime("%H:%M" if local.date() == clock.today() else "%m-%d %H:%M")


class _Rows(Card):
    """A card with a fixed number of rows of cells; a row's cells are plain-text labels."""

    def __init__(self, title: str, rows: int, columns: int, empty: str) -> None:
        super().__init__(title)
        self.empty_source = empty
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(10)
        self.cells: list[list[QLabel]] = []
        for row in range(rows):
            cells = []
            for column in range(columns):
                label = QLabel()
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setObjectName("dashRow" if column else "dashRowMuted")
                grid.addWidget(label, row, column)
                cells.append(label)
            self.cells.append(cells)
        grid.setColumnStretch(columns - 2, 1)
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("dashEmpty")
        self.body.addWidget(self.empty)
        self.body.addLayout(grid)
        self.body.addStretch(1)

    def texts(self) -> list[str]:
        """Every text the card shows now (tests walk them)."""
        return [self.heading.text(), self.empty.text()] + [c.text() for row in self.cells for c in row]

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "empty"):
            self.empty.setText(tr(self.empty_source))


class ScrollingTickets(_Rows):
    """The newest tickets, newest first; more than fit scroll up one row every few seconds."""

    def __init__(self, clock: SiteClock, rows: int = 11) -> None:
        super().__init__("最新工单", rows, 4, "今日暂无工单")
        self.clock = clock
        self.lines: tuple[TicketLine, ...] = ()
        self.offset = 0
        self.timer = QTimer(self, interval=SCROLL_EVERY_MS)
        self.timer.timeout.connect(self.scroll)
        self.timer.start()

    def show_lines(self, lines: Sequence[TicketLine]) -> None:
        self.lines = tuple(lines)
        self.offset = 0  # a new ticket is read at the top first
        self._paint()

    def scroll(self) -> None:
        if len(self.lines) > len(self.cells):
            self.offset = (self.offset + 1) % len(self.lines)
            self._paint()

    def _paint(self) -> None:
        self.empty.setVisible(not self.lines)
        count = min(len(self.lines), len(self.cells))
        for index, cells in enumerate(self.cells):
            line = self.lines[(self.offset + index) % len(self.lines)] if index < count else None
            texts = ("", "", "", "") if line is None else self._texts(line)
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
            colour = style.RED if line is not None and line.overdue else style.TEXT
            cells[3].setStyleSheet(f"color: {colour};")

    def _texts(self, line: TicketLine) -> tuple[str, str, str, str]:
        state = _tickets(line.state) + (f" · {tr('超期')}" if line.overdue else "")
        return when(self.clock, line.at), _tickets(line.category), line.grid, state


class FlashingAlarms(_Rows):
    """The open alarms, newest first; the newest one's row flashes until it is handled."""

    def __init__(self, clock: SiteClock, rows: int = 11) -> None:
        super().__init__("未处置告警", rows, 4, "当前无未处置告警")
        self.clock = clock
        self.lines: tuple[AlarmLine, ...] = ()
        self.flash_on = False
        self.timer = QTimer(self, interval=FLASH_EVERY_MS)
        self.timer.timeout.connect(self.flash)

    def show_lines(self, lines: Sequence[AlarmLine]) -> None:
        self.lines = tuple(lines)
        self.empty.setVisible(not self.lines)
        for index, cells in enumerate(self.cells):
            line = self.lines[index] if index < len(self.lines) else None
            texts = ("", "", "", "") if line is None else self._texts(line)
            for cell, text in zip(cells, texts, strict=True):
                cell.setText(text)
            colour = PRIORITY_COLOURS.get(line.priority, style.TEXT) if line is not None else style.TEXT
            cells[1].setStyleSheet(f"color: {colour};")
        if self.lines:
            self.timer.start()
        else:
            self.timer.stop()
            self._paint_flash(False)

    def flash(self) -> None:
        self.flash_on = not self.flash_on
        self._paint_flash(self.flash_on)

    def _paint_flash(self, on: bool) -> None:
        background = style.RED if on else "transparent"
        for cell in self.cells[0]:
            cell.setStyleSheet(
                f"background: {background}; color: {style.TEXT if on else self._colour(cell)};"
            )

    def _colour(self, cell: QLabel) -> str:
        if cell is self.cells[0][1] and self.lines:
            return PRIORITY_COLOURS.get(self.lines[0].priority, style.TEXT)
        return style.MUTED if cell is self.cells[0][0] else style.TEXT

    def _texts(self, line: AlarmLine) -> tuple[str, str, str, str]:
        state = tr("已确认") if line.acknowledged else tr("待确认")
        return when(self.clock, line.at), f"P{line.priority} {tr(line.kind)}", line.grid, state
