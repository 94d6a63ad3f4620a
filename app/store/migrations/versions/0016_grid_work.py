"""The grid's own work: how many residents a visit met, when it was recorded, and what it found
(visit_findings, each linked to the ticket it became); volunteer activities and each member's hours.

Revision ID: 0016_grid_work
Revises: 0002_tickets
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_grid_work"
down_revision = "0002_tickets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("people_met", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("recorded_at", sa.DateTime(), nullable=True))
        batch.create_index("ix_visits_at", ["at"])
    op.create_table(
        "visit_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_findings_visit_id_visits"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_visit_findings_ticket_id_tickets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_findings")),
    )
    op.create_index("ix_visit_findings_visit_id", "visit_findings", ["visit_id"])
    op.create_index("ix_visit_findings_ticket_id", "visit_findings", ["ticket_id"])
    op.create_table(
        "volunteer_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["volunteer_teams.id"],
            name=op.f("fk_volunteer_activities_team_id_volunteer_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_activities")),
    )
    op.create_index("ix_volunteer_activities_team_id", "volunteer_activities", ["team_id"])
    op.create_index("ix_volunteer_activities_at", "volunteer_activities", ["at"])
    op.create_table(
        "volunteer_hours",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["volunteer_activities.id"],
            name=op.f("fk_volunteer_hours_activity_id_volunteer_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_volunteer_hours_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("activity_id", "person_id", name=op.f("pk_volunteer_hours")),
    )


def downgrade() -> None:
    op.drop_table("volunteer_hours")
    op.drop_index("ix_volunteer_activities_at", table_name="volunteer_activities")
    op.drop_index("ix_volunteer_activities_team_id", table_name="volunteer_activities")
    op.drop_table("volunteer_activities")
    op.drop_index("ix_visit_findings_ticket_id", table_name="visit_findings")
    op.drop_index("ix_visit_findings_visit_id", table_name="visit_findings")
    op.drop_table("visit_findings")
    with op.batch_alter_table("visits") as batch:
        batch.drop_index("ix_visits_at")
        batch.drop_column("recorded_at")
        batch.drop_column("people_met")
