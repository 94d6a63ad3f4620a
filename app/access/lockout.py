"""Lockout of a guessable secret after repeated failures, kept in the store (survives restarts).

Five tries are free; each failure after that locks the secret for 30 s, doubling up to 15 minutes,
for every seat of the site at once (the row is shared). A success clears it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CredentialLockout
from app.store.base import utcnow

FREE_ATTEMPTS = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)

Clock = Callable[[], datetime]


def user_subject(name: str) -> str:
    """The lockout of a sign-in name, also for names that have no account (no hint that they don't)."""
    return f"user:{name}"[:96]


KIOSK_PIN = "kiosk_pin"


def seconds_locked(session: Session, subject: str, clock: Clock = utcnow) -> int:
    row = session.get(CredentialLockout, subject)
    if row is None or row.locked_until is None:
        return 0
    return max(0, math.ceil((row.locked_until - clock()).total_seconds()))


def record_failure(session: Session, subject: str, clock: Clock = utcnow) -> int:
    """Count a failed try in the caller's transaction; returns the seconds now locked (0: not yet)."""
    row = session.execute(
        select(CredentialLockout).where(CredentialLockout.subject == subject).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = CredentialLockout(subject=subject, failures=0)
        session.add(row)
    row.failures += 1
    over = row.failures - FREE_ATTEMPTS
    if over >= 0:
        row.locked_until = clock() + min(FIRST_LOCK * (2 ** min(over, 10)), LONGEST_LOCK)
    session.flush()
    return seconds_locked(session, subject, clock)


def clear(session: Session, subject: str) -> None:
    row = session.get(CredentialLockout, subject)
    if row is not None:
        session.delete(row)
