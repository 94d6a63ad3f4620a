"""Working time: office hours with a lunch break, weekends, National Day and the adjusted working days."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.calendar import NaturalClock, WorkCalendar, parse_periods
from tests.app.tickets.conftest import at

CAL = WorkCalendar()


@pytest.mark.parametrize(
    ("start", "minutes", "expected"),
    [
        ("2026-11-02T11:00", 120, "2026-11-02T15:00"),  # across the lunch break
        ("2026-11-06T16:00", 240, "2026-11-09T10:30"),  # Friday afternoon over the weekend
        ("2026-11-07T10:00", 30, "2026-11-09T09:00"),  # starting on a Saturday
        ("2026-11-02T07:00", 30, "2026-11-02T09:00"),  # before office hours
        ("2026-09-30T16:00", 450, "2026-10-08T16:00"),  # National Day 10-01..10-07
        ("2026-10-09T17:00", 120, "2026-10-10T09:30"),  # Saturday 10-10 is an adjusted working day
        ("2026-09-30T10:00", 1350, "2026-10-10T10:00"),  # three working days across the holiday
    ],
)
def test_add_working_time(start, minutes, expected):
    assert CAL.add(at(start), minutes) == at(expected)


def test_between_is_the_inverse_of_add():
    start = at("2026-09-29T15:10")
    for minutes in (5, 170, 450, 1000, 4000):
        assert CAL.between(start, CAL.add(start, minutes)) == pytest.approx(minutes)


def test_no_working_time_over_a_holiday_or_backwards():
    assert CAL.between(at("2026-10-01T00:00"), at("2026-10-08T00:00")) == 0
    assert CAL.between(at("2026-11-03T10:00"), at("2026-11-02T10:00")) == 0


def test_office_hours_are_configurable():
    cal = WorkCalendar(parse_periods("09:00-17:00"))
    assert cal.minutes_per_day == 480
    assert cal.add(at("2026-11-02T16:00"), 120) == at("2026-11-03T10:00")


@pytest.mark.parametrize("text", ["9-17", "14:00-12:00", "08:00-12:00,11:00-13:00", ""])
def test_bad_office_hours_are_refused(text):
    with pytest.raises(ValueError, match="办公时间"):
        parse_periods(text)


def test_natural_clock_runs_round_the_clock():
    start = at("2026-10-01T23:00")
    assert NaturalClock().add(start, 120) == start + timedelta(hours=2)
