"""Tickets: the closed loop from intake to the resident's evaluation, with timeline, photos, notices.

Revision ID: 0002_tickets
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_tickets"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("queue", sa.String(length=12), nullable=False),
        sa.Column("sort_at", sa.DateTime(), nullable=True),
        sa.Column("category_code", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reporter_name", sa.String(length=64), nullable=True),
        sa.Column("reporter_phone", sa.String(length=20), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("grid_l1_id", sa.Integer(), nullable=True),
        sa.Column("grid_l2_id", sa.Integer(), nullable=True),
        sa.Column("grid_l3_id", sa.Integer(), nullable=True),
        sa.Column("grid_l4_id", sa.Integer(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("assigned_grid_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("evaluated_at", sa.DateTime(), nullable=True),
        sa.Column("level_started_at", sa.DateTime(), nullable=True),
        sa.Column("limit_minutes", sa.Float(), nullable=True),
        sa.Column("extension_minutes", sa.Float(), nullable=False),
        sa.Column("paused_minutes", sa.Float(), nullable=False),
        sa.Column("paused_at", sa.DateTime(), nullable=True),
        sa.Column("warn_level", sa.Integer(), nullable=False),
        sa.Column("deadline_at", sa.DateTime(), nullable=True),
        sa.Column("next_due_at", sa.DateTime(), nullable=True),
        sa.Column("overdue_since", sa.DateTime(), nullable=True),
        sa.Column("escalation_count", sa.Integer(), nullable=False),
        sa.Column("rework_count", sa.Integer(), nullable=False),
        sa.Column("extension_count", sa.Integer(), nullable=False),
        sa.Column("responded_on_time", sa.Boolean(), nullable=True),
        sa.Column("closed_on_time", sa.Boolean(), nullable=True),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("pending_request", sa.String(length=16), nullable=True),
        sa.Column("pending_minutes", sa.Float(), nullable=True),
        sa.Column("pending_reason", sa.Text(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("satisfaction", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["assigned_grid_id"],
            ["grids.id"],
            name=op.f("fk_tickets_assigned_grid_id_grids"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["people.id"], name=op.f("fk_tickets_assignee_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["building_id"],
            ["buildings.id"],
            name=op.f("fk_tickets_building_id_buildings"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["grid_l1_id"], ["grids.id"], name=op.f("fk_tickets_grid_l1_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["grid_l2_id"], ["grids.id"], name=op.f("fk_tickets_grid_l2_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["grid_l3_id"], ["grids.id"], name=op.f("fk_tickets_grid_l3_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["grid_l4_id"], ["grids.id"], name=op.f("fk_tickets_grid_l4_id_grids"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_tickets_household_id_households"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tickets")),
    )
    op.create_index("ix_tickets_assignee_queue", "tickets", ["assignee_id", "queue", "sort_at"], unique=False)
    op.create_index(op.f("ix_tickets_category_code"), "tickets", ["category_code"], unique=False)
    op.create_index(op.f("ix_tickets_created_at"), "tickets", ["created_at"], unique=False)
    op.create_index(op.f("ix_tickets_household_id"), "tickets", ["household_id"], unique=False)
    op.create_index("ix_tickets_l1_queue", "tickets", ["grid_l1_id", "queue", "sort_at"], unique=False)
    op.create_index("ix_tickets_l2_queue", "tickets", ["grid_l2_id", "queue", "sort_at"], unique=False)
    op.create_index("ix_tickets_l3_queue", "tickets", ["grid_l3_id", "queue", "sort_at"], unique=False)
    op.create_index(op.f("ix_tickets_next_due_at"), "tickets", ["next_due_at"], unique=False)
    op.create_index("ix_tickets_queue_sort", "tickets", ["queue", "sort_at"], unique=False)
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("seat", sa.String(length=128), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["grid_id"], ["grids.id"], name=op.f("fk_ticket_events_grid_id_grids"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_ticket_events_person_id_people"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_events_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_events")),
    )
    op.create_index(op.f("ix_ticket_events_ticket_id"), "ticket_events", ["ticket_id"], unique=False)
    op.create_table(
        "ticket_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["tickets.id"],
            name=op.f("fk_ticket_notices_ticket_id_tickets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_notices")),
    )
    op.create_index(op.f("ix_ticket_notices_created_at"), "ticket_notices", ["created_at"], unique=False)
    op.create_index(op.f("ix_ticket_notices_ticket_id"), "ticket_notices", ["ticket_id"], unique=False)
    op.create_table(
        "ticket_photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_ticket_photos_ticket_id_tickets"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ticket_photos")),
    )
    op.create_index(op.f("ix_ticket_photos_ticket_id"), "ticket_photos", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ticket_photos_ticket_id"), table_name="ticket_photos")
    op.drop_table("ticket_photos")
    op.drop_index(op.f("ix_ticket_notices_ticket_id"), table_name="ticket_notices")
    op.drop_index(op.f("ix_ticket_notices_created_at"), table_name="ticket_notices")
    op.drop_table("ticket_notices")
    op.drop_index(op.f("ix_ticket_events_ticket_id"), table_name="ticket_events")
    op.drop_table("ticket_events")
    op.drop_index("ix_tickets_queue_sort", table_name="tickets")
    op.drop_index(op.f("ix_tickets_next_due_at"), table_name="tickets")
    op.drop_index("ix_tickets_l3_queue", table_name="tickets")
    op.drop_index("ix_tickets_l2_queue", table_name="tickets")
    op.drop_index("ix_tickets_l1_queue", table_name="tickets")
    op.drop_index(op.f("ix_tickets_household_id"), table_name="tickets")
    op.drop_index(op.f("ix_tickets_created_at"), table_name="tickets")
    op.drop_index(op.f("ix_tickets_category_code"), table_name="tickets")
    op.drop_index("ix_tickets_assignee_queue", table_name="tickets")
    op.drop_table("tickets")
