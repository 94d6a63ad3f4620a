"""A window waiting at its sign-in (a keeper's restart after a crash, or after 注销) signs nobody in, but
the site keeps listening: an SOS heard meanwhile is stored, and pops up once somebody has signed in."""

from __future__ import annotations

import pytest

from alarms.sensor_event import SensorEvent
from alarms.service import AlarmService
from app.access import User
from app.config import Seat
from app.context import SiteContext
from app.events import EventHub
from app.store import Database
from runtime.leadership import Duties, Role
from runtime.reads import ReadModels
from runtime.sign_in_watch import keep_listening
from runtime.site import RuntimeOptions
from tests.alarms.site import build_site


@pytest.mark.parametrize("site_db", ["sqlite_db", pytest.param("pg_db", marks=pytest.mark.pg)])
def test_an_sos_heard_while_the_window_waits_at_sign_in_is_kept(request, site_db):
    db: Database = request.getfixturevalue(site_db)
    site = build_site(db)
    options = RuntimeOptions(duties=Duties.LEAD, kind="gui", sensors=False, claim_every_s=0.1)
    with keep_listening(Database(db.url), options) as watch:
        assert watch.running and watch.site.seat.user is None  # the local system, nobody signed in
        assert watch.leadership.wait_until(lambda role: role is Role.LEADING, 20)  # the alarm checks run
        (alarm_id,) = watch.ingest.handle(SensorEvent("rf433", "A1B2C3", "rf-1"))
    assert not watch.running  # stopped with the dialog: the window's own runtime takes over
    watch.site.db.dispose()
    operator = Seat.signed_in(User(5, "zhibanyuan", "operator"), "seat-1")
    pending = ReadModels(SiteContext(db, EventHub(), operator)).alarms.pending()
    assert [a.id for a in pending] == [alarm_id] and pending[0].household_id == site.household_id


def test_the_signed_in_window_pops_the_alarm_raised_before_it(qtbot, sqlite_db):
    from widgets.alarms.popup import AlarmPopup
    from widgets.alarms.sound import AlarmSound

    build_site(sqlite_db)
    options = RuntimeOptions(duties=Duties.STANDBY, kind="gui", sensors=False)
    with keep_listening(sqlite_db, options) as watch:
        (alarm_id,) = watch.ingest.handle(SensorEvent("rf433", "A1B2C3", "rf-1"))
    operator = Seat.signed_in(User(5, "zhibanyuan", "operator"), "seat-1")
    service = AlarmService(sqlite_db, EventHub(), operator)
    popup = AlarmPopup(service, sound=AlarmSound(player=("silent", lambda: None, lambda: None)))
    qtbot.addWidget(popup)
    popup.present_pending()  # what the alarm desk does once the window is up
    assert popup.alarm_ids == [alarm_id] and popup.isVisible()
