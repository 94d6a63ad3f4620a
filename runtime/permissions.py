"""Who may read the audit log at this seat: one call, `may(site, permission)`, that views ask.

A signed-in user's role decides (`app.access`'s table, VIEW_AUDIT). With nobody signed in (the local
system: a maintenance command on the machine) the site setting `permissions.<permission>` may limit it
to named operators; without that setting the local system may.
"""

from __future__ import annotations

from app.access import Permission, can
from app.context import SiteContext
from app.site_settings import read_setting

AUDIT_VIEW = "audit.view"  # read and export the audit log (supervisors)
PERMISSIONS = {AUDIT_VIEW: Permission.VIEW_AUDIT}


def setting_key(permission: str) -> str:
    return f"permissions.{permission}"


def may(site: SiteContext, permission: str) -> bool:
    """Whether the person at this seat holds `permission`."""
    if site.seat.user is not None:
        return can(site.seat.user, PERMISSIONS[permission])
    with site.db.sessions() as session:
        allowed = read_setting(session, setting_key(permission))
    if allowed is None:
        return True
    return isinstance(allowed, list) and site.seat.operator in allowed
