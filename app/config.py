"""Where the site's data lives and how this seat identifies itself."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.access.user import User

APP_NAME = "grid-command-centre"


DATA_DIR_ENV = "GCC_DATA_DIR"


def user_data_folder() -> Path:
    """The per-user folder a site's files go to when nothing names the site's own folder."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """This site's folder: its SQLite file (by default), logs, snapshots, window state, face key, demo
    media. The folder `site_folder` chose for this run (see `using_data_dir`), else the per-user folder."""
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else user_data_folder()
    path.mkdir(parents=True, exist_ok=True)
    return path


def site_folder(db_url: str | None, data_dir_option: str | Path | None) -> Path | None:
    """Where the files of the site a command names live, so that every file of a site stays together
    and two sites on one computer share nothing (window state, logs, the face key):

    `--data-dir DIR`, else GCC_DATA_DIR, else the folder of a SQLite `--db` file, else for a PostgreSQL
    `--db` a folder per database under the user data folder; None when nothing names a site (the
    per-user folder and its gcc.sqlite) or the database lives in memory."""
    if data_dir_option:
        return Path(data_dir_option).expanduser().resolve()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    if not db_url:
        return None
    try:
        url = make_url(db_url)
    except ArgumentError:
        return None  # the command's own open reports a malformed URL
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None
        return Path(database).expanduser().resolve().parent
    name = f"{url.host or 'local'}-{url.port or 'default'}-{url.database or 'default'}"
    return user_data_folder() / "sites" / re.sub(r"[^\w.-]+", "_", name)


@contextmanager
def using_data_dir(folder: Path | None) -> Iterator[None]:
    """Run a command with `data_dir()` at the site's folder (inherited by the processes it starts, such
    as the window its keeper runs); the previous setting is restored afterwards."""
    if folder is None:
        yield
        return
    previous = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = previous


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
