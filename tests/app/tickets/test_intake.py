"""Intake checks shared by the form and the command line: phone in canonical form, dispatch preview, buildings."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.models import AuditEntry
from app.privacy.policy import RevealRefused
from app.tickets import Intake, TransitionRefused
from app.tickets.places import find_buildings
from tests.app.tickets.conftest import IN_G1, IN_G2, at


def intake(**kw) -> Intake:
    fields = {
        "category": "SR01",
        "text": "楼道堆放杂物",
        "lon": IN_G1[0],
        "lat": IN_G1[1],
        "at": at("2026-11-02T09:00"),
    }
    return Intake(**(fields | kw))


def test_the_reporter_phone_is_stored_in_canonical_form(desk):
    ticket_id = desk.open(intake(reporter_phone="+86 139-1234-5678", reporter_name="  刘女士 "), force=True)
    shown = desk.describe(ticket_id, reveal_reason="回访核对")
    assert shown["reporter"] == {"name": "刘女士", "phone": "13912345678"}


def test_the_reporter_phone_is_masked_unless_revealed_with_a_reason(desk):
    ticket_id = desk.open(intake(reporter_phone="13912345678", reporter_name="刘女士"), force=True)
    assert desk.describe(ticket_id)["reporter"] == {"name": "刘女士", "phone": "139****5678"}
    with pytest.raises(RevealRefused, match="理由"):
        desk.describe(ticket_id, reveal_reason=" ")
    assert desk.describe(ticket_id, reveal_reason="回访")["reporter"]["phone"] == "13912345678"
    with desk.db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal_personal_data")).one()
    assert (entry.entity, entry.entity_id) == ("ticket", ticket_id)
    assert json.loads(entry.detail) == {"fields": ["phone"], "reason": "回访"}


def test_a_merged_reporters_phone_is_masked_in_the_timeline(desk):
    first = desk.open(intake(reporter_phone="13912345678"), force=True)
    desk.open(intake(reporter_phone="13787654321", reporter_name="王先生"), merge_into=first)
    merge = desk.describe(first)["timeline"][-1]
    assert "13787654321" not in json.dumps(merge, ensure_ascii=False) and "137****4321" in merge["note"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"reporter_phone": "1391234"}, "反映人电话有误"), ({"text": "  "}, "须填写反映内容")],
)
def test_a_bad_phone_or_an_empty_text_is_refused(desk, fields, message):
    with pytest.raises(TransitionRefused, match=message):
        desk.open(intake(**fields))


def test_the_preview_names_the_handler_and_the_fallback(desk, site):
    straight = desk.preview(intake())
    assert (straight.grid, straight.handler, straight.level, straight.notes) == ("幸福小区", "张小区", 3, ())
    fallback = desk.preview(intake(lon=IN_G2[0], lat=IN_G2[1]))
    assert fallback.handler == "李社区" and fallback.level == 2 and "未设网格长" in fallback.notes[0]
    outside = desk.preview(intake(lon=100.0, lat=30.0))
    assert outside.grid is None and "待人工派遣" in outside.notes[0]
    assert (
        desk.preview(intake(lon=None, lat=None, household_id=site.household_id)).chain[-1] == "幸福小区1号楼"
    )


def test_find_buildings_by_name_or_address(db, site):
    with db.session() as session:
        assert [b.id for b in find_buildings(session, "幸福 1号")] == [site.building_id]
        assert find_buildings(session, "和平") == [] and find_buildings(session, " ") == []
