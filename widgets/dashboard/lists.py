"""The wall's moving lists: the newest tickets scroll a row at a time, the newest open alarm flashes.

Both only animate what they were given (`show_lines`): the timers here move rows and colours, they
never read anything.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy

from app.site_clock import SiteClock
from runtime.read.dashboard import AlarmLine, TicketLine
from widgets.dashboard import style
from widgets.dashboard.texts import tr
from widgets.dashboard.tiles import Card

SCROLL_EVERY_MS = 3000
FLASH_EVERY_MS = 600
PRIORITY_COLOURS = {1: style.RED, 2: style.AMBER, 3: style.BLUE}
NEWEST_BACKGROUND = "#123a66"


def _tickets(text: str) -> str:
    """Ticket states and categories have their English in the ticket area's context."""
    return QCoreApplication.translate("Tickets", text)


def when(clock: SiteClock, moment) -> str:
    """The time of day for today's, the date too for older ones (site time)."""
    local = clock.to_local(moment)
    return local.strftime("%H:%M" if local.date() == clock.today() else "%m-%d %H:%M")


COLUMN_WIDTHS = (160, 250, 0, 200)  # time, what, grid (the rest), state


class _Rows(Card):
    """A card with a fixed number of rows; a row is a frame (it lights up whole) of plain-text cells."""

    def __init__(self, title: str, rows: int, empty: str) -> None:
        super().__init__(title)
        self.empty_source = empty
        self.frames: list[QFrame] = []
        self.cells: list[list[QLabel]] = []
        self.empty = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("dashEmpty")
        self.body.addWidget(self.empty)
        for _ in range(rows):
            frame = QFrame()
            frame.setObjectName("dashListRow")
            line = QHBoxLayout(frame)
            line.setContentsMargins(8, 3, 8, 3)
            line.setSpacing(16)
            cells = []
            for column, width in enumerate(COLUMN_WIDTHS):
                label = QLabel()
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setObjectName("dashRow" if column else "dashRowMuted")
                if width:
                    label.setFixedWidth(width)
                else:  # the grid's name takes the room left, and is cut rather than widen the wall
                    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                if column == len(COLUMN_WIDTHS) - 1:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                line.addWidget(label, 0 if width else 1)
                cells.append(label)
            self.body.addWidget(frame)
            self.frames.append(frame)
            self.cells.append(cells)
        self.body.addStretch(1)

    def light(self, row: int, background: str) -> None:
        self.frames[row].setStyleSheet(f"#dashListRow {{ background: {background}; border-radius: 6px; }}")

    def colour(self, row: int, column: int, colour: str) -> None:
        self.cells[row][column].setStyleSheet(f"color: {colour};")

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "empty"):
            self.empty.setText(tr(self.empty_source))


class ScrollingTickets(_Rows):
    """The newest ticket lit on the top row; under it the next newest scroll up one row every few
    seconds when more arrived than the rows hold."""

    def __init__(self, clock: SiteClock, rows: int = 11) -> None:
        super().__init__("最新工单", rows, "暂无工单")
        self.clock = clock
        self.lines: tuple[TicketLine, ...] = ()
        self.offset = 0
        self.timer = QTimer(self, interval=SCROLL_EVERY_MS)
        self.timer.timeout.connect(self.scroll)
        self.timer.start()

    def show_lines(self, lines: Sequence[TicketLine]) -> None:
        self.lines = tuple(lines)
        self.offset = 0  # the list starts again from the newest
        self._paint()

    def scroll(self) -> None:
        rest = len(self.lines) - 1
        if rest > len(self.cells) - 1:
            self.offset = (self.offset + 1) % rest
            self._paint()

    def shown(self) -> list[TicketLine | None]:
        """The line on each row now: the newest first, then the scrolling ones."""
        rest = self.lines[1:]
        rows: list[TicketLine | None] = [self.lines[0] if self.lines else None]
        for index in range(len(self.cells) - 1):
            rows.append(rest[(self.offset + index) % len(rest)] if index < len(rest) else None)
        return rows

    def _paint(self) -> None:
        self.empty.setVisible(not self.lines)
        for index, line in enumerate(self.shown()):
            texts = ("", "", "", "") if line is None else self._texts(line)
            for cell, text in zip(self.cells[index], texts, strict=True):
                cell.setText(text)
            self.colour(index, 3, style.RED if line is not None and line.overdue else style.TEXT)
        self.light(0, NEWEST_BACKGROUND if self.lines else "transparent")

    def _texts(self, line: TicketLine) -> tuple[str, str, str, str]:
        state = _tickets(line.state) + (f" · {tr('超期')}" if line.overdue else "")
        return when(self.clock, line.at), _tickets(line.category), line.grid, state


class FlashingAlarms(_Rows):
    """The open alarms, newest first; the newest one's row flashes until it is handled."""

    def __init__(self, clock: SiteClock, rows: int = 11) -> None:
        super().__init__("未处置告警", rows, "当前无未处置告警")
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
            self.colour(index, 1, self._kind_colour(line))
        if self.lines:
            self.timer.start()
        else:
            self.timer.stop()
            self._paint_flash(False)

    def flash(self) -> None:
        self.flash_on = not self.flash_on
        self._paint_flash(self.flash_on)

    def _paint_flash(self, on: bool) -> None:
        self.light(0, style.RED if on else "transparent")
        self.colour(0, 1, style.TEXT if on else self._kind_colour(self.lines[0] if self.lines else None))

    @staticmethod
    def _kind_colour(line: AlarmLine | None) -> str:
        return style.TEXT if line is None else PRIORITY_COLOURS.get(line.priority, style.TEXT)

    def _texts(self, line: AlarmLine) -> tuple[str, str, str, str]:
        state = tr("已确认") if line.acknowledged else tr("待确认")
        return when(self.clock, line.at), f"P{line.priority} {tr(line.kind)}", line.grid, state
