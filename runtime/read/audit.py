"""The audit log for the supervisors' viewer: entries by filter, the filters' choices, the chain's check
and the export, each behind the `audit.view` permission (`runtime/permissions.py`)."""

from __future__ import annotations

from pathlib import Path

from app.audit_chain import ChainReport, verify
from app.audit_export import AuditFilter, AuditLine, export_entries, find_entries, vocabulary
from app.context import SiteContext
from app.site_clock import SiteClock
from runtime.permissions import AUDIT_VIEW, may

__all__ = ["AuditFilter", "AuditLine", "AuditReads", "ChainReport", "NotPermitted"]


class NotPermitted(PermissionError):
    """The person at this seat may not do this; the message says what is missing."""


class AuditReads:
    """Every call opens its own session; run them off the GUI thread (widgets.jobs.Jobs)."""

    def __init__(self, site: SiteContext) -> None:
        self._site = site

    @property
    def clock(self) -> SiteClock:
        """The site's clock: the viewer's days and times are the site's, not this computer's."""
        return self._site.clock

    def permitted(self) -> bool:
        return may(self._site, AUDIT_VIEW)

    def _check(self) -> None:
        if not self.permitted():
            raise NotPermitted(f"{self._site.seat.operator} 无权查看审计日志 may not view the audit log")

    def entries(self, wanted: AuditFilter) -> list[AuditLine]:
        self._check()
        with self._site.db.sessions() as session:
            return find_entries(session, wanted)

    def choices(self) -> tuple[list[str], list[str]]:
        """The actions and entities in the log."""
        self._check()
        with self._site.db.sessions() as session:
            return vocabulary(session)

    def check_chain(self) -> ChainReport:
        self._check()
        with self._site.db.sessions() as session:
            return verify(session)

    def export(self, wanted: AuditFilter, path: Path) -> int:
        self._check()
        return export_entries(self._site.db, self._site.seat, wanted, path)
