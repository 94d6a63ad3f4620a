"""Bulk reads of personal data leave an audit entry: the roster export and long roster search pages."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.audit import BULK_READ
from app.audit_chain import verify
from app.context import SiteContext
from app.events import EventHub
from app.models import AuditEntry
from main import main
from runtime.read.household import BULK_ROWS, SearchQuery
from runtime.reads import ReadModels


def _entries(db, action: str) -> list[AuditEntry]:
    with db.session() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == action)).all()


def test_export_roster_from_the_command_line_is_audited(demo_db, tmp_path, capsys, cli_user):
    cli_user(demo_db.url)  # exporting the roster needs export_personal_data
    assert main(["export-roster", str(tmp_path / "roster.csv"), "--db", demo_db.url]) == 0
    (entry,) = _entries(demo_db, "export_roster")
    assert json.loads(entry.detail)["file"] == "roster.csv" and json.loads(entry.detail)["residents"] > 0


def test_a_long_search_page_is_audited_a_short_one_is_not(demo_db):
    households = ReadModels(SiteContext(demo_db, EventHub())).households
    page = households.search(SearchQuery(), limit=BULK_ROWS)
    assert len(page) == BULK_ROWS
    households.search(SearchQuery(page[0].name))  # one person looked up
    households.search(SearchQuery(), limit=BULK_ROWS - 1)
    (entry,) = _entries(demo_db, BULK_READ)
    detail = json.loads(entry.detail)
    assert (entry.entity, detail["via"], detail["rows"]) == ("resident", "roster search", BULK_ROWS)
    assert detail["ids"] == [page[0].resident_id, page[-1].resident_id]
    with demo_db.session() as session:
        assert verify(session).intact
