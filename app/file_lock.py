"""Exclusive, non-blocking locks on open files, dropped by the operating system when the holder dies:
what keeps one leader per SQLite site and one reader per dongle on a computer."""

from __future__ import annotations

import os
from typing import IO

if os.name == "nt":  # pragma: no cover (the office PCs that run Windows)
    import msvcrt

    def try_lock(handle: IO[bytes]) -> bool:
        """True when this open file now holds the lock; False when another holder has it."""
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def unlock(handle: IO[bytes]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(handle: IO[bytes]) -> bool:
        """True when this open file now holds the lock; False when another holder has it."""
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
