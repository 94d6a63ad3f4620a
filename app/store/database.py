"""Engine, sessions and schema upgrades for one site database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.privacy.files import make_private

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A problem with the database that the user can act on (said in plain words)."""


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets the UI read while the single writer writes; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _owner_only_when_new(path: Path) -> Callable[..., None]:
    """The store holds the roster: a file SQLite has just created (still empty) is made owner-only
    before anything is written to it; SQLite gives its -wal and -shm files the same permissions. A
    file that already holds a site keeps the permissions its owner gave it."""

    def tighten(_dbapi_connection, _record) -> None:
        if path.exists() and path.stat().st_size == 0:
            make_private(path)

    return tighten


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use psycopg 3 for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


class Database:
    """One site's store: an engine, a session factory and the Alembic schema version."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs: dict = {"echo": echo, "future": True}
        if not self.is_sqlite:
            kwargs |= {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            if parsed.database not in (None, "", ":memory:"):
                event.listen(self.engine, "connect", _owner_only_when_new(Path(parsed.database)))
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def safe_url(self) -> str:
        """The URL with any password masked, for logs and the status bar."""
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def _alembic_config(self) -> Config:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = self.engine
        return config

    def upgrade(self) -> None:
        """Bring the schema to the newest version (all branches)."""
        command.upgrade(self._alembic_config(), "heads")

    def is_current(self) -> bool:
        """True when every migration has been applied."""
        script = ScriptDirectory.from_config(self._alembic_config())
        with self.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
        return current == set(script.get_heads())

    def dispose(self) -> None:
        self.engine.dispose()
