"""A household's care rules as the operator changes them: defaults, checks, audit of what changed."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from alarms.care_settings import CareRulesError, read_rules, save_rules
from alarms.models import CareSettings
from app.config import Seat
from app.models import AuditEntry

SEAT = Seat("值班员小王", "seat-1")


def test_a_household_starts_with_the_telecare_defaults(db, site):
    rules = read_rules(db, site.household_id)
    assert (rules.inactivity_enabled, rules.inactivity_hours, rules.away) == (True, 12.0, False)
    assert (rules.active_start_minute, rules.active_end_minute) == (7 * 60, 22 * 60)


def test_saving_stores_the_rules_and_audits_only_what_changed(db, site):
    rules = read_rules(db, site.household_id)
    save_rules(db, SEAT, site.household_id, replace(rules, away=True, inactivity_hours=8.0))
    stored = read_rules(db, site.household_id)
    assert stored.away and stored.inactivity_hours == 8.0
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "care.rules")).one()
        assert (entry.actor, entry.entity_id) == ("值班员小王", site.household_id)
        assert json.loads(entry.detail) == {"away": True, "inactivity_hours": 8.0}
    save_rules(db, SEAT, site.household_id, stored)  # nothing changed: no second entry
    with db.session() as session:
        assert len(session.scalars(select(AuditEntry).where(AuditEntry.action == "care.rules")).all()) == 1


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"inactivity_hours": 0.0}, "无活动时长"),
        ({"silent_hours": 100.0}, "传感器静默时长"),
        ({"low_battery_percent": 0}, "低电量"),
        ({"active_end_minute": 7 * 60}, "活动时段"),
        ({"night_start_minute": 24 * 60}, "时刻无效"),
    ],
)
def test_values_the_rules_cannot_work_with_are_refused_and_nothing_is_stored(db, site, change, words):
    rules = read_rules(db, site.household_id)
    with pytest.raises(CareRulesError, match=words):
        save_rules(db, SEAT, site.household_id, replace(rules, **change))
    assert read_rules(db, site.household_id) == rules


def test_an_unknown_household_is_named(db):
    with pytest.raises(CareRulesError, match="住户 999999 不存在"):
        read_rules(db, 999999)
    with db.session() as session:
        assert session.get(CareSettings, 999999) is None
