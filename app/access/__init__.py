"""Accounts, sign-in and the one permission table: who is at the seat and what they may do."""

from app.access.permissions import (
    ROLE_PERMISSIONS,
    Permission,
    PermissionDenied,
    Role,
    can,
    require,
)
from app.access.user import User

__all__ = ["ROLE_PERMISSIONS", "Permission", "PermissionDenied", "Role", "User", "can", "require"]
