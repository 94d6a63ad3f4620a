"""The one permission table: roles grant what the issue lists, grid workers only in their subtree."""

import pytest

from app.access import ROLE_PERMISSIONS, Permission, Role, User, can, require
from app.access.permissions import PermissionDenied


def user(role: Role, scope=None) -> User:
    return User(1, "甲", role.value, grid_id=min(scope) if scope else None, grid_scope=scope)


def test_every_role_has_a_row_and_the_admin_may_do_everything():
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert all(can(user(Role.ADMIN), p) for p in Permission)


def test_the_wall_views_only_and_sees_no_personal_data():
    wall = user(Role.WALL)
    assert can(wall, Permission.VIEW_SITE)
    assert not any(can(wall, p) for p in Permission if p is not Permission.VIEW_SITE)


def test_personal_data_and_face_names_are_for_supervisors_and_police_not_operators():
    assert can(user(Role.SUPERVISOR), Permission.REVEAL_PERSONAL_DATA)
    assert can(user(Role.POLICE), Permission.SEE_FACE_NAMES)
    assert not can(user(Role.OPERATOR), Permission.REVEAL_PERSONAL_DATA)
    assert not can(user(Role.OPERATOR), Permission.SEE_FACE_NAMES)
    assert not can(user(Role.POLICE), Permission.ACT_ON_TICKETS)


def test_only_the_admin_manages_users_and_backups():
    for role in Role:
        assert can(user(role), Permission.MANAGE_USERS) == (role is Role.ADMIN)
        assert can(user(role), Permission.BACKUP_RESTORE) == (role is Role.ADMIN)


def test_a_grid_worker_acts_inside_the_subtree_only():
    worker = user(Role.GRID_WORKER, frozenset({10, 11, 12}))
    assert can(worker, Permission.ACT_ON_TICKETS, grid_id=11)
    assert not can(worker, Permission.ACT_ON_TICKETS, grid_id=99)
    assert can(worker, Permission.ACT_ON_TICKETS)  # somewhere: the menu shows the action
    assert can(user(Role.OPERATOR), Permission.ACT_ON_TICKETS, grid_id=99)  # the whole site


def test_nobody_signed_in_may_do_nothing_and_require_says_who_and_what():
    assert not any(can(None, p) for p in Permission)
    with pytest.raises(PermissionDenied, match="manage_users"):
        require(user(Role.OPERATOR), Permission.MANAGE_USERS)
