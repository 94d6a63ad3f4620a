"""The sites the read models are tested on: the ticket tests' small site (for the ticket reader), the
shell's small site and the alarm tests' site (the store fixtures are the shared ones)."""

from __future__ import annotations

import pytest

from app.context import SiteContext
from app.events import EventHub
from tests.alarms.site import Site, build_site
from tests.app.tickets.conftest import db, desk, site  # noqa: F401 (fixtures)
from tests.widgets.conftest import any_site, small_site  # noqa: F401 (fixtures shared with the shell's tests)


@pytest.fixture
def alarm_site(db) -> Site:  # noqa: F811 (the imported fixture)
    return build_site(db)


@pytest.fixture
def alarm_site_context(db, alarm_site) -> SiteContext:  # noqa: F811 (the imported fixture)
    return SiteContext(db, EventHub())
