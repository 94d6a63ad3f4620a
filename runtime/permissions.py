"""Who may do what at this seat: one call, `may(site, permission)`, that views and commands ask.

There are no user accounts yet: the person at a seat is the seat's operator (`Seat.operator`). Until
accounts decide it, a permission may be limited to named operators by the site setting
`permissions.<permission>` (a JSON list of operator names, set by the office); without that setting
every seat may, as every seat could before. The accounts work replaces the body of `may` with its
permission table; the callers stay as they are.
"""

from __future__ import annotations

from app.context import SiteContext
from app.site_settings import read_setting

AUDIT_VIEW = "audit.view"  # read and export the audit log (supervisors)


def setting_key(permission: str) -> str:
    return f"permissions.{permission}"


def may(site: SiteContext, permission: str) -> bool:
    """Whether the person at this seat holds `permission`."""
    with site.db.sessions() as session:
        allowed = read_setting(session, setting_key(permission))
    if allowed is None:
        return True
    return isinstance(allowed, list) and site.seat.operator in allowed
