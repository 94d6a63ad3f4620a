"""0018_pairing_fund on a site with pairings from before it: they become current household pairings
(no start known), and the migration goes down and up again on both back ends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text


def test_old_pairings_become_current_household_pairings(work):
    db = work.context.db
    config = db._alembic_config()
    command.downgrade(config, "0018_pairing_fund-1")
    with db.engine.begin() as connection:
        person = connection.execute(
            text("INSERT INTO people (name, party_member) VALUES ('老党员', true) RETURNING id")
        ).scalar()
        connection.execute(
            text("INSERT INTO party_pairings (person_id, household_id) VALUES (:p, :h)"),
            {"p": person, "h": work.plain},
        )
    command.upgrade(config, "heads")
    assert db.is_current()
    with db.engine.connect() as connection:
        row = connection.execute(text("SELECT kind, started_at, ended_at, grid_id FROM party_pairings")).one()
    assert tuple(row) == ("household", None, None, None)
