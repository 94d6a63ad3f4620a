"""A site's own time limits for a category: checked, stored, audited, and used by the desk's next ticket."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.config import Seat
from app.models import AuditEntry
from app.tickets import Intake, load_categories
from app.tickets.categories import CategoryError
from app.tickets.models import Ticket
from app.tickets.site_limits import apply_overrides, reset_limits, save_limits
from tests.app.tickets.conftest import IN_G1, at, make_desk

FOUR_HOURS = {3: "4h", 2: "4h", 1: "4h", 0: "4h"}


def _open(desk, when: str) -> Ticket:
    intake = Intake(category="SR01", text="楼道堆放杂物", lon=IN_G1[0], lat=IN_G1[1], at=at(when))
    ticket_id = desk.open(intake, force=True, now=at(when))
    with desk.db.session() as session:
        ticket = session.get(Ticket, ticket_id)
        session.expunge(ticket)
        return ticket


def test_the_desk_uses_the_site_limit_from_the_next_ticket_on(db, site):
    desk, book = make_desk(db), load_categories()
    before = _open(desk, "2026-11-02T09:00")  # a Monday: 4 working hours around the lunch break
    assert before.deadline_at == at("2026-11-02T15:00")
    save_limits(db, Seat(), book, "SR01", FOUR_HOURS | {3: "1d"}, "2h")
    after = _open(desk, "2026-11-02T09:00")
    assert after.deadline_at > at("2026-11-02T17:00")  # a working day, not four hours
    assert before.deadline_at == at("2026-11-02T15:00")  # a ticket already open keeps its limit
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "site_setting")).one()
        detail = json.loads(entry.detail)
    assert detail["key"] == "tickets.limits.SR01" and detail["old"] is None and detail["new"]["3"] == "1d"
    assert reset_limits(db, Seat(), "SR01") and not reset_limits(db, Seat(), "SR01")
    assert _open(desk, "2026-11-02T09:00").deadline_at == at("2026-11-02T15:00")


def test_a_bad_limit_or_code_stores_nothing(db, site):
    book = load_categories()
    with pytest.raises(CategoryError, match="时限格式错误"):
        save_limits(db, Seat(), book, "SR01", FOUR_HOURS | {2: "soon"}, "1h")
    with pytest.raises(KeyError, match="未知分类"):
        save_limits(db, Seat(), book, "NOPE", FOUR_HOURS, "1h")
    with db.session() as session:
        assert session.scalars(select(AuditEntry)).all() == []


def test_overrides_replace_only_their_category():
    book = load_categories()
    changed = apply_overrides(book, {"SR01": {"3": "2d", "response": "30m"}, "GONE": {"3": "1d"}})
    assert str(changed["SR01"].limit(3)) == "2d" and str(changed["SR01"].limit(2)) == "4h"
    assert str(changed["SR01"].response) == "30m"
    assert changed["SR02"] == book["SR02"] and apply_overrides(book, {}) is book
