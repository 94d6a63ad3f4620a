"""One clock: every time a seat shows is in the site's zone, whatever zone the computer is set to.

The seat's texts are produced in child processes started under TZ=UTC and TZ=America/New_York and must
be identical (and in Beijing time); the conversions themselves are checked for a zone with summer time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alarms.models import Priority
from alarms.service import AlarmService
from alarms.values import AlarmDraft
from app.config import Seat
from app.events import EventHub
from app.site_clock import SHORT, SiteClock
from app.site_settings import save_profile
from app.store import Database
from app.tickets import Intake
from tests.app.tickets.conftest import IN_G1, build_site, make_desk

ROOT = Path(__file__).resolve().parents[2]
CREATED_UTC = datetime(2026, 11, 2, 4, 48)  # 12:48 in Beijing, a Monday

# What a seat shows: the ticket as the command line prints it, the alarm list's time column, the wall card, a change as `events tail` prints it, and the status bar clock's date/hour.
SEAT_TEXTS = r"""
import contextlib, io, json, sys
from datetime import datetime
from PySide6.QtWidgets import QApplication, QLabel
from alarms.history import AlarmFilter
from alarms.service import AlarmService
from app.context import SiteContext
from app.events import Change, TicketChanged, Topic
from app.store import Database
from main import main
from runtime.commands import describe
from runtime.reads import ReadModels
from widgets.alarms.alarm_list import AlarmTableModel
from widgets.alarms.wall_card import WallAlarmCard
from widgets.status_bar import ShellStatusBar, StatusBoard

url, ticket_id, alarm_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
app = QApplication([])
out = {}
shown = io.StringIO()
with contextlib.redirect_stdout(shown):
    main(["tickets", "show", ticket_id, "--db", url])
out["show"] = shown.getvalue()
db = Database(url)
site = SiteContext(db)
reads = ReadModels(site)
row = next(r for r in reads.alarms.find(AlarmFilter()) if r.alarm.id == alarm_id)
model = AlarmTableModel(reads.clock)
model.rows = [row]
out["alarm_list"] = model.data(model.index(0, 0))
view = AlarmService(db, site.hub, site.seat).get(alarm_id)
card = WallAlarmCard(reads.clock)
card.show_alarm(view, None, [], view.raised_at)
out["wall_card"] = card.raised.text()
change = Change(Topic.TICKET, (1,), TicketChanged("opened"), at=datetime.fromisoformat("2026-11-02T04:48:00+00:00"))
out["events_tail"] = describe(change, site.clock)[:19]
from runtime.read.tickets import QueueFilter, QueueKind
from widgets.jobs import Jobs
from widgets.tickets.model import TicketQueueModel
queue = TicketQueueModel(reads.tickets, reads.tickets.directory(), Jobs())
queue.rows = list(reads.tickets.first_page(QueueFilter(QueueKind.SUBTREE), 10)[0])
out["ticket_queue"] = queue._text(queue.rows[0], "受理时间")
status = ShellStatusBar(StatusBoard(), site.clock)
out["status_clock_hour"] = status.findChild(QLabel, "statusClock").text()[:13]
print(json.dumps(out, ensure_ascii=False))
"""


@pytest.fixture
def seat_site(tmp_path, cli_user) -> tuple[str, int, int]:
    """A site on a file with one ticket opened at 04:48 UTC and one alarm raised then; the seats'
    processes inherit a signed-in user (GCC_USER, GCC_PASSWORD_FILE) for `tickets show`."""
    url = f"sqlite:///{tmp_path / 'site.sqlite'}"
    db = Database(url)
    db.upgrade()
    cli_user(url)
    try:
        site = build_site(db)
        desk = make_desk(db)
        ticket_id = desk.open(
            Intake(category="SR01", text="楼道灯不亮", lon=IN_G1[0], lat=IN_G1[1], at=CREATED_UTC),
            now=CREATED_UTC,
        )
        service = AlarmService(db, EventHub(), Seat(), clock=lambda: CREATED_UTC)
        alarm_id = service.raise_alarm(
            AlarmDraft("sos", Priority.P1, "紧急呼叫(SOS)", household_id=site.household_id)
        )
    finally:
        db.dispose()
    return url, ticket_id, alarm_id


def _seat_texts(url: str, ticket_id: int, alarm_id: int, zone: str, folder: Path) -> dict[str, str]:
    env = dict(
        os.environ, TZ=zone, QT_QPA_PLATFORM="offscreen", GCC_DATA_DIR=str(folder / f"data-{zone[:3]}")
    )
    done = subprocess.run(
        [sys.executable, "-c", SEAT_TEXTS, url, str(ticket_id), str(alarm_id)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_seat_in_utc_and_one_in_new_york_show_the_same_beijing_times(seat_site, tmp_path):
    url, ticket_id, alarm_id = seat_site
    in_utc = _seat_texts(url, ticket_id, alarm_id, "UTC", tmp_path)
    in_new_york = _seat_texts(url, ticket_id, alarm_id, "America/New_York", tmp_path)
    assert in_utc == in_new_york
    assert "2026-11-02T12:48:00+08:00" in in_utc["show"]  # 受理 at 12:48 Beijing time, not 04:48 or 23:48
    assert in_utc["alarm_list"] == "2026-11-02 12:48:00"
    assert in_utc["ticket_queue"] == "11-02 12:48"
    assert in_utc["wall_card"] == "报警时间 11-02 12:48:00"
    assert in_utc["events_tail"] == "2026-11-02 12:48:00"
    beijing_now = SiteClock("Asia/Shanghai").now()
    assert in_utc["status_clock_hour"] in (
        beijing_now.strftime("%Y-%m-%d %H"),
        SiteClock("Asia/Shanghai").now().strftime("%Y-%m-%d %H"),  # the hour turned meanwhile
    )


def test_the_site_zone_setting_moves_every_text_and_the_deadline(tmp_path):
    """The same ticket on a site set to New York: shown in New York time, its limit in New York's office hours."""
    db = Database(f"sqlite:///{tmp_path / 'ny.sqlite'}")
    db.upgrade()
    try:
        build_site(db)
        save_profile(db, Seat(), "纽约试点", "America/New_York")
        desk = make_desk(db)
        opened_at = datetime(2026, 11, 2, 14, 0)  # 09:00 in New York (EST), Monday
        ticket_id = desk.open(
            Intake(category="SR01", text="楼道灯不亮", lon=IN_G1[0], lat=IN_G1[1], at=opened_at),
            now=opened_at,
        )
        shown = desk.describe(ticket_id)
    finally:
        db.dispose()
    assert shown["created_at"] == "2026-11-02T09:00:00-05:00"
    deadline = datetime.fromisoformat(shown["deadline"])
    assert deadline.utcoffset().total_seconds() == -5 * 3600
    # working time: the deadline falls inside New York's office hours, not Beijing's
    assert (8, 30) <= (deadline.hour, deadline.minute) <= (18, 0)


@pytest.mark.parametrize(
    ("zone", "stored", "shown"),
    [
        ("Asia/Shanghai", datetime(2026, 11, 2, 4, 48), "11-02 12:48"),
        ("America/New_York", datetime(2026, 7, 1, 16, 0), "07-01 12:00"),  # summer time: UTC-4
        ("America/New_York", datetime(2026, 12, 1, 17, 0), "12-01 12:00"),  # winter: UTC-5
    ],
)
def test_the_clock_converts_both_ways(zone, stored, shown):
    clock = SiteClock(zone)
    assert clock.text(stored, SHORT) == shown
    assert clock.to_utc(clock.to_local(stored).replace(tzinfo=None)) == stored
    assert clock.parse(clock.to_local(stored).replace(tzinfo=None).isoformat()) == stored
    assert clock.parse(f"{stored.isoformat()}Z") == stored  # an explicit offset wins over the zone
    assert clock.text(None) == ""


def test_a_site_day_starts_at_the_sites_midnight():
    assert SiteClock("Asia/Shanghai").day_start(date(2026, 11, 2)) == datetime(2026, 11, 1, 16, 0)
    assert SiteClock("America/New_York").day_start(date(2026, 7, 1)) == datetime(2026, 7, 1, 4, 0)


def test_the_ais_night_is_the_sites_night():
    from zoneinfo import ZoneInfo

    from video.ai.config import EventSettings
    from video.ai.events import is_night

    settings = EventSettings(night_start_hour=22, night_end_hour=6)
    at_23_beijing = datetime(2026, 11, 2, 15, 0, tzinfo=UTC).timestamp()  # 15:00 UTC
    assert is_night(at_23_beijing, settings, ZoneInfo("Asia/Shanghai"))
    assert not is_night(at_23_beijing, settings, ZoneInfo("America/New_York"))  # 10:00 there


def test_working_time_crosses_a_change_to_summer_time_in_the_sites_zone():
    from zoneinfo import ZoneInfo

    from app.calendar import WorkCalendar

    new_york = WorkCalendar(zone=ZoneInfo("America/New_York"), is_workday=lambda day: day.weekday() < 5)
    friday_5pm = datetime(2026, 3, 6, 22, 0)  # 17:00 EST; the clocks go forward on Sunday the 8th
    due = new_york.add(friday_5pm, 120)  # 60 minutes on Friday, 60 on Monday morning
    assert due == datetime(2026, 3, 9, 13, 30)  # 09:30 EDT (UTC-4), not 14:30 UTC
    assert new_york.between(friday_5pm, due) == 120
