"""Household addresses read in one query for lists of alarms."""

from __future__ import annotations

from alarms.addresses import household_addresses


def test_addresses_of_many_households_at_once(db, site):
    with db.sessions() as session:
        assert household_addresses(session, {site.household_id, site.second_household_id}) == {
            site.household_id: "郑州市二七区幸福路18号院7号楼2单元301室",
            site.second_household_id: "郑州市二七区幸福路18号院7号楼1单元102室",
        }
        assert household_addresses(session, set()) == {}
