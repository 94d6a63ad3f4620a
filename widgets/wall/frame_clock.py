"""One timer that brings new pictures to all tiles of a wall.

A signal per frame per tile (21 streams at 15 fps: 315 a second) costs a cross-thread event, a Python
slot call and a repaint pass each. Instead the capture threads only store the newest picture in their
display sink, and this clock looks at every showing tile a few times per frame interval and hands the
new pictures over together, so the wall repaints them in one pass.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer

TICK_MS = 15  # well under a 25 fps frame interval, so no frame is skipped for waiting on the clock


class FrameTaker(Protocol):
    def take_new_frame(self) -> None:
        """Take the newest picture if the stream has one the tile has not shown (GUI thread)."""


class FrameClock(QObject):
    """Ticks while at least one tile has an open display sink; each tick lets every such tile take a new picture."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._tiles: list[FrameTaker] = []
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may slip by 5%, skipping frames
        self._timer.timeout.connect(self.tick)

    def attach(self, tile: FrameTaker) -> None:
        if tile not in self._tiles:
            self._tiles.append(tile)
            if not self._timer.isActive():
                self._timer.start()

    def detach(self, tile: FrameTaker) -> None:
        if tile in self._tiles:
            self._tiles.remove(tile)
            if not self._tiles:
                self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def tick(self) -> None:
        for tile in tuple(self._tiles):  # a tile may detach while taking (its stream switched)
            tile.take_new_frame()
