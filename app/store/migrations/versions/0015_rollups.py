"""Daily roll-ups of tickets and alarms (app/rollups/), filled from the existing rows at once so a site
that upgrades sees its history in the charts and reports; an index of the timeline by action and time
for the reports' overdue and escalated lists.

Revision ID: 0015_rollups
Revises: 0007_site_settings (the site's time zone decides the days) and 0002_tickets; needs the alarms
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0015_rollups"
# A merge of the branches it reads, not `depends_on` for the tickets: a dependency that is a head would
# drop out of the version table and leave the schema looking out of date (Database.is_current).
down_revision = ("0007_site_settings", "0002_tickets")
branch_labels = None
depends_on = "0003_alarms"


def _counter(name: str, kind=sa.Integer) -> sa.Column:
    return sa.Column(name, kind(), nullable=False, server_default="0")


def upgrade() -> None:
    # Keys lead with the grid: a subtree's year is one index range of its root's rows.
    op.create_table(
        "rollup_ticket_daily",
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("category_code", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        *(_counter(name) for name in ("received", "closed", "overdue", "escalated")),
        sa.PrimaryKeyConstraint(
            "grid_id", "day", "category_code", "source", name=op.f("pk_rollup_ticket_daily")
        ),
    )
    op.create_table(
        "rollup_alarm_daily",
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        _counter("raised"),
        _counter("acknowledged"),
        _counter("ack_seconds", sa.Float),
        sa.PrimaryKeyConstraint("grid_id", "day", "kind", name=op.f("pk_rollup_alarm_daily")),
    )
    op.create_table(
        "rollup_alarm_ack_buckets",
        sa.Column("grid_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=False),
        _counter("count"),
        sa.PrimaryKeyConstraint("grid_id", "day", "kind", "bucket", name=op.f("pk_rollup_alarm_ack_buckets")),
    )
    op.create_index("ix_ticket_events_action_at", "ticket_events", ["action", "at"])
    # The recount is the application's own (one definition of what is counted); it reads only columns
    # that every revision since 0002/0003 has.
    from app.rollups import alarms, tickets

    session = Session(bind=op.get_bind())
    tickets.rebuild(session)
    alarms.rebuild(session)
    session.flush()


def downgrade() -> None:
    op.drop_index("ix_ticket_events_action_at", table_name="ticket_events")
    op.drop_table("rollup_alarm_ack_buckets")
    op.drop_table("rollup_alarm_daily")
    op.drop_table("rollup_ticket_daily")
