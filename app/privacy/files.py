"""Files that hold personal data (the SQLite store, backups, exports) readable by their owner only.

The umask of a desktop session usually leaves new files world-readable (0644); a roster export or a
copy of the store in a shared home or on a shared disk would then be readable by every account.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY = 0o600


def create_private(path: Path) -> None:
    """Create `path` empty with owner-only permissions, or make an existing file owner-only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, OWNER_ONLY)
    os.close(fd)
    os.chmod(path, OWNER_ONLY)


def make_private(path: Path) -> None:
    """Owner-only permissions for a file another library wrote (zipfile, sqlite3, openpyxl)."""
    os.chmod(path, OWNER_ONLY)
