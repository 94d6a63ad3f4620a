"""The kiosk's supervisor PIN: a site setting in the database (every wall of the site shares it),
hashed with the app's fixed Argon2id parameters, with a lockout kept in the store.

It used to be a PBKDF2 hash in each seat's window.ini: a file anyone at the computer could read
(offline brute force of a 4-digit PIN took 396 s) or overwrite with a hash of their own. Now the
hash lives where the site's data lives, a hash weaker than the app's parameters is refused, the PIN
has at least six digits (10^6 guesses at ~0.3 s each: days on one core instead of minutes), and
wrong tries lock every wall of the site, also across restarts.
"""

from __future__ import annotations

import json
import logging

from app import audit
from app.access import lockout
from app.access.passwords import WeakHash, hash_secret, secret_matches
from app.access.permissions import Permission, require
from app.config import Seat
from app.models import SiteSetting
from app.store import Database
from app.store.base import utcnow

log = logging.getLogger(__name__)

PIN_SETTING = "kiosk.supervisor_pin"
MIN_PIN_LENGTH = 6
MAX_PIN_LENGTH = 12
DEMO_PIN = "123456"


class PinRefused(ValueError):
    """A PIN that cannot be set: the message says why in Chinese and English."""


class KioskPin:
    """The site's supervisor PIN, checked with a shared lockout; set by a user allowed SET_KIOSK_PIN."""

    def __init__(self, db: Database, seat: Seat, clock: lockout.Clock = utcnow) -> None:
        self.db = db
        self.seat = seat
        self.clock = clock

    @property
    def is_set(self) -> bool:
        return self._stored() is not None

    def set_pin(self, pin: str) -> None:
        if self.seat.user is not None:
            require(self.seat.user, Permission.SET_KIOSK_PIN)
        if not (MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH) or not pin.isdigit():
            raise PinRefused(
                f"密码须为 {MIN_PIN_LENGTH} 到 {MAX_PIN_LENGTH} 位数字 "
                f"the PIN must be {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits"
            )
        text = json.dumps(hash_secret(pin))
        with self.db.session() as session:
            row = session.get(SiteSetting, PIN_SETTING)
            if row is None:
                session.add(SiteSetting(key=PIN_SETTING, value=text))
            else:
                row.value = text
            lockout.clear(session, lockout.KIOSK_PIN)
            audit.record(session, self.seat, "kiosk_pin_set", "site_setting", None)  # never the hash

    def ensure_demo_pin(self) -> None:
        if not self.is_set:
            self.set_pin(DEMO_PIN)

    def seconds_locked(self) -> int:
        with self.db.session() as session:
            return lockout.seconds_locked(session, lockout.KIOSK_PIN, self.clock)

    def verify(self, pin: str) -> bool:
        """True for the right PIN; a wrong one counts against the site-wide lockout."""
        with self.db.session() as session:
            if lockout.seconds_locked(session, lockout.KIOSK_PIN, self.clock):
                return False
            row = session.get(SiteSetting, PIN_SETTING)
            if row is not None and self._matches(pin, json.loads(row.value)):
                lockout.clear(session, lockout.KIOSK_PIN)
                return True
            lockout.record_failure(session, lockout.KIOSK_PIN, self.clock)
            audit.record(session, self.seat, "kiosk_pin_failed", "site_setting", None)
            return False

    @staticmethod
    def _matches(pin: str, stored: object) -> bool:
        try:
            return secret_matches(pin, str(stored))
        except WeakHash as error:
            log.warning("kiosk PIN refused: %s", error)
            return False

    def _stored(self) -> str | None:
        with self.db.session() as session:
            row = session.get(SiteSetting, PIN_SETTING)
            return None if row is None else json.loads(row.value)
