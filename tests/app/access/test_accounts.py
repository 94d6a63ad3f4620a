"""Accounts on SQLite and PostgreSQL: Argon2id hashes, a lockout that survives a restart, audit."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.access import Permission, PermissionDenied, Role, can
from app.access.accounts import AccountError, Accounts, SignInRefused
from app.access.lockout import FREE_ATTEMPTS
from app.config import Seat
from app.models import AuditEntry, Grid, UserAccount
from app.store import Database
from app.store.base import utcnow

PASSWORD = "correct horse 9"


class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self):
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(db, clock) -> Accounts:
    local = Accounts(db, Seat(), clock)
    local.add("admin", "admin", PASSWORD)
    return local


def audit_actions(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        return [(e.actor, e.action) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_the_password_is_stored_as_argon2id_and_signs_in_with_the_audit_naming_the_user(db, accounts):
    with db.session() as session:
        stored = session.scalar(select(UserAccount.password_hash))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    user = accounts.sign_in("admin", PASSWORD)
    assert user.name == "admin" and user.role == "admin" and user.grid_scope is None
    Accounts(db, Seat.signed_in(user)).sign_out(user)
    assert ("admin", "sign_in") in audit_actions(db) and ("admin", "sign_out") in audit_actions(db)


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(accounts):
    with pytest.raises(SignInRefused) as wrong:
        accounts.sign_in("admin", "nope-nope")
    with pytest.raises(SignInRefused) as unknown:
        accounts.sign_in("nobody", "nope-nope")
    assert str(wrong.value) == str(unknown.value)


def test_the_lockout_survives_a_restart_and_ends_after_its_time(db, accounts, clock):
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(SignInRefused):
            accounts.sign_in("admin", "wrong-password")
    db.dispose()  # the program restarts: a new engine, a new Accounts
    again = Accounts(Database(db.url), Seat(), clock)
    with pytest.raises(SignInRefused) as locked:
        again.sign_in("admin", PASSWORD)  # even the right password waits
    assert locked.value.seconds_locked == 30 and "30" in str(locked.value)
    clock.now += timedelta(seconds=31)
    assert again.sign_in("admin", PASSWORD).name == "admin"


def test_a_planted_weak_hash_lets_nobody_in(db, accounts):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    with db.session() as session:
        session.execute(update(UserAccount).values(password_hash=weak))
    with pytest.raises(SignInRefused):
        accounts.sign_in("admin", PASSWORD)


def test_a_disabled_account_is_told_so_only_with_the_right_password(db, accounts):
    accounts.add("op", "operator", "operator-pass")
    accounts.update("op", disabled=True)
    with pytest.raises(SignInRefused, match="停用"):
        accounts.sign_in("op", "operator-pass")
    with pytest.raises(SignInRefused, match="用户名或密码错误"):
        accounts.sign_in("op", "wrong-pass!")


def test_only_an_admin_changes_accounts_and_one_admin_always_stays(db, accounts):
    admin = accounts.sign_in("admin", PASSWORD)
    as_admin = Accounts(db, Seat.signed_in(admin))
    as_admin.add("op", "operator", "operator-pass")
    operator = as_admin.sign_in("op", "operator-pass")
    with pytest.raises(PermissionDenied):
        Accounts(db, Seat.signed_in(operator)).reset_password("admin", "taken-over!")
    with pytest.raises(AccountError, match="管理员"):
        as_admin.update("admin", role="operator")
    as_admin.reset_password("op", "a-new-password")
    assert as_admin.sign_in("op", "a-new-password").name == "op"
    assert ("admin", "password_reset") in audit_actions(db)


def test_change_password_needs_the_old_one(accounts):
    user = accounts.sign_in("admin", PASSWORD)
    with pytest.raises(SignInRefused):
        accounts.change_password(user, "not-the-old-one", "brand-new-pass")
    accounts.change_password(user, PASSWORD, "brand-new-pass")
    assert accounts.sign_in("admin", "brand-new-pass").name == "admin"


def test_bad_input_is_refused_in_plain_words(accounts):
    with pytest.raises(AccountError, match="至少 8"):
        accounts.add("short", "operator", "1234")
    with pytest.raises(AccountError, match="未知角色"):
        accounts.add("who", "boss", "long-enough-1")
    with pytest.raises(AccountError, match="网格"):
        accounts.add("gw", "grid_worker", "long-enough-1")
    with pytest.raises(AccountError, match="已存在"):
        accounts.add("admin", "operator", "long-enough-1")


def test_a_grid_worker_signs_in_with_the_subtree_as_scope(db, accounts):
    with db.session() as session:
        street = Grid(code="S", name="街道", level=1)
        community = Grid(code="C", name="社区", level=2, parent=street)
        compound = Grid(code="C1", name="小区", level=3, parent=community)
        other = Grid(code="C2", name="别的社区", level=2, parent=street)
        session.add_all([street, community, compound, other])
        session.flush()
        ids = street.id, community.id, compound.id, other.id
    accounts.add("gw", Role.GRID_WORKER, "grid-worker-1", grid_id=ids[1])
    worker = accounts.sign_in("gw", "grid-worker-1")
    assert worker.grid_scope == {ids[1], ids[2]}
    assert can(worker, Permission.ACT_ON_TICKETS, ids[2]) and not can(
        worker, Permission.ACT_ON_TICKETS, ids[3]
    )
