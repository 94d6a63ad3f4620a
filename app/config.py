"""Where the site's data lives and how this seat identifies itself."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

from app.access.user import User

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


# The actor of what a seat does with nobody signed in: the machine's own maintenance (`serve`, `backup`,
# `restore`, migrations, the first administrator). The operating-system account is not trusted as a
# name: it goes into the seat label only, so the audit says which login of which computer it was.
LOCAL_SYSTEM = "本机系统"


def _os_user() -> str:
    return os.environ.get("USER") or os.environ.get("USERNAME") or "?"


@dataclass(frozen=True)
class Seat:
    """Who is sitting at this seat: written into every audit entry.

    `user` is the signed-in account (app.access.User) and `operator` its name; without a user the
    seat is the local system."""

    operator: str = LOCAL_SYSTEM
    host: str = field(default_factory=socket.gethostname)
    user: User | None = None

    @classmethod
    def signed_in(cls, user: User, host: str | None = None) -> Seat:
        return cls(operator=user.name, host=host or socket.gethostname(), user=user)

    @property
    def label(self) -> str:
        if self.user is None and self.operator == LOCAL_SYSTEM:
            return f"{LOCAL_SYSTEM}({_os_user()})@{self.host}"
        return f"{self.operator}@{self.host}"
