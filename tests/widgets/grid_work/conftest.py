"""The grid-work screens on a private copy of the demo site (it carries visits, votes, meetings and
volunteer activities), signed in as an administrator."""

from __future__ import annotations

import pytest

from app.config import Seat
from tests.widgets.conftest import ADMIN_SEAT


@pytest.fixture
def demo_context(qapp, demo_db, tmp_path):
    from widgets.shell_context import ShellSettings, build_shell_context
    from widgets.theme import apply_theme

    apply_theme(qapp)
    seat = Seat.signed_in(ADMIN_SEAT.user, f"seat-{tmp_path.name}")
    context = build_shell_context(demo_db, ShellSettings(path=tmp_path / "window.ini"), seat)
    yield context
    context.bridge.close()
