"""The accounts area's translation context (English in resources/i18n/en/accounts.ts) and role names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.access import Role


def tr(text: str) -> str:
    return QCoreApplication.translate("Accounts", text)


def scope_tr(text: str) -> str:
    """The accounts texts added with the grid scope and people's names (resources/i18n/en/scope.ts)."""
    return QCoreApplication.translate("AccountsPeople", text)


def role_name(role: str) -> str:
    """The role in the interface's language (Chinese, or English when English is chosen)."""
    value = Role(role)
    return tr(value.zh)


ROLE_ORDER = [Role.OPERATOR, Role.SUPERVISOR, Role.GRID_WORKER, Role.POLICE, Role.WALL, Role.ADMIN]
