"""The ticket tests' small site, shared with the panel tests (the store fixtures are the shared ones)."""

from tests.app.tickets.conftest import (  # noqa: F401 -- fixtures
    both_db,
    db,
    desk,
    site,
)
