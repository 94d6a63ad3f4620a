"""How long a seat may stand idle before it locks (a site setting, so every seat of the site agrees).

A locked seat keeps its alarms sounding and visible, hides personal data and refuses actions until its
user types the password again (widgets/accounts/idle_lock.py).
"""

from __future__ import annotations

from app.access.permissions import Permission, require
from app.config import Seat
from app.site_settings import SettingError, read_setting, write_setting
from app.store import Database

IDLE_LOCK_SETTING = "seat.idle_lock_minutes"
DEFAULT_MINUTES = 10
LONGEST_MINUTES = 240


def idle_lock_minutes(db: Database) -> int:
    with db.session() as session:
        return int(read_setting(session, IDLE_LOCK_SETTING, DEFAULT_MINUTES))


def save_idle_lock_minutes(db: Database, seat: Seat, minutes: int) -> int:
    """Store the site's idle time (audited); an administrator's setting."""
    if seat.user is not None:
        require(seat.user, Permission.MANAGE_USERS)
    if not 1 <= minutes <= LONGEST_MINUTES:
        raise SettingError(
            f"空闲锁定时间须在 1 到 {LONGEST_MINUTES} 分钟之间 the idle lock must be 1 to {LONGEST_MINUTES} minutes"
        )
    with db.session() as session:
        write_setting(session, seat, IDLE_LOCK_SETTING, minutes)
    return minutes
