"""The names people are shown by. The audit, the ticket timeline and an alarm's acknowledgement store
the account's login (unique, what the audit chain proves); the screens show the person the account
belongs to (its staff member's name), and the login only for an account linked to nobody."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Person, UserAccount


def person_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    """login -> the person's name, for the accounts among `logins` that are linked to a staff member."""
    wanted = {login for login in logins if login}
    if not wanted:
        return {}
    rows = session.execute(
        select(UserAccount.name, Person.name)
        .join(Person, Person.id == UserAccount.person_id)
        .where(UserAccount.name.in_(wanted))
    )
    return dict(rows.all())


def shown_name(session: Session, login: str) -> str:
    """The person's name for one login, or the login itself (an account linked to nobody, 本机系统)."""
    return person_names(session, [login]).get(login, login)
