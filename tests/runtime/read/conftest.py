"""The ticket tests' small site, for the ticket reader (the store fixtures are the shared ones)."""

from tests.app.tickets.conftest import (  # noqa: F401 -- fixtures
    db,
    desk,
    site,
)
