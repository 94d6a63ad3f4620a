"""Where the site's data lives and how this seat identifies itself."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "grid-command-centre"


def data_dir() -> Path:
    """The per-user folder for the embedded database, snapshots and settings."""
    override = os.environ.get("GCC_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """The embedded SQLite database in the user's data folder."""
    return f"sqlite:///{data_dir() / 'gcc.sqlite'}"


@dataclass(frozen=True)
class Seat:
    """Who is sitting at this seat: written into every audit entry."""

    operator: str = field(default_factory=lambda: os.environ.get("USER", "operator"))
    host: str = field(default_factory=socket.gethostname)

    @property
    def label(self) -> str:
        return f"{self.operator}@{self.host}"
