"""The kiosk PIN as a site setting: Argon2id at fixed parameters, weak hashes refused, lockout kept."""

import hashlib
import json
import secrets
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.access import PermissionDenied, User
from app.access.kiosk_pin import DEMO_PIN, PIN_SETTING, KioskPin, PinRefused
from app.access.lockout import FREE_ATTEMPTS
from app.config import Seat
from app.models import AuditEntry, SiteSetting
from app.store import Database
from app.store.base import utcnow


def test_the_pin_is_a_site_setting_hashed_with_argon2id_and_never_audited(db):
    pins = KioskPin(db, Seat())
    pins.set_pin("246810")
    with db.session() as session:
        stored = json.loads(session.get(SiteSetting, PIN_SETTING).value)
        details = [e.detail for e in session.scalars(select(AuditEntry))]
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=1$")
    assert not any(stored in d or "246810" in d for d in details)
    assert KioskPin(Database(db.url), Seat()).verify("246810")  # another seat of the site agrees


def test_short_or_non_digit_pins_are_refused(db):
    for pin in ("1234", "12345a", "1" * 13):
        with pytest.raises(PinRefused, match="6"):
            KioskPin(db, Seat()).set_pin(pin)


def test_a_forged_one_iteration_pbkdf2_hash_is_refused(db):
    """Today's probe: write `pbkdf2_sha256$1$salt$digest` of a PIN you chose into the settings."""
    salt = secrets.token_bytes(16)
    forged = f"pbkdf2_sha256$1${salt.hex()}${hashlib.pbkdf2_hmac('sha256', b'0000', salt, 1).hex()}"
    with db.session() as session:
        session.add(SiteSetting(key=PIN_SETTING, value=json.dumps(forged)))
    assert not KioskPin(db, Seat()).verify("0000")


def test_an_argon2_hash_weaker_than_the_apps_is_refused(db):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("000000")
    with db.session() as session:
        session.add(SiteSetting(key=PIN_SETTING, value=json.dumps(weak)))
    assert not KioskPin(db, Seat()).verify("000000")


def test_the_lockout_survives_a_restart(db):
    clock = lambda: now  # noqa: E731
    now = utcnow()
    KioskPin(db, Seat()).set_pin(DEMO_PIN)
    for _ in range(FREE_ATTEMPTS):
        assert not KioskPin(db, Seat(), clock).verify("999999")
    db.dispose()
    restarted = KioskPin(Database(db.url), Seat(), clock)
    assert restarted.seconds_locked() == 30
    assert not restarted.verify(DEMO_PIN)  # locked: even the right PIN waits
    now += timedelta(seconds=31)
    assert restarted.verify(DEMO_PIN) and restarted.seconds_locked() == 0


def test_only_a_user_allowed_to_may_set_it(db):
    with pytest.raises(PermissionDenied):
        KioskPin(db, Seat.signed_in(User(1, "值班员", "operator"))).set_pin("135790")
    KioskPin(db, Seat.signed_in(User(2, "值班长", "supervisor"))).set_pin("135790")
