"""The site's accounts: sign-in with a lockout kept in the store, passwords, and the admin's changes.

Every change and every sign-in, failed sign-in and sign-out is audited. The acting seat's user must
hold MANAGE_USERS to change accounts; a seat with no user is the local system (the machine's own
maintenance path: `main.py user add` on the machine, the new-site wizard's first administrator).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.access import lockout
from app.access.passwords import WeakHash, hash_secret, secret_matches, spend_like_a_check
from app.access.permissions import SCOPED_ROLES, Permission, Role, require
from app.access.user import User
from app.config import Seat
from app.models import Grid, Person, UserAccount
from app.store import Database
from app.store.base import utcnow

NAME_MAX = 64
PASSWORD_MIN = 8


class AccountError(ValueError):
    """An account change that cannot be made: the message says why in Chinese and English."""


class SignInRefused(AccountError):
    """Wrong name or password, a disabled account, or a lockout (`seconds_locked` > 0)."""

    def __init__(self, message: str, seconds_locked: int = 0) -> None:
        super().__init__(message)
        self.seconds_locked = seconds_locked


@dataclass(frozen=True)
class AccountSummary:
    """One row of 设置 → 用户 and `user list`: never the hash."""

    id: int
    name: str
    role: str
    grid_id: int | None
    grid_name: str | None
    person_id: int | None
    disabled: bool
    seconds_locked: int
    password_changed_at: datetime
    person_name: str | None = None  # the staff member's name the screens show for this account


def checked_password(password: str, name: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise AccountError(
            f"密码至少 {PASSWORD_MIN} 位 the password needs at least {PASSWORD_MIN} characters"
        )
    if password.strip().lower() == name.strip().lower():
        raise AccountError("密码不能与用户名相同 the password must not be the user name")
    return password


def grid_scope(session: Session, grid_id: int | None) -> frozenset[int] | None:
    """The ids of `grid_id` and every grid under it; None (the whole site) without a grid."""
    if grid_id is None:
        return None
    children: dict[int | None, list[int]] = {}
    for gid, parent in session.execute(select(Grid.id, Grid.parent_id)):
        children.setdefault(parent, []).append(gid)
    scope, todo = {grid_id}, [grid_id]
    while todo:
        for child in children.get(todo.pop(), ()):
            scope.add(child)
            todo.append(child)
    return frozenset(scope)


def signed_in_user(session: Session, row: UserAccount) -> User:
    person = session.get(Person, row.person_id) if row.person_id is not None else None
    return User(
        row.id,
        row.name,
        row.role,
        row.grid_id,
        grid_scope(session, row.grid_id),
        row.person_id,
        person.name if person is not None else None,
    )


class Accounts:
    """Accounts of one site, acting for `seat` (its user, or the local system when it has none)."""

    def __init__(self, db: Database, seat: Seat, clock: lockout.Clock = utcnow) -> None:
        self.db = db
        self.seat = seat
        self.clock = clock

    # --- signing in and out ----------------------------------------------------------------------

    def sign_in(self, name: str, password: str) -> User:
        """The user, or SignInRefused; the same words for an unknown name and a wrong password."""
        name = name.strip()
        subject, disabled = lockout.user_subject(name), False
        with self.db.session() as session:
            locked = lockout.seconds_locked(session, subject, self.clock)
            if locked:
                raise SignInRefused(_locked_message(locked), locked)
            row = _by_name(session, name)
            if row is None:
                spend_like_a_check(password)
            elif self._password_ok(row, password):
                lockout.clear(session, subject)
                if row.disabled:
                    audit.record(session, self.seat, "sign_in_disabled", "user", row.id, name=name)
                    disabled = True
                else:
                    user = signed_in_user(session, row)
                    audit.record(session, Seat.signed_in(user, self.seat.host), "sign_in", "user", row.id)
                    return user
            if not disabled:
                locked = lockout.record_failure(session, subject, self.clock)
                audit.record(session, self.seat, "sign_in_failed", "user", row.id if row else None, name=name)
        if disabled:
            raise SignInRefused("该账户已停用，请联系管理员 this account is disabled: ask an administrator")
        raise SignInRefused(_locked_message(locked) if locked else _WRONG, locked)

    def _password_ok(self, row: UserAccount, password: str) -> bool:
        try:
            return secret_matches(password, row.password_hash)
        except WeakHash:
            return False  # a planted or damaged hash lets nobody in; an admin resets the password

    def sign_out(self, user: User) -> None:
        with self.db.session() as session:
            audit.record(session, Seat.signed_in(user, self.seat.host), "sign_out", "user", user.id)

    def change_password(self, user: User, old: str, new: str) -> None:
        """The user's own change: the old password first (counted against the lockout like a sign-in)."""
        self.sign_in(user.name, old)
        with self.db.session() as session:
            row = session.get(UserAccount, user.id)
            row.password_hash = hash_secret(checked_password(new, user.name))
            row.password_changed_at = self.clock()
            audit.record(session, Seat.signed_in(user, self.seat.host), "password_changed", "user", user.id)

    # --- the administrator's changes -------------------------------------------------------------

    def add(
        self,
        name: str,
        role: str,
        password: str,
        *,
        grid_id: int | None = None,
        person_id: int | None = None,
    ) -> AccountSummary:
        self._require_admin()
        name = _checked_name(name)
        role_value = _checked_role(role)
        password_hash = hash_secret(checked_password(password, name))
        with self.db.session() as session:
            if _by_name(session, name) is not None:
                raise AccountError(f"用户名 {name} 已存在 the user name is taken")
            _check_grid(session, role_value, grid_id)
            _check_person(session, person_id)
            row = UserAccount(
                name=name, role=role_value, grid_id=grid_id, person_id=person_id, password_hash=password_hash
            )
            session.add(row)
            session.flush()
            audit.record(
                session, self.seat, "user_added", "user", row.id, name=name, role=role_value, grid_id=grid_id
            )
            return _summary(session, row, self.clock)

    def reset_password(self, name: str, password: str) -> None:
        """An administrator sets a new password (and lifts the lockout)."""
        self._require_admin()
        with self.db.session() as session:
            row = self._existing(session, name)
            row.password_hash = hash_secret(checked_password(password, row.name))
            row.password_changed_at = self.clock()
            lockout.clear(session, lockout.user_subject(row.name))
            audit.record(session, self.seat, "password_reset", "user", row.id, name=row.name)

    def update(
        self,
        name: str,
        *,
        role: str | None = None,
        grid_id: int | None | type[Ellipsis] = ...,
        disabled: bool | None = None,
        person_id: int | None | type[Ellipsis] = ...,
    ) -> AccountSummary:
        """Change a user's role, grid (None: the whole site), the staff member the account belongs to
        (None: nobody) or whether the account is disabled."""
        self._require_admin()
        with self.db.session() as session:
            row = self._existing(session, name)
            old = {
                "role": row.role,
                "grid_id": row.grid_id,
                "disabled": row.disabled,
                "person_id": row.person_id,
            }
            row.role = _checked_role(role) if role is not None else row.role
            row.grid_id = row.grid_id if grid_id is ... else grid_id
            row.disabled = row.disabled if disabled is None else disabled
            if person_id is not ...:
                _check_person(session, person_id)
                row.person_id = person_id
            _check_grid(session, row.role, row.grid_id)
            if old["role"] == Role.ADMIN.value and not old["disabled"]:
                self._keep_an_admin(session)
            new = {
                "role": row.role,
                "grid_id": row.grid_id,
                "disabled": row.disabled,
                "person_id": row.person_id,
            }
            if new != old:
                audit.record(
                    session, self.seat, "user_changed", "user", row.id, name=row.name, old=old, new=new
                )
            return _summary(session, row, self.clock)

    def summaries(self) -> list[AccountSummary]:
        with self.db.session() as session:
            rows = session.scalars(select(UserAccount).order_by(UserAccount.name))
            return [_summary(session, row, self.clock) for row in rows]

    def count(self) -> int:
        with self.db.session() as session:
            return session.scalar(select(func.count()).select_from(UserAccount)) or 0

    def _require_admin(self) -> None:
        if self.seat.user is not None:
            require(self.seat.user, Permission.MANAGE_USERS)

    def _existing(self, session: Session, name: str) -> UserAccount:
        row = _by_name(session, name.strip())
        if row is None:
            raise AccountError(f"用户 {name} 不存在 no such user")
        return row

    def _keep_an_admin(self, session: Session) -> None:
        session.flush()
        admins = session.scalar(
            select(func.count())
            .select_from(UserAccount)
            .where(UserAccount.role == Role.ADMIN.value, UserAccount.disabled.is_(False))
        )
        if not admins:
            raise AccountError("站点至少要保留一名可用的管理员 the site must keep one active administrator")


_WRONG = "用户名或密码错误 wrong user name or password"


def _locked_message(seconds: int) -> str:
    return f"错误次数过多，请 {seconds} 秒后再试 too many failed tries: try again in {seconds} s"


def _by_name(session: Session, name: str) -> UserAccount | None:
    return session.scalar(select(UserAccount).where(UserAccount.name == name))


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AccountError("请填写用户名 the user needs a name")
    if len(name) > NAME_MAX or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise AccountError(
            f"用户名不能含空格且最多 {NAME_MAX} 字 a user name has no spaces and at most {NAME_MAX} characters"
        )
    return name


def _checked_role(role: str) -> str:
    try:
        return Role(role.strip()).value
    except ValueError:
        known = ", ".join(f"{r.value} ({r.zh})" for r in Role)
        raise AccountError(f"未知角色 unknown role {role!r}: {known}") from None


def _check_grid(session: Session, role: str, grid_id: int | None) -> None:
    if grid_id is not None and session.get(Grid, grid_id) is None:
        raise AccountError(f"网格 {grid_id} 不存在 no such grid")
    if Role(role) in SCOPED_ROLES and grid_id is None:
        raise AccountError("网格长/网格员须指定所属网格 a grid worker needs a grid")


def _check_person(session: Session, person_id: int | None) -> None:
    if person_id is not None and session.get(Person, person_id) is None:
        raise AccountError(f"人员 {person_id} 不存在 no such person")


def _summary(session: Session, row: UserAccount, clock: lockout.Clock) -> AccountSummary:
    grid = session.get(Grid, row.grid_id) if row.grid_id is not None else None
    person = session.get(Person, row.person_id) if row.person_id is not None else None
    return AccountSummary(
        row.id,
        row.name,
        row.role,
        row.grid_id,
        grid.name if grid else None,
        row.person_id,
        row.disabled,
        lockout.seconds_locked(session, lockout.user_subject(row.name), clock),
        row.password_changed_at,
        person.name if person is not None else None,
    )
