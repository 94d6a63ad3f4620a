"""Event clips: a few seconds of a camera's video around an alarm or AI event, kept with the record.

The linked alarm, AI event and ticket are plain ids, not foreign keys: their tables come from other
branches of the history (0002_tickets, 0003_alarms, 0005_faces) and a clip outlives nothing it is
linked to anyway (pruning keeps the clips of open alarms and tickets). A row is `ready` only once its
file was renamed into place and synced; `recording` rows whose writer died are cleared by `clips prune`.

Revision ID: 0017_clips
Revises: 0001_foundation
"""

import sqlalchemy as sa
from alembic import op

revision = "0017_clips"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("camera_id", sa.Integer(), nullable=True),
        sa.Column("camera_name", sa.String(length=64), nullable=False),
        sa.Column("alarm_id", sa.Integer(), nullable=True),
        sa.Column("ai_event_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("event_at", sa.DateTime(), nullable=False),
        sa.Column("before_s", sa.Float(), nullable=False),
        sa.Column("after_s", sa.Float(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("host", sa.String(length=64), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.Column("dropped", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("ready_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["camera_id"], ["cameras.id"], name=op.f("fk_clips_camera_id_cameras"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clips")),
        sa.UniqueConstraint("alarm_id", "camera_id", name="uq_clips_alarm_camera"),
        sa.UniqueConstraint("ai_event_id", "camera_id", name="uq_clips_ai_event_camera"),
    )
    op.create_index(op.f("ix_clips_event_at"), "clips", ["event_at"], unique=False)
    op.create_index(op.f("ix_clips_ticket_id"), "clips", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_clips_ticket_id"), table_name="clips")
    op.drop_index(op.f("ix_clips_event_at"), table_name="clips")
    op.drop_table("clips")
