"""The roll-ups are recounted when a site gets them (migration 0015_rollups) and when its days change (a new time zone)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import insert

from alarms.models import Alarm
from app.rollups.models import AlarmDaily
from app.rollups.rebuild import differences
from app.rollups.tickets import stored
from tests.app.tickets.conftest import IN_G1, IN_G3, at, build_site, make_desk, open_ticket


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def test_upgrading_an_old_site_counts_its_history(backend, request):
    db = request.getfixturevalue(f"{backend}_db")
    site = build_site(db)
    desk = make_desk(db)
    for place in (IN_G1, IN_G3, IN_G1):
        open_ticket(desk, where=place, when="2026-11-02T23:30")  # 23:30 Beijing: still the 2nd there
    with db.session() as session:
        session.execute(
            insert(Alarm),
            [
                {
                    "raised_at": at("2026-11-03T01:00"),
                    "source": "sensor",
                    "kind": "sos",
                    "priority": 1,
                    "state": "acknowledged",
                    "title": "SOS",
                    "grid_id": site.grids["G1"],
                    "acknowledged_at": at("2026-11-03T01:02"),
                }
            ],
        )
    command.downgrade(db._alembic_config(), "0007_site_settings")  # the site as it was before 0015
    db.upgrade()
    with db.session() as session:
        counted = stored(session)
        assert differences(session) == {}
        assert session.query(AlarmDaily).count() > 0
    whole_site = {key: c for key, c in counted.items() if key[1] == 0}
    assert sum(c["received"] for c in whole_site.values()) == 3
    assert {key[0].isoformat() for key in whole_site} == {"2026-11-02"}


def test_a_new_site_time_zone_recounts_the_days(db, site):
    from app.config import Seat
    from app.site_settings import save_profile

    desk = make_desk(db)
    open_ticket(desk, where=IN_G1, when="2026-11-02T07:30")  # 07:30 Beijing is 2026-11-01 23:30 UTC
    save_profile(db, Seat(operator="管理员"), "幸福社区", "UTC")
    with db.session() as session:
        days = {key[0].isoformat() for key in stored(session)}
        assert differences(session) == {}
    assert days == {"2026-11-01"}
