"""Residents' sealed columns for fixtures and checks: what the roster's code does, in one line."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Resident
from app.privacy.roster_cipher import RosterCipher


def sealed(session: Session, id_number: str | None = None, health_note: str | None = None) -> dict:
    """Keyword arguments for Resident(...) that stand for a clear ID number and health note."""
    cipher = RosterCipher.of_site(session)
    return cipher.id_columns(id_number) | cipher.health_columns(health_note)


def resident_with_id(session: Session, number: str) -> Resident:
    """The one resident holding `number`, found the way the roster finds it (by its keyed hash)."""
    id_hash = RosterCipher.of_site(session).id_hash(number)
    return session.scalars(select(Resident).where(Resident.id_hash == id_hash)).one()


def clear_id(session: Session, resident: Resident) -> str | None:
    return RosterCipher.of_site(session).id_number(resident)


def clear_health(session: Session, resident: Resident) -> str | None:
    return RosterCipher.of_site(session).health_note(resident)
