"""Shared fixtures: a fresh site database on SQLite and, for `pg` tests, on the PostgreSQL server."""

from __future__ import annotations

import gc
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.store import Database

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every test site (and every process a test starts) seals personal data with this site secret, so
# no test writes a secret file into the user's data folder; the tests of the file itself unset it.
os.environ.setdefault("GCC_SITE_SECRET", "Z3JpZC1jb21tYW5kLWNlbnRyZS10ZXN0LXNlY3JldCE=")
PG_ADMIN_URL = os.environ.get("GCC_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread(request):
    """In Qt tests cyclic garbage is collected here, between tests, and never by a worker thread.

    Python's collector runs on whichever thread happens to allocate; if the garbage holds Qt objects,
    freeing them off the GUI thread crashes Qt. The application does the same with a timer (see
    widgets/), as pyqtgraph recommends. Tests without Qt keep the normal collector: a full collection
    after every test would cost minutes over the suite.
    """
    uses_qt = (
        "qtbot" in request.fixturenames
        or "qapp" in request.fixturenames
        or "widgets" in request.node.path.parts
    )
    if not uses_qt:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


def _pg_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file that each `sqlite_db` copies: migrating once per session, not per test."""
    path = tmp_path_factory.mktemp("template") / "site.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    with db.engine.connect() as connection:  # fold the WAL into the file so a plain copy is complete
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def sqlite_db(sqlite_template, tmp_path) -> Iterator[Database]:
    path = tmp_path / "site.sqlite"
    shutil.copyfile(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database that each `pg_db` copies: migrating once per session, not per test."""
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"gcc_template_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    template = Database(_pg_url(name))
    template.upgrade()
    template.dispose()  # CREATE DATABASE ... TEMPLATE needs the template without connections
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


@contextmanager
def _fresh_pg_db(pg_template: str) -> Iterator[Database]:
    name = f"gcc_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    db = Database(_pg_url(name))
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_db(pg_template) -> Iterator[Database]:
    """A throw-away PostgreSQL database, copied from the migrated template and dropped after the test."""
    with _fresh_pg_db(pg_template) as db:
        yield db


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request) -> Database:
    """The store on both back ends: every test using it runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_db")


@pytest.fixture
def other_db(db, request, sqlite_template, tmp_path) -> Iterator[Database]:
    """A second empty site database on the same back end as `db` (a site moved to a new database)."""
    if db.is_sqlite:
        path = tmp_path / "other.sqlite"
        shutil.copyfile(sqlite_template, path)
        other = Database(f"sqlite:///{path}")
        yield other
        other.dispose()
        return
    with _fresh_pg_db(request.getfixturevalue("pg_template")) as other:
        yield other


CLI_PASSWORD = "test-password-1"


@pytest.fixture
def cli_user(monkeypatch, tmp_path):
    """Signs the command line in as a real user of the site at `url` (admin unless told), through the
    same GCC_USER / GCC_PASSWORD_FILE (0600) a service uses: commands acting on the site need one."""
    from app.access.accounts import Accounts
    from app.commands.signin import PASSWORD_FILE_ENV, USER_ENV
    from app.config import Seat

    def sign_in(url: str, name: str = "测试管理员", role: str = "admin", **details) -> str:
        db = Database(url)
        db.upgrade()
        Accounts(db, Seat()).add(name, role, CLI_PASSWORD, **details)
        db.dispose()
        secret = tmp_path / f"{name}.password"
        secret.write_text(CLI_PASSWORD + "\n", encoding="utf-8")
        secret.chmod(0o600)
        monkeypatch.setenv(USER_ENV, name)
        monkeypatch.setenv(PASSWORD_FILE_ENV, str(secret))
        return name

    return sign_in


@pytest.fixture(scope="session")
def demo_site_file(tmp_path_factory):
    """The demo site built once per test session into a SQLite file (seed 7)."""
    from app.demo.site import build_demo_site

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    build_demo_site(db, seed=7)
    with db.engine.connect() as connection:  # fold the WAL into the file so a plain copy is complete
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_site_file, tmp_path) -> Iterator[Database]:
    """A private copy of the demo site: tests may change it freely."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_site_file, path)
    db = Database(f"sqlite:///{path}")
    yield db
    db.dispose()
