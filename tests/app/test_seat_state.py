"""What a seat remembers lives in the site's database, one row per seat and key, on both back ends."""

from __future__ import annotations

import pytest

from app.seat_state import SeatMemory


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db(request):
    return request.getfixturevalue(f"{request.param}_db")


def test_each_seat_remembers_its_own_values(db):
    desk_a, desk_b = SeatMemory(db, "desk-a"), SeatMemory(db, "desk-b")
    assert desk_a.value("window/state") is None and desk_a.value("tickets/me", 7) == 7
    desk_a.set_value("window/state", {"base64": "AAEC"})
    desk_a.set_value("tickets/me", 12)
    desk_a.set_value("tickets/me", 13)  # a second write replaces the first (upsert)
    desk_b.set_value("tickets/me", 99)
    assert desk_a.value("window/state") == {"base64": "AAEC"}
    assert (desk_a.value("tickets/me"), desk_b.value("tickets/me")) == (13, 99)
    assert SeatMemory(db, "desk-a").value("tickets/me") == 13  # read back by a new process's memory


def test_an_overlong_key_is_refused(db):
    with pytest.raises(ValueError, match="longer than 64"):
        SeatMemory(db, "desk-a").set_value("k" * 65, 1)


def test_the_sites_language_is_checked_and_stored(db):
    from app.config import Seat
    from app.site_settings import SettingError, checked_profile, load_profile, save_profile

    with pytest.raises(SettingError, match="未知语言"):
        checked_profile("幸福社区", "Asia/Shanghai", "fr")
    assert load_profile(db).language == "zh_CN"  # the default before the office chose
    save_profile(db, Seat(), "幸福社区", "Asia/Shanghai", "en")
    assert load_profile(db).language == "en"
