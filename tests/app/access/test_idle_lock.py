"""The site's idle-lock time: a site setting every seat reads, checked, audited, set by an admin."""

import pytest

from app.access import PermissionDenied, User
from app.access.idle_lock import DEFAULT_MINUTES, idle_lock_minutes, save_idle_lock_minutes
from app.config import Seat
from app.site_settings import SettingError


def test_the_idle_time_is_the_sites_and_only_an_admin_changes_it(db):
    assert idle_lock_minutes(db) == DEFAULT_MINUTES
    with pytest.raises(PermissionDenied):
        save_idle_lock_minutes(db, Seat.signed_in(User(1, "值班长", "supervisor")), 60)
    with pytest.raises(SettingError, match="1 到 240"):
        save_idle_lock_minutes(db, Seat.signed_in(User(2, "站长", "admin")), 0)
    save_idle_lock_minutes(db, Seat.signed_in(User(2, "站长", "admin")), 5)
    assert idle_lock_minutes(db) == 5
