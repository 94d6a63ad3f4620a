"""The seat's memory of its site (app/seat_state.py) with QSettings' `value` / `setValue`, so the window,
the ticket dock and the wall remember their layout in the site's database; Qt's byte arrays (saved
geometry and dock state) are kept as base64."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from app.seat_state import SeatMemory

BYTES = "base64"  # the tag of a stored QByteArray


class SeatSettings:
    def __init__(self, memory: SeatMemory) -> None:
        self.memory = memory

    def value(self, key: str, default: object = None) -> object:
        stored = self.memory.value(key)
        if isinstance(stored, dict) and set(stored) == {BYTES}:
            return QByteArray.fromBase64(str(stored[BYTES]).encode("ascii"))
        return default if stored is None else stored

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 (QSettings' name)
        if isinstance(value, QByteArray):
            value = {BYTES: bytes(value.toBase64().data()).decode("ascii")}
        self.memory.set_value(key, value)
