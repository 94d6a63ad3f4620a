"""The ticket tests' small site and fast databases, shared with the panel tests."""

from tests.app.tickets.conftest import (  # noqa: F401 -- fixtures
    _pg_template,
    _sqlite_template,
    both_db,
    db,
    desk,
    pg_db,
    site,
    sqlite_db,
)
